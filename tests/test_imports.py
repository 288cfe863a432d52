"""The package's modules import each other without a cycle, at import time and through imports
inside functions alike, and factcheck.api re-exports what its callers use."""
from __future__ import annotations

import ast
from pathlib import Path

import factcheck
from factcheck import api

PACKAGE = Path(factcheck.__file__).resolve().parent


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(tree: ast.Module, inside_functions: bool):
    """Import statements of a module: those run at import time (at module level and in class
    bodies, inside if, try, with and loops, but not under ``if TYPE_CHECKING``), and with
    ``inside_functions`` also those that run when a function is called."""
    todo: list[ast.stmt] = list(tree.body)
    while todo:
        node = todo.pop()
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node
        elif isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            todo.extend(node.orelse)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and not inside_functions:
            continue
        else:
            for field in ("body", "orelse", "finalbody", "handlers"):
                for child in getattr(node, field, []):
                    todo.extend(child.body if isinstance(child, ast.ExceptHandler) else [child])


def _with_parents(name: str, modules: set[str]) -> set[str]:
    """A module and the packages above it (importing a.b.c runs a/__init__ and a/b/__init__)."""
    parts = name.split(".")
    return {".".join(parts[:i]) for i in range(1, len(parts) + 1)} & modules


def import_graph(inside_functions: bool = False) -> dict[str, set[str]]:
    """For each module of the package, the modules of the package it imports at import time (and
    with ``inside_functions``, in any function too)."""
    files = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    modules = set(files)
    graph: dict[str, set[str]] = {}
    for name, path in files.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        edges: set[str] = set()
        for node in _imports(ast.parse(path.read_text(encoding="utf-8")), inside_functions):
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            else:
                base = package.split(".")[:len(package.split(".")) - (node.level - 1)] if node.level else []
                origin = ".".join(base + ([node.module] if node.module else []))
                targets = [origin] + [f"{origin}.{a.name}" for a in node.names]
            for target in targets:
                edges |= _with_parents(target, modules)
        graph[name] = edges - {name} - set(_with_parents(name, modules))
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_the_package_has_no_import_cycle():
    graph = import_graph()
    assert "factcheck.runner" in graph and "factcheck.engines" in graph["factcheck.runner"]
    assert cycles(graph) == []


def test_no_cycle_is_hidden_in_a_function_local_import():
    graph = import_graph(inside_functions=True)
    assert "factcheck.progressbar" in graph["factcheck.cli"]
    assert cycles(graph) == []


def test_the_cycle_finder_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_the_facade_names_what_it_exports():
    assert all(hasattr(api, name) for name in api.__all__)
    assert {"run", "check_texts", "check_articles", "Report", "UsageError", "EXIT_ERROR", "ALL_FORMATS"} <= set(api.__all__)
