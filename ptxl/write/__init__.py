"""Writers of the output sheets: ``surgical`` (zip parts, headless), ``live`` (xlwings), ``safety`` (the file)."""
