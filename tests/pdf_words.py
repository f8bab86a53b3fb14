"""Find a label *whole* on a printed page: the words of the PDF with their positions (pdftotext -bbox).

Why positions and not the plain text: a cell that is too narrow prints its text
cut at the cell's edge ("Référée par une autre organi"), and a wrapped cell
prints its text over several lines, between the other cells of those lines, so
neither "the label is a substring of the page" nor "its words are on the page"
tells a whole label from a cut one. Here a label is whole when its words are
found in order, each one exactly (a word cut at the edge or broken after a
hyphen, "(0-" / "10)", never matches), each next word either just after the
previous one on the same line, or at the start of one of the next lines at the
same left edge as the label's first word (the cell wrapped it).
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from dataclasses import dataclass

import pytest

WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')
PAGE = re.compile(r'<page width="([\d.]+)"[^>]*>(.*?)</page>', re.S)


@dataclass(frozen=True)
class Word:
    x0: float
    y0: float
    x1: float
    y1: float
    text: str

    @property
    def height(self) -> float:
        return self.y1 - self.y0


def pdf_words(pdf) -> list[tuple[float, list[Word]]]:
    """Every page's width and words, in poppler's reading order."""
    exe = shutil.which("pdftotext")
    if exe is None:
        pytest.skip("pdftotext not installed (apt-get install poppler-utils)")
    out = subprocess.run([exe, "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [(float(width), [Word(float(a), float(b), float(c), float(d), html.unescape(t))
                            for a, b, c, d, t in WORD.findall(page)]) for width, page in PAGE.findall(out)]


def running_header(words: list[Word], page_width: float, top: float = 45.0) -> str:
    """The right part of the page header (``&A``: the sheet's name), from the words above ``top`` points."""
    right = page_width / 2
    return " ".join(w.text for w in sorted(words, key=lambda w: w.x0) if w.y1 < top and w.x0 > right)


def _follows(prev: Word, nxt: Word, left: float) -> bool:
    h = max(prev.height, 1.0)
    same_line = abs(nxt.y0 - prev.y0) < h * 0.3 and 0 <= nxt.x0 - prev.x1 < h * 0.9
    next_line = h * 0.5 < nxt.y0 - prev.y0 < h * 2.6 and abs(nxt.x0 - left) < h * 0.5
    return same_line or next_line


def _pieces(token: str) -> list[tuple[str, str]]:
    """(head, tail) for each place a compound word may wrap: after a hyphen between two letters.

    "Travaillent-elles" may print "Travaillent-" / "elles"; "(0-10)" never "(0-" / "10)".
    """
    return [(token[:i + 1], token[i + 1:]) for i, ch in enumerate(token)
            if ch == "-" and 0 < i < len(token) - 1 and token[i - 1].isalpha() and token[i + 1].isalpha()]


def whole_on_page(label: str, words: list[Word]) -> bool:
    """Whether ``label`` is printed whole on this page (see the module's docstring)."""
    tokens = label.split()
    if not tokens:
        return True
    by_text: dict[str, list[Word]] = {}
    for w in words:
        by_text.setdefault(w.text, []).append(w)

    def match(prev: Word | None, token: str, left: float | None):
        """The words that print ``token`` after ``prev``, possibly wrapped after one of its hyphens."""
        def ok(w):
            return prev is None or _follows(prev, w, left)
        for w in by_text.get(token, ()):
            if ok(w):
                yield w
        for head, tail in _pieces(token):
            for w in by_text.get(head, ()):
                if ok(w):
                    for v in by_text.get(tail, ()):
                        if _follows(w, v, left if left is not None else w.x0) and v.y0 > w.y0 + w.height * 0.5:
                            yield v

    def extend(prev: Word, i: int, left: float) -> bool:
        if i == len(tokens):
            return True
        return any(extend(w, i + 1, left) for w in match(prev, tokens[i], left))

    firsts = list(by_text.get(tokens[0], ())) + [w for head, _t in _pieces(tokens[0]) for w in by_text.get(head, ())]
    for first in firsts:
        left = first.x0
        for end in match(None, tokens[0], None):
            if end is first or (end.y0 > first.y0 and abs(end.x0 - left) < end.height * 0.5):
                if extend(end, 1, left):
                    return True
    return False
