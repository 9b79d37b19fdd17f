"""The library is layered: a module never imports from a layer above its own."""

from __future__ import annotations

import ast
from pathlib import Path

import netanalytics

#: Lower number = lower layer. Shared helpers (errors, config, safety, text) sit below all.
LAYERS = {
    "errors": 0, "config": 0, "safety": 0, "text": 0, "urls": 0, "days": 0, "bounds": 0, "batch": 0,
    "ingest": 1, "identity": 2, "recognition": 2, "workspace": 3, "sample": 3, "graph": 4, "scoring": 5,
    "ranking": 6, "outreach": 7, "charts": 8,
    # the front door for notebooks and scripts: one object over everything below
    "api": 9,
    # interfaces: thin skins over the front door (and the layers below it)
    "widgets": 10, "cli": 10, "demo": 10, "__main__": 10,
    # the package root re-exports the front door, lazily (see netanalytics/__init__.py)
    "__init__": 10,
}


def _imports(path: Path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("netanalytics."):
            yield node.module, node.lineno
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("netanalytics."):
                    yield alias.name, node.lineno


def test_no_module_imports_a_layer_above_its_own():
    root = Path(netanalytics.__file__).parent
    violations = []
    for path in sorted(root.rglob("*.py")):
        part = path.relative_to(root).with_suffix("").parts[0]
        assert part in LAYERS, f"{path} belongs to no layer: add it to LAYERS"
        for module, line in _imports(path):
            target = module.split(".")[1]
            if LAYERS.get(target, 0) > LAYERS[part]:
                violations.append(f"{path.relative_to(root)}:{line} imports {module}")
    assert violations == []


def test_importing_the_package_loads_no_heavy_library():
    """`import netanalytics` stays cheap: the front door loads pandas only when used."""
    import subprocess
    import sys

    code = ("import sys, netanalytics\n"
            "print(sorted(m for m in ('pandas', 'numpy', 'networkx', 'matplotlib', 'ipywidgets',"
            " 'netanalytics.api') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
