"""ptxl — Plan Together XL: the case managers' workbook, its checks, statistics and documents."""

__version__ = "0.1.0"
