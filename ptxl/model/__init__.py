"""The bottom layer: the objects every stage passes around.

``dataset`` (Dataset, Finding), ``errors`` (PtxlError), ``grid`` (SheetGrid, Cell, ChartSpec: an
output sheet as cells, before any writer) and ``styles`` (the style names and colours the builder,
the layout and both writers share). Here so that build, layout and write all depend on it instead
of on each other; ``casefile`` (CaseFile: one case's figures as the Word documents show them,
computed by ``stats.casefiles``). It imports nothing of ptxl but the schema (``Dataset.from_rows`` asks it for
the column types), which a test checks (tests/test_import_graph.py).
"""
