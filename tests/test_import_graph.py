"""ptxl's import graph, computed from the code: no cycle, and only the schema reads the forms.

DESIGN.md promises layers that import only those below them. A cycle (two packages that import
each other, even from inside a function) means neither can be understood, tested or replaced
alone, and the schema stops being the one place that knows the forms as soon as a second module
imports ``ptxl.forms``. The graph is read with ``ast`` from every ``ptxl/**/*.py`` (module-level
and function-level imports alike, relative imports resolved), so a new cycle fails here the day
it is written, not at import time in some later order.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1] / "ptxl"
FORMS = "ptxl.forms"
# The schema compiles the forms; the forms package may of course import its own modules.
MAY_IMPORT_FORMS = {"ptxl.schema"}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def all_modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(ROOT.rglob("*.py"))}


def imported_names(path: Path, modules: dict[str, Path]) -> set[str]:
    """Every ptxl module that ``path`` imports, anywhere in its body (not only at the top)."""
    this = module_name(path)
    found = {target for target, _name in imported_pairs(path, modules)}
    found.discard(this)
    return found


def imported_pairs(path: Path, modules: dict[str, Path]) -> set[tuple[str, str]]:
    """(ptxl module, name imported from it) of each import in ``path``; the name is "*" for ``import x``."""
    this = module_name(path)
    package = this if path.name == "__init__.py" else this.rpartition(".")[0]
    found: set[tuple[str, str]] = set()

    def add(name: str, what: str) -> None:
        # ``import ptxl.a.b`` runs ptxl.a.b; keep the longest prefix that is one of our modules.
        while name and name not in modules:
            name = name.rpartition(".")[0]
        if name.startswith("ptxl"):
            found.add((name, what))

    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                add(alias.name, "*")
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                origin = ".".join(base + ([node.module] if node.module else []))
            else:
                origin = node.module or ""
            for alias in node.names:
                full = f"{origin}.{alias.name}"
                add(full, "*") if full in modules else add(origin, alias.name)
        elif (isinstance(node, ast.Call) and isinstance(node.func, (ast.Attribute, ast.Name))
              and getattr(node.func, "attr", getattr(node.func, "id", "")) == "import_module"
              and node.args and isinstance(node.args[0], ast.Constant)
              and isinstance(node.args[0].value, str)):
            add(node.args[0].value, "*")
    return found


def module_graph() -> dict[str, set[str]]:
    modules = all_modules()
    return {name: imported_names(path, modules) for name, path in modules.items()}


def unit(module: str) -> str:
    """The top-level piece of ptxl a module belongs to: its package (``ptxl.build``) or itself."""
    parts = module.split(".")
    return ".".join(parts[:2])


def package_graph(graph: dict[str, set[str]]) -> dict[str, set[str]]:
    units: dict[str, set[str]] = {}
    for module, targets in graph.items():
        edges = units.setdefault(unit(module), set())
        edges.update(unit(t) for t in targets if unit(t) != unit(module))
    return units


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one node (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = [0]

    def visit(node: str) -> None:
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(found)


def one_path(graph: dict[str, set[str]], component: list[str]) -> str:
    """A readable witness for a cycle: a → b → … → a inside the component."""
    members = set(component)
    start = component[0]
    trail, seen = [start], {start}
    node = start
    while True:
        options = sorted(t for t in graph[node] if t in members)
        if start in options and len(trail) > 1:
            return " → ".join(trail + [start])
        nxt = next((t for t in options if t not in seen), None)
        if nxt is None:
            return " → ".join(trail + [options[0]])
        trail.append(nxt)
        seen.add(nxt)
        node = nxt


# --- the checker checks itself on small graphs, so a passing suite means something -----------

def test_cycles_finds_a_loop_and_nothing_else():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set(), "c": {"a", "b"}}) == []


def test_imports_are_read_everywhere_and_relative_ones_resolved(tmp_path, monkeypatch):
    pkg = tmp_path / "ptxl"
    (pkg / "sub").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "top.py").write_text("")
    (pkg / "sub" / "__init__.py").write_text("from . import leaf\n")
    (pkg / "sub" / "leaf.py").write_text(
        "def later():\n    from ..top import thing\n    import ptxl.sub\n")
    monkeypatch.setattr(sys.modules[__name__], "ROOT", pkg)
    modules = all_modules()
    assert imported_names(pkg / "sub" / "leaf.py", modules) == {"ptxl.top", "ptxl.sub"}
    assert imported_names(pkg / "sub" / "__init__.py", modules) == {"ptxl.sub.leaf"}
    graph = {name: imported_names(path, modules) for name, path in modules.items()}
    assert cycles(graph) == [["ptxl.sub", "ptxl.sub.leaf"]]


# --- the real code --------------------------------------------------------------------------

@pytest.fixture(scope="module")
def graph():
    found = module_graph()
    assert len(found) > 50 and "ptxl.schema" in found  # the walk did find the code
    return found


def test_no_cycle_between_packages(graph):
    packages = package_graph(graph)
    loops = cycles(packages)
    assert not loops, "packages that import each other:\n" + "\n".join(
        one_path(packages, c) for c in loops)


def test_no_cycle_between_modules(graph):
    loops = cycles(graph)
    assert not loops, "modules that import each other:\n" + "\n".join(
        one_path(graph, c) for c in loops)


def test_only_the_schema_imports_the_forms(graph):
    readers = sorted(m for m, targets in graph.items()
                     if unit(m) != FORMS and m not in MAY_IMPORT_FORMS
                     and any(unit(t) == FORMS for t in targets))
    assert readers == [], "modules that read ptxl.forms instead of asking the schema: " + ", ".join(readers)


def test_the_model_layer_sits_at_the_bottom(graph):
    """model/ imports only itself, the schema and the message catalogue: build, layout and write meet there,
    not in each other. The catalogue (i18n) is below everything: it imports nothing of ptxl but plural."""
    above = sorted(f"{m} → {t}" for m, targets in graph.items() if unit(m) == "ptxl.model"
                   for t in targets if unit(t) not in ("ptxl.model", "ptxl.schema", "ptxl.i18n"))
    assert above == []
    below = sorted(f"{m} → {t}" for m, targets in graph.items() if unit(m) == "ptxl.i18n"
                   for t in targets if unit(t) not in ("ptxl.i18n", "ptxl.plural", "ptxl"))
    assert below == []


def test_the_readme_folder_table_names_every_package():
    readme = (ROOT.parent / "README.md").read_text(encoding="utf-8")
    packages = sorted(p.parent.relative_to(ROOT.parent).as_posix() for p in ROOT.glob("*/__init__.py"))
    missing = [p for p in packages if f"| `{p}/` |" not in readme]
    assert len(packages) > 10 and missing == []


# --- views only format: they never load, validate or compute (DESIGN layer 7) ---------------

VIEW_UNITS = ("ptxl.layout", "ptxl.report", "ptxl.docs", "ptxl.export", "ptxl.export_readme")
NETWORK_VIEWS = ("ptxl.network.workbook", "ptxl.network.report", "ptxl.network.tables", "ptxl.network.texts")
# the stages a view must not reach: reading, normalising, validating, computing, the pipeline itself
STAGES = ("ptxl.pipeline", "ptxl.validate", "ptxl.read", "ptxl.normalise", "ptxl.rules", "ptxl.stats",
          "ptxl.alerts", "ptxl.excel.read", "ptxl.refresh")
# the texts of the alerts (their labels and columns) are formatting; the statistics' category keys are
# the names its dict is keyed by, not a computation
VIEW_MAY_IMPORT = {("ptxl.alerts.messages", "*"), ("ptxl.alerts.alert", "*"),
                   ("ptxl.stats.engagement", "EPIM_CATEGORIES"), ("ptxl.stats.impact", "scale_codes")}


def is_view(module: str) -> bool:
    return module in NETWORK_VIEWS or any(module == u or module.startswith(u + ".") for u in VIEW_UNITS)


def is_stage(module: str) -> bool:
    return any(module == s or module.startswith(s + ".") for s in STAGES)


def stage_imports(path: Path, modules: dict[str, Path]) -> list[str]:
    """``module:name`` of each stage a module imports, anywhere in its body, less VIEW_MAY_IMPORT."""
    return sorted(f"{target}:{name}" for target, name in imported_pairs(path, modules)
                  if is_stage(target) and target != module_name(path)
                  and (target, "*") not in VIEW_MAY_IMPORT and (target, name) not in VIEW_MAY_IMPORT)


def test_views_never_load_validate_or_compute():
    modules = all_modules()
    views = sorted(m for m in modules if is_view(m))
    assert {"ptxl.layout", "ptxl.report.context", "ptxl.docs.generate", "ptxl.export",
            "ptxl.network.workbook"} <= set(views)
    assert {"ptxl.pipeline", "ptxl.validate", "ptxl.stats", "ptxl.read"} <= set(modules)  # the names are real
    reaching = {m: stage_imports(modules[m], modules) for m in views}
    assert {m: s for m, s in reaching.items() if s} == {}, "views that load or compute"
    # the checker sees what it must: the refresh and the command line do run the pipeline
    assert stage_imports(modules["ptxl.refresh"], modules) and "ptxl.pipeline:compute" in \
        stage_imports(modules["ptxl.cli"], modules)


# The domain's rules the Word documents must not apply themselves: every public function of ptxl/domain
# (read from the code). The documents format ``model.CaseFile`` records that ``stats.casefiles`` computes
# with them (ages, durations, latest rows, document states, contacts, admitted); formatting helpers the
# documents may still take from the domain would be listed here: none is needed today.
DOCS_MAY_USE_DOMAIN: set[str] = set()


def domain_functions(modules: dict[str, Path]) -> set[str]:
    """The public functions defined at the top of ptxl/domain's modules (the domain's rules)."""
    return {node.name for m, path in modules.items() if unit(m) == "ptxl.domain"
            for node in ast.parse(path.read_text(encoding="utf-8")).body
            if isinstance(node, ast.FunctionDef) and not node.name.startswith("_")}


def domain_rules_used(module: str, modules: dict[str, Path], rules: set[str]) -> list[str]:
    """``target:name`` of each domain rule ``module`` imports (a whole domain module counts as all of them)."""
    return sorted(f"{target}:{name}" for target, name in imported_pairs(modules[module], modules)
                  if unit(target) == "ptxl.domain" and (name == "*" or name in rules)
                  and name not in DOCS_MAY_USE_DOMAIN)


def test_the_documents_never_apply_a_domain_rule():
    """docs/* formats the case files computed by ``stats.casefiles``; it imports none of the domain's rules
    (age_on, months_between, latest_row, dated_on_or_before, document_states, is_admitted, status_on,
    support_end, contact_summary, admitted_families, ...)."""
    modules = all_modules()
    rules = domain_functions(modules)
    assert {"age_on", "months_between", "latest_row", "dated_on_or_before", "document_states", "is_admitted",
            "status_on", "support_end", "contact_summary", "admitted_families"} <= rules
    docs = sorted(m for m in modules if unit(m) == "ptxl.docs")
    assert {"ptxl.docs.context", "ptxl.docs.generate", "ptxl.docs.render"} <= set(docs)
    assert {m: u for m in docs if (u := domain_rules_used(m, modules, rules))} == {}
    # the checker sees what it must: the compute side applies those rules
    assert {"ptxl.domain:age_on", "ptxl.domain.contacts:contact_summary"} <= set(
        domain_rules_used("ptxl.stats.casefiles", modules, rules))


# --- the README's package map is the import graph ------------------------------------------------

def readme_layers() -> list[tuple[str, list[str]]]:
    """The ``layer : a · b`` lines of the README's package map, top to bottom."""
    readme = (ROOT.parent / "README.md").read_text(encoding="utf-8")
    block = readme.split("### Package map", 1)[1].split("```", 2)[1]
    return [(name.strip(), [u.strip() for u in units.split("·")])
            for name, units in (line.split(":", 1) for line in block.strip().splitlines())]


def upward_imports(layers: list[tuple[str, list[str]]], graph: dict) -> list[str]:
    """``a → b`` of each import from a unit to one in a layer above its own (``layers`` top to bottom)."""
    level = {("ptxl" if u == "ptxl" else f"ptxl.{u}"): -i for i, (_n, units) in enumerate(layers) for u in units}
    return sorted(f"{unit(m)} → {unit(t)}" for m, targets in graph.items() for t in targets
                  if unit(t) != unit(m) and level.get(unit(t), 0) > level.get(unit(m), 0))


def test_the_readme_package_map_is_the_import_graph(graph):
    """Every package and top-level module sits in one layer of the map, and none imports a layer above it."""
    layers = readme_layers()
    named = [u for _n, units in layers for u in units]
    units = sorted({unit(m).removeprefix("ptxl.") for m in all_modules()})
    assert sorted(named) == units, "the map names each package and module once"
    assert upward_imports(layers, graph) == []


def test_the_map_check_sees_an_import_upward(graph):
    layers = readme_layers()
    swapped = [(n, ["layout"] if units == ["write"] else ["write"] if units == ["layout"] else units)
               for n, units in layers]
    assert any(e.startswith("ptxl.write → ptxl.layout") for e in upward_imports(swapped, graph))
