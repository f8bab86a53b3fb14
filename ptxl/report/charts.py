"""The report's charts as PNG bytes, readable when printed in black and white.

Bars are grey with hatching and carry their value, so no colour is needed to
read them; every chart's data is also printed as a table beside it.
matplotlib is imported here only, so commands other than ``report`` never pay for it.
"""

from __future__ import annotations

import io

from ..guard import MissingExtra


def _plt():
    try:
        import matplotlib
    except ImportError:  # a base install (pip install .): say which extra brings the charts
        raise MissingExtra("report") from None
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    plt.rcParams.update({"font.size": 9, "font.family": "DejaVu Sans", "svg.hashsalt": "ptxl"})
    return plt


def _png(fig) -> io.BytesIO:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=150, bbox_inches="tight", metadata={"Software": None})
    buf.seek(0)
    return buf


def bar_chart(title: str, labels: list[str], values: list[int], texts: list[str] | None = None) -> io.BytesIO:
    plt = _plt()
    fig, ax = plt.subplots(figsize=(4.2, 2.6))
    bars = ax.bar(labels, values, color="#7f7f7f", edgecolor="black", hatch="//")
    ax.bar_label(bars, labels=texts, padding=2)
    ax.set_title(title)
    ax.spines[["top", "right"]].set_visible(False)
    ax.set_ylim(0, max(values + [1]) * 1.25)
    ax.yaxis.set_visible(False)
    out = _png(fig)
    plt.close(fig)
    return out


def hbar_chart(title: str, labels: list[str], values: list[int], texts: list[str] | None = None) -> io.BytesIO:
    plt = _plt()
    fig, ax = plt.subplots(figsize=(5.5, 0.35 * max(len(labels), 3) + 0.8))
    bars = ax.barh(labels[::-1], values[::-1], color="#7f7f7f", edgecolor="black", hatch="//")
    ax.bar_label(bars, labels=texts[::-1] if texts else None, padding=2)
    ax.set_title(title)
    ax.spines[["top", "right"]].set_visible(False)
    ax.xaxis.set_visible(False)
    out = _png(fig)
    plt.close(fig)
    return out


def stay_chart(title: str, families: list[str], years: list[float], legal: list[float],
               label_years: str, label_legal: str) -> io.BytesIO:
    """Years in the country next to years of legal stay, one pair of bars per family."""
    plt = _plt()
    fig, ax = plt.subplots(figsize=(6.0, 0.32 * max(len(families), 3) + 1.0))
    pos = list(range(len(families)))
    b1 = ax.barh([p + 0.2 for p in pos], years, height=0.4, color="#595959", edgecolor="black", label=label_years)
    b2 = ax.barh([p - 0.2 for p in pos], legal, height=0.4, color="white", edgecolor="black", hatch="xx",
                 label=label_legal)
    ax.bar_label(b1, padding=2, fmt="%.0f")
    ax.bar_label(b2, padding=2, fmt="%.0f")
    ax.set_yticks(pos, families)
    ax.set_title(title)
    ax.legend(loc="lower right", frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    out = _png(fig)
    plt.close(fig)
    return out
