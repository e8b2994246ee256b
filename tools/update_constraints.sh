#!/usr/bin/env bash
# Rewrite constraints.txt from the environment the suite passed in (run from the checkout).
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-.venv/bin/python}
{
  sed -n '1,/^# install/p' constraints.txt | grep '^#'
  "$python" -m pip freeze --exclude-editable | grep -v -i '^kenshu' \
    | sed -E 's/^(PySide6_Addons|PySide6_Essentials|shiboken6)(==.*)$/\1\2; python_version < "3.12"/'
} > constraints.txt.new
mv constraints.txt.new constraints.txt
