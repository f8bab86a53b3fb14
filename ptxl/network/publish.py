"""Small-cell suppression of a network evaluation: each pilot and the network's tables together.

Why not each pilot alone: a network table publishes every pilot's count and
their sum, so "network total minus the other pilots' visible cells" gives a
pilot's hidden count back. Each table (pilots as rows, the network's counts as
the column sums) is therefore suppressed as a whole by
``ptxl.suppress.hide_table``, starting from what each pilot's own suppression
(``suppress_stats``) already hides, and the result is written back into the
pilot's statistics too, so the per-pilot and network figures hide the same cells.
A hidden count's percentage is hidden with it. Not suppressed: the Ns (cases,
reviewed cases, a question's N), as in ``ptxl.suppress``.
"""

from __future__ import annotations

import copy

from ..suppress import (HIDDEN, POSITIVE, UNRESOLVED, apply_resolved, hide_table, resolved_count_row, resolved_row,
                        small, suppress_stats)

BINARY = ("stateless", "asylum_on_arrival")  # profile counts "x of the admitted": a row {yes, no}


def _hidden(values: dict) -> set:
    return {k for k, v in values.items() if isinstance(v, str)}


def _mark(values: dict, marks: dict) -> dict:
    return {k: marks.get(k, v) for k, v in values.items()}


def suppress_network(pilots: list[dict], network: dict, threshold: int) -> tuple[list[dict], dict]:
    """Copies of the pilots' entries and of the network figures, safe to publish together."""
    raw = [p["stats"] for p in pilots]
    shown = [suppress_stats(s, threshold) for s in raw]
    net = copy.deepcopy(network)
    names = [str(i) for i in range(len(pilots))]

    def table(rows, force):
        return hide_table(dict(zip(names, rows)), threshold, dict(zip(names, force)))

    # engagement categories of the admitted cases
    marks, nmarks = table([s["engagement"]["epim"]["counts"] for s in raw],
                          [_hidden(s["engagement"]["epim"]["counts"]) for s in shown])
    for s, name in zip(shown, names):
        e = s["engagement"]["epim"]
        e["counts"] = _mark(e["counts"], marks[name])
        e["pct"] = {k: HIDDEN if k in marks[name] else v for k, v in e["pct"].items()}
    _publish(net["engagement"], nmarks)
    _resolution(raw, shown, net, names, threshold)
    # impact, question by question, over the pilots that asked it
    for key, nq in net["impact"]["questions"].items():
        asking = [i for i, s in enumerate(raw) if s["impact"]["questions"][key].get("asked", True)]
        rows = [raw[i]["impact"]["questions"][key]["counts"] for i in asking]
        force = [_hidden(shown[i]["impact"]["questions"][key]["counts"]) for i in asking]
        sub = [names[i] for i in asking]
        marks, nmarks = hide_table(dict(zip(sub, rows)), threshold, dict(zip(sub, force)))
        for i in asking:
            q, m = shown[i]["impact"]["questions"][key], marks[names[i]]
            q["counts"] = _mark(raw[i]["impact"]["questions"][key]["counts"], m)
            q["pct"] = {k: HIDDEN if k in m else v for k, v in raw[i]["impact"]["questions"][key]["pct"].items()}
            if "positive_pct" in q and m.keys() & POSITIVE:
                q["positive_pct"] = HIDDEN
        _publish(nq, nmarks)
        if "positive_pct" in nq and nmarks.keys() & POSITIVE:
            nq["positive_pct"] = HIDDEN
    # profile counts "x of the admitted"
    for key in BINARY:
        rows = [{"yes": s["cohort"]["admitted"][key], "no": s["cohort"]["families_admitted"] - s["cohort"]["admitted"][key]}
                for s in raw]
        force = [{"yes", "no"} if isinstance(s["cohort"]["admitted"][key], str) else set() for s in shown]
        marks, nmarks = table(rows, force)
        for s, r, name in zip(shown, raw, names):
            s["cohort"]["admitted"][key] = marks[name].get("yes", r["cohort"]["admitted"][key])
        if "yes" in nmarks:
            net["profile"][key] = nmarks["yes"]
    out = [dict(p, stats=s) for p, s in zip(pilots, shown)]
    net["suppression"] = {"threshold": threshold, "small": small(threshold), "hidden": HIDDEN}
    return out, net


def _resolution(raw, shown, net, names, t) -> None:
    """The resolved count ("x of the cases") and the resolved cases by type, each a table of pilots.

    The two are published together: a hidden resolved count forces its row's rest hidden in the
    table by type, and a rest hidden there hides the count, until both tables agree.
    """
    epims = [s["engagement"]["epim"] for s in raw]
    counts = [resolved_count_row(e["resolved"], e["cases"]) for e in epims]
    types = [resolved_row(e["resolved"], e["cases"]) for e in epims]
    mine = [s["engagement"]["epim"]["resolved"] for s in shown]
    count_force = {n: ({"resolved", UNRESOLVED} if isinstance(r["count"], str) else set()) for n, r in zip(names, mine)}
    type_force = {n: _hidden(r["by_type"]) for n, r in zip(names, mine)}
    net_count = net_types = None
    while True:
        cm, net_count = hide_table(dict(zip(names, counts)), t, count_force)
        for n in names:
            if "resolved" in cm[n]:
                type_force[n] |= {UNRESOLVED}
        tm, net_types = hide_table(dict(zip(names, types)), t, type_force)
        grown = {n for n in names if UNRESOLVED in tm[n] and "resolved" not in cm[n]}
        if not grown:
            break
        for n in grown:
            count_force[n] |= {"resolved", UNRESOLVED}
    for s, r, n in zip(shown, raw, names):
        res = s["engagement"]["epim"]["resolved"]
        res.update(copy.deepcopy(r["engagement"]["epim"]["resolved"]))
        apply_resolved(res, cm[n], tm[n])
    apply_resolved(net["resolved"], net_count, net_types)


def _publish(figures: dict, marks: dict) -> None:
    """A network table's hidden counts and their percentages."""
    figures["counts"] = _mark(figures["counts"], marks)
    figures["pct"] = {k: HIDDEN if k in marks else v for k, v in figures["pct"].items()}
