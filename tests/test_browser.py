"""The notebooks in a real JupyterLab, in a real (headless Debian) Chromium, through Playwright.

One JupyterLab server (127.0.0.1, isolated HOME and Jupyter folders, its own process
session) serves a temporary copy of notebooks/ against a temporary sample workspace. For
each notebook: run all cells, then check that no widget failed to render and no cell
failed; then use it as a person would. Screenshots land in tests/artifacts/ (git-ignored).

These tests never skip: without Chromium they fail and say how to install it.
"""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from browser_support import (
    CHROMIUM_ARGS,
    GRID_HEADER,
    LabServer,
    click_grid_row,
    error_outputs,
    in_viewport,
    lab_server,
    open_notebook,
    require_chromium,
    run_all_cells,
    wait_idle,
)

from netanalytics.config import REPO_DIR, WORKSPACE_ENV, WORKSPACE_FILENAME

pytestmark = [pytest.mark.browser, pytest.mark.timeout(300)]

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
#: Timings measured in the browser (seconds), printed by benchmarks/bench_workplace.py.
TIMINGS = ARTIFACTS / "browser_timings.json"
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
    shutil.copytree(NOTEBOOK_DIR, root, ignore=shutil.ignore_patterns("exports", "*.ics", ".ipynb_checkpoints"))
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


def _timing(name: str, seconds: float) -> None:
    """Record a timing measured in the browser (the benchmark prints them)."""
    ARTIFACTS.mkdir(exist_ok=True)
    data = json.loads(TIMINGS.read_text()) if TIMINGS.exists() else {}
    data[name] = round(seconds, 3)
    TIMINGS.write_text(json.dumps(data, indent=2, sort_keys=True))


def _timed(page, action, condition: str, arg=None, timeout_ms: int = 30_000) -> float:
    """Seconds from ``action()`` until the page function ``condition`` holds."""
    started = time.perf_counter()
    action()
    page.wait_for_function(condition, arg=arg, timeout=timeout_ms, polling=25)
    return time.perf_counter() - started


def _text_has(selector: str) -> str:
    return ("([sel, text]) => { const e = document.querySelector(sel);"
            " return !!e && e.innerText.includes(text); }")


def _live_events(workspace: Path, name: str, stage: str) -> int:
    with sqlite3.connect(f"file:{workspace / WORKSPACE_FILENAME}?mode=ro", uri=True) as conn:
        return conn.execute(
            "SELECT count(*) FROM outreach_events e JOIN people p ON p.person_id = e.person_id"
            " WHERE p.full_name = ? AND e.stage = ? AND e.deleted_at IS NULL AND e.reverted_at IS NULL",
            (name, stage)).fetchone()[0]


def _card_name(page, selector: str) -> str:
    return page.locator(f"{selector} h4").first.inner_text().strip()


def test_01_explore_network(page, server, workspace):
    _run(page, server, "01_explore_network.ipynb")
    summary = page.locator(".na-summary")
    assert "Degree from you" in summary.inner_text()
    assert "Top industries" in summary.inner_text()

    # the explorable network renders (WebGL canvases), a click selects a person, search finds one
    graph = page.locator(".na-explorer-graph")
    graph.scroll_into_view_if_needed()
    graph.locator("canvas.sigma-nodes").wait_for()
    page.wait_for_timeout(800)
    box = graph.locator(".ipysigma-container").bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)  # you sit in the middle
    page.wait_for_function(_text_has(".na-explorer-selected"), arg=[".na-explorer-selected", "That is you"])
    _shot(page, "01_network", ".na-explorer")
    graph.locator(".choices").first.click()  # the graph's own search box
    graph.locator("input.choices__input--cloned").press_sequentially("Dana Whitf", delay=30)
    graph.locator(".choices__list--dropdown .choices__item--selectable", has_text="Dana Whitfield").first.click()
    page.wait_for_function(_text_has(".na-explorer-selected"), arg=[".na-explorer-selected", "Paths from you"])
    assert "Dana Whitfield" in page.locator(".na-explorer-selected").inner_text()
    _shot(page, "01_network_selected", ".na-explorer")
    _shot(page, "01_summary", ".na-summary")

    # instant search: the most reachable first, a card on click
    query = page.locator(".na-search-query input")
    query.scroll_into_view_if_needed()
    seconds = _timed(page, lambda: query.fill("Dana"), _text_has(".na-search-status"),
                     arg=[".na-search-status", "people match 'Dana'"])
    _timing("person_search_s", seconds)
    assert seconds <= 2.0, f"search took {seconds:.2f}s"
    wait_idle(page, "01_explore_network.ipynb")
    click_grid_row(page, ".na-search-results", 0)
    page.wait_for_function(_text_has(".na-search-card"), arg=[".na-search-card", "Best path"])
    assert _card_name(page, ".na-search-card") == "Dana Whitfield"  # the most reachable Dana first
    _shot(page, "01_search", ".na-person-search")

    query.fill("onerror")
    page.wait_for_function(_text_has(".na-search-status"), arg=[".na-search-status", "'onerror'"])
    wait_idle(page, "01_explore_network.ipynb")
    click_grid_row(page, ".na-search-results", 0)
    page.wait_for_function(_text_has(".na-search-card"), arg=[".na-search-card", "onerror"])
    _shows_as_text(page, ".na-search-card")
    _shot(page, "01_search_untrusted", ".na-person-search")

    # a failed import is shown as a failure, in the library's words
    path = page.locator(".na-import-path input")
    path.scroll_into_view_if_needed()
    path.fill("data/friends/nobody_Connections.csv")
    page.locator("button.na-import-button").click()
    page.locator(".na-import-status .na-error").wait_for()
    text = page.locator(".na-import-status").inner_text()
    assert "nobody_Connections.csv" in text and "None" not in text
    assert page.locator(".na-import-status .na-ok").count() == 0
    _shot(page, "01_import_failed", ".na-import")
    assert error_outputs(page) == []
    assert page.locator("img[src='x']").count() == 0


def test_02_find_warm_intros(page, server, workspace):
    _run(page, server, "02_find_warm_intros.ipynb")
    industry = page.locator(".na-target-industry select")
    # an empty form is refused in the form's words, and the complaint goes when the form changes
    page.locator("button.na-target-submit").click()
    page.locator(".na-target-status .na-error").wait_for()
    complaint = page.locator(".na-target-status").inner_text()
    assert "industry" in complaint and "--" not in complaint and "school" not in complaint
    industry.select_option(label="Financial technology")
    page.wait_for_function("() => !document.querySelector('.na-target-status .na-error')")
    # "(any)" stays readable in the picker (it used to go blank)
    industry.select_option(label="(any)")
    wait_idle(page, "02_find_warm_intros.ipynb")
    assert industry.evaluate("s => s.options[s.selectedIndex] && s.options[s.selectedIndex].text") == "(any)"
    industry.select_option(label="Financial technology")
    titles = page.locator(".na-target-titles input")
    titles.fill("product manager")
    titles.press("Enter")

    # the status says "ranked" only when the table is there, and the button is back with it
    done = ("() => { const ok = document.querySelector('.na-target-status .na-ok');"
            " const b = document.querySelector('button.na-target-submit');"
            " const grid = document.querySelector('.na-ranked canvas');"
            " return !!ok && !!grid && b && !b.disabled; }")
    seconds = _timed(page, lambda: page.locator("button.na-target-submit").click(), done)
    _timing("rank_first_s", seconds)
    wait_idle(page, "02_find_warm_intros.ipynb")
    assert "Ranking" not in page.locator(".na-target-status").inner_text()
    assert "Rows 1–" in page.locator(".na-ranked-where").inner_text()

    # re-rank after a form change
    page.locator(".na-target-location input").fill("Boston")
    seconds = _timed(page, lambda: page.locator("button.na-target-submit").click(),
                     "() => { const b = document.querySelector('button.na-target-submit');"
                     " const ok = document.querySelector('.na-target-status .na-ok');"
                     " return b && !b.disabled && !!ok && ok.innerText.includes('Boston'); }")
    _timing("rerank_after_form_change_s", seconds)
    assert seconds <= 1.5 * 2, f"re-rank took {seconds:.2f}s"
    assert "Rows 1–" in page.locator(".na-ranked-where").inner_text()
    wait_idle(page, "02_find_warm_intros.ipynb")

    # a small screen: clicking a row opens its card, and Add answers in view of the row
    page.set_viewport_size({"width": 1440, "height": 820})
    click_grid_row(page, ".na-ranked", 1)
    page.wait_for_function(_text_has(".na-target-card"), arg=[".na-target-card", "Best path"])
    wait_idle(page, "02_find_warm_intros.ipynb")
    name = _card_name(page, ".na-target-card")
    assert name and page.locator(".na-target-card-draft textarea").input_value().strip()
    before = _live_events(workspace, name, "identified")
    add = page.locator("button.na-target-card-add")
    seconds = _timed(page, lambda: add.click(), _text_has(".na-target-card-status"),
                     arg=[".na-target-card-status", "to your pipeline"])
    _timing("row_action_add_s", seconds)
    assert in_viewport(page, ".na-target-card-status"), "the confirmation is out of sight"
    assert in_viewport(page, "button.na-target-card-add")
    wait_idle(page, "02_find_warm_intros.ipynb")
    _shot(page, "02_added", ".na-ranked-results")
    assert _live_events(workspace, name, "identified") == before + 1
    # a second click does not add a second event
    add.click()
    page.wait_for_function(_text_has(".na-target-card-status"), arg=[".na-target-card-status", "already in your pipeline"])
    wait_idle(page, "02_find_warm_intros.ipynb")
    assert _live_events(workspace, name, "identified") == before + 1

    # filtering: hide the people already in the pipeline, then those I know directly
    page.locator(".na-ranked-hide-pipeline input").check()
    page.wait_for_function(_text_has(".na-ranked-where"), arg=[".na-ranked-where", "hidden by the filters"])
    page.locator(".na-ranked-hide-direct input").check()
    wait_idle(page, "02_find_warm_intros.ipynb")
    click_grid_row(page, ".na-ranked", 0)
    page.wait_for_function(_text_has(".na-target-card"), arg=[".na-target-card", "Best path"])
    wait_idle(page, "02_find_warm_intros.ipynb")
    card = page.locator(".na-target-card").inner_text()
    assert "Hops 1" not in card and _card_name(page, ".na-target-card") != name
    # a strict company filter
    company = page.locator(".na-ranked-company input")
    company.fill("Stripe")
    company.press("Enter")
    wait_idle(page, "02_find_warm_intros.ipynb")
    click_grid_row(page, ".na-ranked", 0)
    page.wait_for_function(_text_has(".na-target-card-head"), arg=[".na-target-card-head", "Stripe"])
    company.fill("")
    company.press("Enter")
    # sorting: by name, the first row is the alphabetically first name
    page.locator(".na-ranked-sort select").select_option(label="name")
    wait_idle(page, "02_find_warm_intros.ipynb")
    click_grid_row(page, ".na-ranked", 0)
    wait_idle(page, "02_find_warm_intros.ipynb")
    first = _card_name(page, ".na-target-card")
    page.locator(".na-ranked-sort select").select_option(label="company")
    wait_idle(page, "02_find_warm_intros.ipynb")
    click_grid_row(page, ".na-ranked", 0)
    wait_idle(page, "02_find_warm_intros.ipynb")
    import netanalytics as na
    from netanalytics.identity.normalize import company_key

    with na.open(workspace) as net:
        ranked = net.rank(industry="fintech", title="product manager", location="Boston", top=60)
        pipeline = {r["person_id"] for r in net.pipeline(as_frame=False)}
    kept = ranked[(ranked["hops"] != 1) & ~ranked["person_id"].isin(pipeline)]
    assert company_key(first) == min(company_key(n) for n in kept["name"])
    companies = page.locator(".na-target-card-head").inner_text()
    best = min(company_key(c) for c in kept["company"] if c)
    assert company_key(companies.splitlines()[-1].split(" at ")[-1]) == best
    # export what is shown
    page.locator("button.na-ranked-export").click()
    page.locator(".na-ranked-status a").wait_for()
    href = page.locator(".na-ranked-status a").get_attribute("href")
    assert href.startswith("exports/") and (server.root / href).stat().st_mode & 0o777 == 0o600
    _shot(page, "02_ranked", ".na-target-finder")
    who = page.locator(".na-intermediaries table tbody tr")
    who.first.wait_for()
    _shot(page, "02_who_to_ask", ".na-intermediaries")
    assert error_outputs(page) == []
    assert page.locator("img[src='x']").count() == 0


def test_03_log_outcomes(page, server, workspace):
    _run(page, server, "03_log_outcomes.ipynb")
    # nothing is chosen for you
    first = "s => s.selectedIndex === 0 && s.options[0].text.startsWith('—')"
    assert page.locator(".na-log-person-choice select").evaluate(first)
    assert page.locator(".na-log-stage select").evaluate(first)
    # several matches are not silently reduced to one
    page.locator(".na-log-person-search input").fill("Maya")
    page.wait_for_function(_text_has(".na-log-person-note"), arg=[".na-log-person-note", "pick one"])
    assert page.locator(".na-log-person-choice select").evaluate(first)
    page.locator(".na-log-person-search input").fill("Helena Marsh")
    page.wait_for_function(_text_has(".na-log-person-note"), arg=[".na-log-person-note", "one match, chosen"])
    page.locator(".na-log-stage select").select_option(label="interviewed")
    page.locator(".na-log-notes textarea").fill("Browser test: talked about payments careers")
    page.wait_for_timeout(1500)  # the clock moves on after the cell ran: the entry is dated at the press
    page.locator("button.na-log-save").click()
    page.locator(".na-log-status .na-ok").wait_for()
    message = page.locator(".na-log-status").inner_text()
    assert "interviewed with Helena Marsh" in message
    assert not re.search(r"event \d|_", message), message
    with sqlite3.connect(f"file:{workspace / WORKSPACE_FILENAME}?mode=ro", uri=True) as conn:
        at = conn.execute("SELECT at FROM outreach_events WHERE notes = ?",
                          ("Browser test: talked about payments careers",)).fetchone()[0]
    assert abs(datetime.fromisoformat(at) - datetime.now()) < timedelta(minutes=2)
    assert ("Helena Marsh", "interviewed", None, "Browser test: talked about payments careers") in _events(workspace)
    page.locator(".na-log-history").wait_for()
    _shot(page, "03_logger", ".na-logger")

    # any entry (not only the last) can be deleted, and undo brings it back
    before = _live_events(workspace, "Helena Marsh", "interviewed")
    click_grid_row(page, ".na-log-entries", 0)
    page.wait_for_function("() => { const b = document.querySelector('button.na-log-delete'); return b && !b.disabled; }")
    entry = page.locator(".na-log-entry-status").inner_text()
    page.locator("button.na-log-delete").click()
    page.locator(".na-log-entry-status .na-ok").wait_for()
    assert "Deleted" in page.locator(".na-log-entry-status").inner_text() and "Chosen" in entry
    wait_idle(page, "03_log_outcomes.ipynb")

    # a referral: edit refuses nothing it showed; undo takes the new person away again
    page.locator(".na-log-stage select").select_option(label="referral given")
    page.locator(".na-log-referral").wait_for(state="visible")
    page.locator(".na-log-ref-name input").fill("Quinn Newperson")
    page.locator("button.na-log-save").click()
    page.wait_for_function(_text_has(".na-log-status"), arg=[".na-log-status", "Quinn Newperson is now in your network"])
    wait_idle(page, "03_log_outcomes.ipynb")
    page.locator("button.na-log-undo").click()
    page.wait_for_function(_text_has(".na-log-status"), arg=[".na-log-status", "Undid"])
    undone = page.locator(".na-log-status").inner_text()
    assert "referral given" in undone and not re.search(r"event \d|_", undone), undone
    with sqlite3.connect(f"file:{workspace / WORKSPACE_FILENAME}?mode=ro", uri=True) as conn:
        assert conn.execute("SELECT count(*) FROM people WHERE full_name = 'Quinn Newperson'").fetchone()[0] == 0
    page.locator("button.na-log-undo").click()  # and the deletion of the interview comes back
    page.wait_for_function(_text_has(".na-log-status"), arg=[".na-log-status", "Undid: deleted"])
    wait_idle(page, "03_log_outcomes.ipynb")
    assert _live_events(workspace, "Helena Marsh", "interviewed") >= before

    # a bad time is a readable error
    page.locator(".na-log-stage select").select_option(label="followed up")
    page.locator(".na-log-time input").fill("25:99")
    page.locator(".na-log-time input").press("Enter")
    page.locator("button.na-log-save").click()
    page.locator(".na-log-status .na-error").wait_for()
    assert "expected a date and time" in page.locator(".na-log-status").inner_text()
    _shot(page, "03_pipeline", ".na-pipeline")
    assert error_outputs(page) == []
    assert page.locator("img[src='x']").count() == 0


def test_04_follow_up_cadence(page, server, workspace):
    import netanalytics as na

    _run(page, server, "04_follow_up_cadence.ipynb")
    page.locator(".na-due-table canvas").first.wait_for()
    with na.open(workspace) as net:
        due = net.due(within_days=7, as_frame=False)
    thank = next(i for i, r in enumerate(due) if r["kind"] == "thank_you")
    name = due[thank]["name"]
    _shot(page, "04_due", ".na-followups")
    # the figure and the chart count the same follow-ups
    rate = page.locator(".na-ontime").inner_text()
    assert "On time" in rate and "thank-yous" in rate

    click_grid_row(page, ".na-due-table", thank)
    page.wait_for_function(_text_has(".na-due-card-head"), arg=[".na-due-card-head", name])
    wait_idle(page, "04_follow_up_cadence.ipynb")
    before = _live_events(workspace, name, "thank_you_sent")
    seconds = _timed(page, lambda: page.locator("button.na-due-card-done").click(), _text_has(".na-due-card-status"),
                     arg=[".na-due-card-status", "Done"])
    _timing("row_action_done_s", seconds)
    wait_idle(page, "04_follow_up_cadence.ipynb")
    assert _live_events(workspace, name, "thank_you_sent") == before + 1
    with na.open(workspace) as net:
        left = [r for r in net.due(within_days=7, as_frame=False) if r["name"] == name and r["kind"] == "thank_you"]
    assert left == []
    page.wait_for_function(
        "([n]) => !document.querySelector('.na-due').innerText.includes('" + str(len(due)) + " follow-up')",
        arg=[name])
    _shot(page, "04_done", ".na-followups")

    chart = page.locator(".na-chart")
    chart.scroll_into_view_if_needed()
    assert chart.evaluate("img => img.naturalWidth") > 400
    _shot(page, "04_chart", ".na-chart")
    page.locator(".na-chart-choice button", has_text="On-time rate").click()
    wait_idle(page, "04_follow_up_cadence.ipynb")
    _shot(page, "04_chart_on_time", ".na-chart")
    page.locator(".na-chart-choice button", has_text="Funnel").click()
    wait_idle(page, "04_follow_up_cadence.ipynb")
    _shot(page, "04_chart_funnel", ".na-chart")

    page.locator("button.na-ics-write").click()
    page.locator(".na-ics-status .na-ok").wait_for()
    assert page.locator(".na-ics-status a").get_attribute("href") == "followups.ics"
    ics = server.root / "followups.ics"
    assert ics.exists() and ics.read_text().startswith("BEGIN:VCALENDAR")
    assert "no_response" not in ics.read_text()
    assert error_outputs(page) == []
    assert page.locator("img[src='x']").count() == 0


#: Where the funnel of the ranked table's "Intro chance" header sits, from the grid's left
#: edge: the widths of its columns up to it (``netanalytics/widgets/targets.py``) less 4 px.
INTRO_CHANCE_FUNNEL = 36 + 150 + 120 + 150 + 96 - 4


def test_02_a_column_header_sorts_every_page(page, server, workspace):
    """The header's own menu orders the whole ranked list, not only the page on screen."""
    _run(page, server, "02_find_warm_intros.ipynb")
    page.locator(".na-target-industry select").select_option(label="Financial technology")
    page.locator("button.na-target-submit").click()
    page.locator(".na-ranked canvas").first.wait_for()
    wait_idle(page, "02_find_warm_intros.ipynb")
    assert "page 1 of" in page.locator(".na-ranked-where").inner_text()
    grid = page.locator(".na-ranked").first
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    page.mouse.move(box["x"] + INTRO_CHANCE_FUNNEL - 20, box["y"] + GRID_HEADER - 9)
    page.mouse.click(box["x"] + INTRO_CHANCE_FUNNEL, box["y"] + GRID_HEADER - 9)
    menu = page.locator(".ipydatagrid-context-menu")
    menu.wait_for()
    menu.get_by_text("Sort Ascending").click()
    wait_idle(page, "02_find_warm_intros.ipynb")
    page.wait_for_timeout(300)  # the grid redraws its page
    click_grid_row(page, ".na-ranked", 0)
    page.wait_for_function(_text_has(".na-target-card"), arg=[".na-target-card", "Best path"])
    import netanalytics as na

    with na.open(workspace) as net:
        ranked = net.rank(industry="fintech", top=None)
    shown = int(page.locator(".na-ranked-where").inner_text().split(" of ")[1].split()[0])
    ranked = ranked.head(shown)
    lowest = ranked["intro_chance"].min()
    # the first row is a person with the lowest chance of all the pages, not of page 1
    assert _card_name(page, ".na-target-card") in set(ranked.loc[ranked["intro_chance"] == lowest, "name"])
    assert lowest < ranked.head(12)["intro_chance"].min()
    _shot(page, "02_header_sort", ".na-ranked-results")
    assert error_outputs(page) == []
