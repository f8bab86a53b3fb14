"""``python -m ptxl.build [--check]``: regenerate (or check) workbook/plan_together.xlsx."""

import sys

from .regenerate import main

sys.exit(main())
