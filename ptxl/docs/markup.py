"""Staff text made safe for a Word run: escaped, with its line breaks kept as Word line breaks.

Jinja's autoescape already turns ``&``, ``<`` and ``>`` into entities, so a name like
``Ben & </w:t>`` or a note quoting ``{{ x }}`` lands in the document literally
(values are never re-parsed as template). What autoescape cannot do is make an
Alt+Enter line break inside an Excel cell show as a line break in Word:
``Lines`` does it the way docxtpl's ``Listing`` does, but directly at render
time, so no extra pass over the whole rendered XML is needed.
"""

from __future__ import annotations

from markupsafe import escape

BREAK = '</w:t><w:br/><w:t xml:space="preserve">'
TAB = '</w:t><w:tab/><w:t xml:space="preserve">'


class Lines:
    """A multi-line text value for a ``{{ tag }}`` placed inside a run (as every docxtpl tag is)."""

    __slots__ = ("text",)

    def __init__(self, text: str):
        self.text = text

    def __html__(self) -> str:
        return str(escape(self.text)).replace("\n", BREAK).replace("\t", TAB)

    def __str__(self) -> str:
        return self.text

    def __bool__(self) -> bool:
        return bool(self.text)

    def __eq__(self, other) -> bool:
        return str(self) == str(other)

    def __hash__(self) -> int:
        return hash(self.text)

    def __repr__(self) -> str:
        return f"Lines({self.text!r})"


def text(value) -> "str | Lines":
    """Any context value → what a template may print: '' for blank, ``Lines`` when it has breaks or tabs."""
    if value is None:
        return ""
    if isinstance(value, Lines):
        return value
    s = str(value)
    return Lines(s) if ("\n" in s or "\t" in s) else s
