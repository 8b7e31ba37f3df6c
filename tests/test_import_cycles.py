"""The library's modules import one another one way only: no module reaches, through any chain of imports, back to
itself. Every import counts, the ones inside functions and under `TYPE_CHECKING` too: a lazy import only hides a
cycle until the day someone hoists it."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = "summarizers"


def modules(root: Path, package: str) -> dict[str, Path]:
    """Every module of `package` under `root` by dotted name (a package by its own name, not `.__init__`)."""
    found: dict[str, Path] = {}
    for path in sorted((root / package).rglob("*.py")):
        parts = list(path.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _imported(node: ast.Import | ast.ImportFrom, name: str, is_package: bool, known: set[str]) -> Iterator[str]:
    """The modules one import statement names. For `from M import x`: M.x where x is a submodule, else M (x is then
    a name M defines)."""
    if isinstance(node, ast.Import):
        yield from (alias.name for alias in node.names)
        return
    base = node.module or ""
    if node.level:  # relative: counted from the importing module's package
        anchor = name.split(".") if is_package else name.split(".")[:-1]
        anchor = anchor[: len(anchor) - (node.level - 1)]
        base = ".".join([*anchor, *([base] if base else [])])
    for alias in node.names:
        submodule = f"{base}.{alias.name}"
        yield submodule if submodule in known else base


def import_graph(root: Path, package: str) -> dict[str, set[str]]:
    """Each module's imports of other modules of the package. Importing `a.b` also runs the package `a`'s
    `__init__`; that implicit step is left out, or every module would share one cycle through the package's API."""
    known = modules(root, package)
    graph: dict[str, set[str]] = {}
    for name, path in known.items():
        tree = ast.parse(path.read_text("utf-8"), str(path))
        targets: set[str] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Import | ast.ImportFrom):
                for target in _imported(node, name, path.name == "__init__.py", set(known)):
                    if target in known and target != name:
                        targets.add(target)
        graph[name] = targets
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan's algorithm), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
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


def _write(root: Path, files: dict[str, str]) -> None:
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")


def test_the_library_has_no_import_cycle() -> None:
    assert cycles(import_graph(ROOT, PACKAGE)) == []


def test_a_cycle_hidden_in_a_function_or_under_type_checking_is_found(tmp_path: Path) -> None:
    _write(
        tmp_path,
        {
            "pkg/__init__.py": "",
            "pkg/base.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from pkg.stream import Live\n",
            "pkg/stream.py": "from pkg.base import Method\n",
            "pkg/checkers.py": "def default():\n    from pkg import nli\n    return nli\n",
            "pkg/nli.py": "from .checkers import route\n",
            "pkg/alone.py": "import pkg.base\n",
        },
    )
    assert cycles(import_graph(tmp_path, "pkg")) == [["pkg.base", "pkg.stream"], ["pkg.checkers", "pkg.nli"]]


def test_imports_of_a_package_and_from_its_parent_resolve_to_modules(tmp_path: Path) -> None:
    _write(
        tmp_path,
        {
            "pkg/__init__.py": "",
            "pkg/sub/__init__.py": "from . import leaf\n",
            "pkg/sub/leaf.py": "from .. import top\n",
            "pkg/top.py": "x = 1\n",
        },
    )
    assert import_graph(tmp_path, "pkg") == {
        "pkg": set(),
        "pkg.sub": {"pkg.sub.leaf"},
        "pkg.sub.leaf": {"pkg.top"},
        "pkg.top": set(),
    }


@pytest.mark.parametrize("chain", [2, 3, 5])
def test_a_cycle_through_several_modules_is_one_component(tmp_path: Path, chain: int) -> None:
    names = [f"m{i}" for i in range(chain)]
    files = {"pkg/__init__.py": ""}
    for position, name in enumerate(names):
        files[f"pkg/{name}.py"] = f"import pkg.{names[(position + 1) % chain]}\n"
    _write(tmp_path, files)
    assert cycles(import_graph(tmp_path, "pkg")) == [[f"pkg.{name}" for name in names]]
