"""Word case files filled from the workbook: annex A, B, C and the family's full case file.

``generate_documents`` is what ``ptxl docs`` and the Excel button call, with a ``Results`` or
``Loaded`` whose ``case_files`` (``stats.casefiles``) hold every figure already computed; the
context builders (``ptxl.docs.context``) only format them and the renderer (``ptxl.docs.render``)
fills the templates, each usable and testable alone. Heavy imports stay inside.
"""

from __future__ import annotations

from .texts import DOC_TYPES


def generate_documents(loaded, out_dir, cases=None, force=False, pdf=False, **kwargs):
    from .generate import generate_documents as _generate
    return _generate(loaded, out_dir, cases, force, pdf, **kwargs)


__all__ = ["DOC_TYPES", "generate_documents"]
