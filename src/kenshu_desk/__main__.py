import sys

from kenshu_desk.cli import main

sys.exit(main())
