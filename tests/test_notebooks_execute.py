"""Every notebook runs top to bottom, headlessly (nbclient), against a temporary sample workspace.

The kernel reads ``NETANALYTICS_WORKSPACE`` through :mod:`netanalytics.config`, so the
notebooks never touch the repository's data/ folder here. No cell may produce an error
output or a traceback on stderr; the widgets' state is stored, as JupyterLab would.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from netanalytics.config import REPO_DIR, WORKSPACE_ENV, WORKSPACE_FILENAME

NOTEBOOK_DIR = REPO_DIR / "notebooks"
NOTEBOOKS = sorted(p.name for p in NOTEBOOK_DIR.glob("[0-9][0-9]_*.ipynb"))

sys.path.insert(0, str(REPO_DIR / "scripts"))
import make_notebooks  # noqa: E402


@pytest.fixture(scope="module")
def prepared_sample(tmp_path_factory) -> Path:
    """The sample workspace, built once (the same way `make lab` builds it)."""
    from netanalytics.demo import run_demo

    folder = tmp_path_factory.mktemp("sample") / "workspace"
    run_demo(folder, None, quiet=True)
    return folder


def _execute(name: str, workspace: Path, tmp_path: Path) -> nbformat.NotebookNode:
    nb = nbformat.read(NOTEBOOK_DIR / name, as_version=4)
    env_before = os.environ.get(WORKSPACE_ENV)
    os.environ[WORKSPACE_ENV] = str(workspace)
    os.environ.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    try:
        client = NotebookClient(
            nb,
            timeout=180,
            kernel_name="python3",
            store_widget_state=True,
            resources={"metadata": {"path": str(tmp_path)}},
        )
        client.execute()
    finally:
        if env_before is None:
            os.environ.pop(WORKSPACE_ENV, None)
        else:
            os.environ[WORKSPACE_ENV] = env_before
    return nb


def _problems(nb: nbformat.NotebookNode) -> list[str]:
    found = []
    for index, cell in enumerate(nb.cells):
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                found.append(f"cell {index}: {output.get('ename')}: {output.get('evalue')}")
            elif output.get("output_type") == "stream" and output.get("name") == "stderr":
                text = "".join(output.get("text", ""))
                if "Traceback" in text or "Error" in text:
                    found.append(f"cell {index} stderr: {text[:500]}")
    return found


def test_there_are_five_numbered_notebooks_and_they_are_up_to_date():
    assert NOTEBOOKS == [
        "00_quickstart.ipynb",
        "01_explore_network.ipynb",
        "02_find_warm_intros.ipynb",
        "03_log_outcomes.ipynb",
        "04_follow_up_cadence.ipynb",
    ]
    assert make_notebooks.main(["--check", "--out", str(NOTEBOOK_DIR)]) == 0


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_committed_notebooks_are_thin_stripped_and_have_a_kernelspec(name):
    nb = nbformat.read(NOTEBOOK_DIR / name, as_version=4)
    assert nb.metadata["kernelspec"]["name"] == "python3"
    code = [cell for cell in nb.cells if cell.cell_type == "code"]
    assert code, "a notebook without code"
    for cell in code:
        assert cell.outputs == [] and cell.execution_count is None, "outputs must be stripped"
        assert "def " not in cell.source and "class " not in cell.source, "notebooks define no logic"
    assert sum("WORKSPACE = None" in cell.source for cell in code) == 1


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_runs_top_to_bottom_without_errors(name, prepared_sample, tmp_path):
    workspace = tmp_path / "workspace"
    shutil.copytree(prepared_sample, workspace)
    nb = _execute(name, workspace, tmp_path)
    assert _problems(nb) == []
    assert all(cell.execution_count for cell in nb.cells if cell.cell_type == "code")
    if name.startswith("00_"):  # the front door: tables and a plot, no widgets
        kinds = {key for cell in nb.cells for out in cell.get("outputs", []) for key in out.get("data", {})}
        assert {"text/html", "image/png"} <= kinds, "the quickstart should show tables and a chart"
        return
    widget_state = nb.metadata.get("widgets", {}).get(
        "application/vnd.jupyter.widget-state+json", {}
    )
    assert widget_state.get("state"), "the notebook should show widgets"


def test_notebook_prepares_the_sample_workspace_when_missing(tmp_path):
    workspace = tmp_path / "fresh"
    nb = _execute("01_explore_network.ipynb", workspace, tmp_path)
    assert _problems(nb) == []
    assert (workspace / WORKSPACE_FILENAME).exists()
