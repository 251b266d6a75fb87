"""The shape of the house: which app may import which, computed from the code's imports."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APPS = ("core", "schools", "supervision", "correspondence", "committee", "qa")
# Who may depend on whom (docs/ARCHITECTURE.md draws it). Benchmarks and demo seeders are tools, not the app.
ALLOWED = {
    "core": set(),
    "schools": {"core"},
    "supervision": {"core", "schools"},
    "correspondence": {"core", "schools"},
    "qa": {"core", "schools", "supervision"},
    "committee": {"core", "schools", "supervision", "correspondence", "qa"},
}


def _is_tooling(path: Path) -> bool:
    return "migrations" in path.parts or path.name.startswith("bench") or "bench" in path.stem


def app_imports() -> dict[str, dict[str, set[str]]]:
    """{app: {imported app: {file that imports it}}} over every module of every app."""
    graph: dict[str, dict[str, set[str]]] = {app: {} for app in APPS}
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            if _is_tooling(path):
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                names = []
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    names = [node.module]
                for name in names:
                    top = name.split(".")[0]
                    if top in APPS and top != app:
                        graph[app].setdefault(top, set()).add(str(path.relative_to(ROOT)))
    return graph


def test_core_imports_no_domain_app():
    assert app_imports()["core"] == {}


def test_each_app_imports_only_the_apps_below_it():
    graph = app_imports()
    unexpected = {
        f"{app} → {dep}": sorted(files) for app, deps in graph.items() for dep, files in deps.items()
        if dep not in ALLOWED[app]
    }  # fmt: skip
    assert unexpected == {}


def test_the_app_graph_has_no_cycle():
    graph = {app: set(deps) for app, deps in app_imports().items()}
    seen: dict[str, str] = {}

    def visit(app: str, trail: tuple[str, ...]) -> None:
        assert app not in trail, "cycle: " + " → ".join((*trail, app))
        if seen.get(app) == "done":
            return
        for dep in sorted(graph[app]):
            visit(dep, (*trail, app))
        seen[app] = "done"

    for app in APPS:
        visit(app, ())
