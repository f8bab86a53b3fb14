"""``python -m ptxl`` runs the command line (the benchmarks time it this way)."""

from .cli import run

run()
