"""`python -m lagebild.spark INPUT... --out DIR`: the same as `lagebild spark`."""

import sys

from lagebild.cli.main import app

app(args=["spark", *sys.argv[1:]], prog_name="python -m lagebild.spark")
