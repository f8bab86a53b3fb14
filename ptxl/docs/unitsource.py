"""A Word template's fixed text said for the pilot's unit of a case, its tags and XML left as they are.

Why at the template and not in the generator of the templates: the committed
templates (and the copies staff restyle in Word) are written for families, once;
a person-unit pilot (``evaluation_unit`` = person) gets the same files said for
persons when they are compiled, so there is one set of templates, a customised
template follows the setting too, and every tag keeps working. Only the text
between tags is touched, before Jinja fills the tags in: what staff typed in the
workbook (inserted by the tags) is never changed. The word swap itself is
``ptxl.pilot.unit_text``; a family pilot's template is returned unchanged.
"""

from __future__ import annotations

import re

from ..pilot import DEFAULT_UNIT, unit_text

# XML markup and Jinja tags (docxtpl's ``{%p``, ``{%tr``… included), kept verbatim; the text between is swapped.
_KEEP = re.compile(r"(<[^>]*>|{{.*?}}|{%.*?%}|{#.*?#})", re.DOTALL)


def said_for_unit(source: str, unit: str | None, lang: str) -> str:
    """``source`` (a part's XML or its Jinja source) with its visible text said for ``unit``.

    A word split over two runs by Word's editing (``fam`` + ``ille``) is not seen and stays as typed.
    """
    if not unit or unit == DEFAULT_UNIT:
        return source
    pieces = _KEEP.split(source)
    for i in range(0, len(pieces), 2):  # even pieces: text between markup and tags
        if pieces[i]:
            pieces[i] = unit_text(pieces[i], unit, lang)
    return "".join(pieces)
