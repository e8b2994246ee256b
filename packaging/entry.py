"""Entry point of the bundled program: PyInstaller runs this file as __main__.

The same `kenshu-desk` command as the wheel's console script: no command opens the window.
"""

import sys

from kenshu_desk.cli import main

if __name__ == "__main__":
    sys.exit(main())
