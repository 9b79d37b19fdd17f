"""widgets/common.py: escaped tables, readable errors, the status line, the notebook workspace."""

from __future__ import annotations

import doctest

import ipywidgets as widgets
import pandas as pd
import pytest

from netanalytics.errors import InputError, NotFoundError
from netanalytics.widgets import common
from netanalytics.widgets.common import Status, as_records, html_list, html_table, readable_error

XSS = "<img src=x onerror=alert(1)>"


def test_the_widget_doctests_are_collected_by_the_suite():
    """The widget modules' doctests run with every other module's (no --ignore)."""
    import tomllib
    from pathlib import Path

    config = tomllib.loads((Path(__file__).parent.parent / "pyproject.toml").read_text())
    addopts = config["tool"]["pytest"]["ini_options"]["addopts"]
    assert "--doctest-modules" in addopts and "--ignore" not in addopts
    assert doctest.DocTestFinder().find(common) and any(t.examples for t in doctest.DocTestFinder().find(common))


def test_cell_classes_are_escaped_and_applied():
    html = html_table([{"a": "late"}], ["a"], cell_classes={"a": lambda v: f"na-{v}"})
    assert '<td class="na-late">late</td>' in html
    html = html_table([{"a": 1}], ["a"], cell_classes={"a": lambda v: '"><script>'})
    assert "<script>" not in html


def test_html_table_escapes_every_cell_and_header():
    html = html_table(
        [{"name": XSS, "company": '"quoted" & co', "score": 0.123}],
        ["name", "company", "score"],
        labels={"name": XSS},
        numeric=["score"],
    )
    assert XSS not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "&quot;quoted&quot; &amp; co" in html
    assert '<td class="na-num">0.12</td>' in html


def test_html_table_formats_are_escaped_too():
    html = html_table([{"path": ["Me", XSS]}], ["path"], formats={"path": " → ".join})
    assert "Me → &lt;img" in html and "<img" not in html


def test_html_table_handles_missing_values_and_empty_input():
    html = html_table([{"a": None, "b": float("nan"), "c": pd.NA}], ["a", "b", "c"])
    assert html.count("<td></td>") == 3
    assert "Nothing to show" in html_table([], ["a"])
    assert "&lt;none&gt;" in html_table([], ["a"], empty="<none>")


def test_html_list_escapes():
    assert "<li>&lt;img" in html_list([XSS], ordered=True)


def test_as_records_accepts_frames_dicts_and_rows(tmp_workspace):
    frame = pd.DataFrame({"a": [1, 2]})
    assert as_records(frame) == [{"a": 1}, {"a": 2}]
    assert as_records(None) == []
    row = tmp_workspace.conn.execute("SELECT 1 AS one, 'x' AS two").fetchone()
    assert as_records([row]) == [{"one": 1, "two": "x"}]


@pytest.mark.parametrize(
    ("exc", "expected"),
    [
        (NotFoundError("No person named 'Zed' in the workspace."), "No person named 'Zed'"),
        (InputError("date", "YYYY-MM-DD", "'tomorrow'"), "date: expected YYYY-MM-DD"),
        (ValueError("month must be in 1..12"), "Invalid value: month must be in 1..12"),
        (KeyError("x"), "Not found"),
        (RuntimeError("boom"), "Something went wrong (RuntimeError): boom"),
    ],
)
def test_readable_error(exc, expected):
    text = readable_error(exc)
    assert expected in text
    assert "Traceback" not in text


def test_status_shows_escaped_messages():
    status = Status()
    status.error(XSS)
    assert status.kind == "error"
    assert XSS not in status.html.value and "&lt;img" in status.html.value
    status.ok("Saved")
    assert status.kind == "ok" and "na-ok" in status.html.value
    status.clear()
    assert status.html.value == "" and status.kind == ""


def test_status_busy_swallows_errors_into_a_message_and_reenables_buttons():
    status = Status()
    button = widgets.Button()
    with status.busy("Working…", disable=[button]):
        assert button.disabled
        assert status.progress.layout.display == ""
        raise NotFoundError("No person named 'Zed' in the workspace.")
    assert not button.disabled
    assert status.kind == "error" and "Zed" in status.message
    assert status.progress.layout.display == "none"


def test_status_busy_clears_its_own_message_on_success():
    status = Status()
    with status.busy("Ranking…"):
        pass
    assert status.kind == ""
    with status.busy("Ranking…"):
        status.ok("Ranked 10 people")
    assert status.kind == "ok"


def test_status_reporting_and_progress():
    status = Status()
    with status.reporting():
        raise ValueError("bad date")
    assert status.kind == "error" and "bad date" in status.message
    status.update(5, 10, "Importing…")
    assert status.progress.value == 0.5 and status.kind == "info"


def test_notebook_workspace_opens_an_explicit_folder_or_says_it_is_missing(tmp_path, tmp_workspace):
    ws = common.notebook_workspace(tmp_workspace.folder)
    assert ws.path == tmp_workspace.path
    ws.close()
    with pytest.raises(common.NotebookSetupError, match="No workspace") as caught:
        common.notebook_workspace(tmp_path / "nowhere")
    [line] = caught.value._render_traceback_()  # what IPython shows instead of a traceback
    assert line.startswith("netanalytics: No workspace at") and "WORKSPACE = " in line


def test_notebook_workspace_follows_the_environment_variable(monkeypatch, tmp_workspace):
    monkeypatch.setenv("NETANALYTICS_WORKSPACE", str(tmp_workspace.folder))
    ws = common.notebook_workspace(None)
    assert ws.path == tmp_workspace.path
    ws.close()


def test_notebook_workspace_builds_the_sample_where_none_exists(monkeypatch, tmp_path):
    from netanalytics.workspace import open_workspace

    calls = []

    def fake_run_demo(folder, charts, **kw):
        calls.append((folder, charts, kw))
        open_workspace(folder).close()

    monkeypatch.setenv("NETANALYTICS_WORKSPACE", str(tmp_path / "fresh"))
    monkeypatch.setattr("netanalytics.demo.run_demo", fake_run_demo)
    ws = common.notebook_workspace(None)
    assert calls == [(tmp_path / "fresh", None, {"quiet": True, "if_missing": True})]
    ws.close()


def test_a_widget_thread_gets_its_own_connection_and_it_is_closed_when_the_thread_ends(tmp_workspace,
                                                                                        monkeypatch):
    import gc
    import threading

    from netanalytics.widgets.common import close_thread_workspaces, workspace_for_thread
    from netanalytics.workspace.db import Workspace

    seen = {}
    closed = []
    original = Workspace.close
    monkeypatch.setattr(Workspace, "close", lambda self: (closed.append(self), original(self)))

    def handler():
        other = workspace_for_thread(tmp_workspace)
        seen["ws"] = other
        seen["same_thread_again"] = workspace_for_thread(tmp_workspace) is other
        other.conn.execute("SELECT count(*) FROM people").fetchone()

    worker = threading.Thread(target=handler)
    worker.start()
    worker.join()
    gc.collect()
    assert seen["ws"] is not tmp_workspace and seen["same_thread_again"]
    assert closed == [seen["ws"]]
    # On the thread that opened the workspace, nothing extra is opened or closed.
    assert workspace_for_thread(tmp_workspace) is tmp_workspace
    assert close_thread_workspaces() == 0
