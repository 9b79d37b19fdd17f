"""The notebooks in a real JupyterLab, in a real (headless Debian) Chromium, through Playwright.

One JupyterLab server (127.0.0.1, isolated HOME and Jupyter folders, its own process
session) serves a temporary copy of notebooks/ against a temporary sample workspace. For
each notebook: run all cells, then check that no widget failed to render and no cell
failed; then use it as a person would. Screenshots land in tests/artifacts/ (git-ignored).

These tests never skip: without Chromium they fail and say how to install it.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_support import (
    CHROMIUM_ARGS,
    LabServer,
    error_outputs,
    lab_server,
    open_notebook,
    require_chromium,
    run_all_cells,
    wait_idle,
)

from netanalytics.config import REPO_DIR, WORKSPACE_ENV, WORKSPACE_FILENAME

pytestmark = [pytest.mark.browser, pytest.mark.timeout(300)]

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
XSS = "<img src=x onerror=alert(1)>"
NOTEBOOK_DIR = REPO_DIR / "notebooks"


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Path:
    """The sample workspace, built as `make lab` builds it."""
    from netanalytics.demo import run_demo

    folder = tmp_path_factory.mktemp("browser") / "workspace"
    run_demo(folder, None, quiet=True)
    # an export string that tries to be markup: it must show as text everywhere
    with sqlite3.connect(folder / WORKSPACE_FILENAME) as conn:
        conn.execute(
            "INSERT INTO people(person_id, full_name, company, position, created_at, updated_at)"
            " VALUES ('p_xss', ?, 'Stripe', 'Product Manager', '', '')",
            (XSS,),
        )
        friend = conn.execute(
            "SELECT owner_person_id FROM sources WHERE owner_person_id IS NOT NULL"
            " ORDER BY source_id LIMIT 1"
        ).fetchone()[0]
        conn.execute("INSERT INTO ties(owner_id, person_id) VALUES (?, 'p_xss')", (friend,))
    return folder


@pytest.fixture(scope="module")
def server(tmp_path_factory, workspace) -> Iterator[LabServer]:
    base = tmp_path_factory.mktemp("lab")
    root = base / "notebooks"
    shutil.copytree(NOTEBOOK_DIR, root)
    with lab_server(root, base / "home", env={WORKSPACE_ENV: str(workspace)}) as lab:
        yield lab


@pytest.fixture(scope="module")
def browser(server):
    executable = require_chromium()  # fails (never skips) with a hint when missing
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1440, "height": 2000})
    page = context.new_page()
    page.set_default_timeout(60_000)
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    try:
        yield page
    finally:
        assert dialogs == [], f"a script from the data ran in the page: {dialogs}"
        context.close()


def _shows_as_text(page, selector: str) -> None:
    """The XSS probe appears as text in ``selector`` and no element was made from it."""
    assert XSS in page.locator(selector).inner_text()
    assert page.locator("img[src='x']").count() == 0


def _run(page, server: LabServer, name: str) -> None:
    try:
        open_notebook(page, server, name)
        run_all_cells(page, name)
    except Exception:
        _shot(page, f"failed_{Path(name).stem}")
        raise
    page.wait_for_selector(".jupyter-widgets", state="attached")
    page.wait_for_timeout(500)  # let the widget views finish rendering
    assert error_outputs(page) == []
    assert page.locator("img[src='x']").count() == 0


def _shot(page, name: str, selector: str | None = None) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    if selector:
        element = page.locator(selector).first
        element.scroll_into_view_if_needed()
        element.screenshot(path=str(path))
    else:
        page.screenshot(path=str(path))
    return path


def _events(workspace: Path) -> list[tuple]:
    with sqlite3.connect(f"file:{workspace / WORKSPACE_FILENAME}?mode=ro", uri=True) as conn:
        return conn.execute(
            "SELECT p.full_name, e.stage, e.channel, e.notes FROM outreach_events e"
            " JOIN people p ON p.person_id = e.person_id"
            " WHERE e.deleted_at IS NULL ORDER BY e.event_id"
        ).fetchall()


def test_chromium_is_there():
    assert Path(require_chromium()).exists()


def test_a_missing_chromium_fails_with_a_hint(monkeypatch):
    import browser_support

    monkeypatch.setattr(browser_support, "CHROMIUM", "/nonexistent/chromium")
    with pytest.raises(RuntimeError, match="make browser"):
        browser_support.require_chromium()


def test_01_explore_network(page, server):
    _run(page, server, "01_explore_network.ipynb")
    summary = page.locator(".na-summary")
    assert "Degree from you" in summary.inner_text()
    assert "Top industries" in summary.inner_text()
    network = page.locator(".na-network")
    network.scroll_into_view_if_needed()
    assert network.evaluate("img => img.naturalWidth") > 600
    _shot(page, "01_network", ".na-network")
    _shot(page, "01_summary", ".na-summary")

    page.locator(".na-search-query input").fill("Dana")
    page.locator("button.na-search-button").click()
    results = page.locator(".na-search-results")
    results.locator("table").first.wait_for()
    text = results.inner_text()
    assert "Dana Whitfield" in text and "Path from you" in text
    _shot(page, "01_search", ".na-search-results")

    page.locator(".na-search-query input").fill("onerror")
    page.locator("button.na-search-button").click()
    page.locator(".na-search-results table").first.wait_for()
    page.wait_for_function(
        "() => document.querySelector('.na-search-results').innerText.includes('onerror')"
    )
    _shows_as_text(page, ".na-search-results")
    _shot(page, "01_search_untrusted", ".na-search-results")
    assert error_outputs(page) == []
    assert page.locator("img[src='x']").count() == 0


def test_02_find_warm_intros(page, server, workspace):
    _run(page, server, "02_find_warm_intros.ipynb")
    page.locator(".na-target-industry select").select_option(label="Financial technology")
    titles = page.locator(".na-target-titles input")
    titles.fill("product manager")
    titles.press("Enter")
    page.locator("button.na-target-submit").click()
    rows = page.locator(".na-ranked table tbody tr")
    rows.nth(4).wait_for()
    wait_idle(page, "02_find_warm_intros.ipynb")
    names = rows.locator("td:nth-child(2)").all_inner_texts()
    assert len(names) >= 5 and all(name.strip() for name in names)
    details = page.locator(".na-target-details")
    assert names[0] in details.inner_text() and "Why" in details.inner_text()
    assert page.locator(".na-target-draft textarea").input_value().strip()
    who = page.locator(".na-intermediaries table tbody tr")
    who.first.wait_for()
    _shot(page, "02_ranked", ".na-target-finder")
    _shot(page, "02_who_to_ask", ".na-intermediaries")

    page.locator("button.na-target-add").click()
    page.locator(".na-target-status .na-ok", has_text="to your pipeline").wait_for()
    assert (names[0], "identified", None, "Added from the warm-introduction ranking") in _events(workspace)
    assert error_outputs(page) == []
    assert page.locator("img[src='x']").count() == 0


def test_03_log_outcomes(page, server, workspace):
    _run(page, server, "03_log_outcomes.ipynb")
    page.locator(".na-log-person-search input").fill("Helena Marsh")
    page.wait_for_function(
        "() => [...document.querySelectorAll('.na-log-person-choice option')]"
        ".some(o => o.value.startsWith('Helena Marsh'))"
    )
    page.locator(".na-log-stage select").select_option(label="interviewed")
    page.locator(".na-log-notes textarea").fill("Browser test: talked about payments careers")
    page.locator("button.na-log-save").click()
    page.locator(".na-log-status .na-ok").wait_for()
    assert "Logged interviewed for Helena Marsh" in page.locator(".na-log-status").inner_text()
    assert (
        "Helena Marsh", "interviewed", None, "Browser test: talked about payments careers"
    ) in _events(workspace)
    history = page.locator(".na-log-history")
    assert "Browser test: talked about payments careers" in history.inner_text()
    _shot(page, "03_logger", ".na-logger")
    _shot(page, "03_pipeline", ".na-pipeline")

    # the referral fields appear only for referral_given; a bad time is a readable error
    assert not page.locator(".na-log-referral").is_visible()
    page.locator(".na-log-stage select").select_option(label="referral given")
    page.locator(".na-log-referral").wait_for(state="visible")
    page.locator(".na-log-time input").fill("25:99")
    page.locator(".na-log-time input").press("Enter")
    page.locator("button.na-log-save").click()
    page.locator(".na-log-status .na-error").wait_for()
    assert "expected a date and time" in page.locator(".na-log-status").inner_text()
    assert error_outputs(page) == []
    assert page.locator("img[src='x']").count() == 0


def test_04_follow_up_cadence(page, server, workspace):
    _run(page, server, "04_follow_up_cadence.ipynb")
    due_rows = page.locator(".na-due table tbody tr")
    due_rows.first.wait_for()
    assert due_rows.count() >= 1
    assert "On time" in page.locator(".na-ontime").inner_text()
    chart = page.locator(".na-chart")
    chart.scroll_into_view_if_needed()
    assert chart.evaluate("img => img.naturalWidth") > 400
    _shot(page, "04_due", ".na-due")
    _shot(page, "04_chart", ".na-chart")

    page.locator(".na-chart-choice button", has_text="Funnel").click()
    wait_idle(page, "04_follow_up_cadence.ipynb")
    _shot(page, "04_chart_funnel", ".na-chart")

    ics = workspace / "followups.ics"
    page.locator("button.na-ics-write").click()
    page.locator(".na-ics-status .na-ok").wait_for()
    assert ics.exists() and ics.read_text().startswith("BEGIN:VCALENDAR")
    assert error_outputs(page) == []
    assert page.locator("img[src='x']").count() == 0
