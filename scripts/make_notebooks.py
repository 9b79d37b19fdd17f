"""Write the notebooks in notebooks/ from this script, so they are reproducible.

Run ``python scripts/make_notebooks.py`` after changing a notebook's text. The notebooks are
thin: they import netanalytics, point at a workspace, and call the front door (notebook 00)
or show the widgets (01–04); they define no functions. Outputs are never stored (no personal data in git); the kernelspec is python3.

``python scripts/make_notebooks.py --check`` exits 1 if a committed notebook differs.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

NOTEBOOK_DIR = Path(__file__).resolve().parent.parent / "notebooks"

KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}

WORKSPACE_CELL = """\
import netanalytics.widgets as nw

# ▶ YOUR DATA ───────────────────────────────────────────────────────────────────────────
# Leave WORKSPACE = None to use $NETANALYTICS_WORKSPACE (set by `make lab`), else your own
# workspace in data/workspace/ if you imported exports there, else the synthetic sample.
# To use your own exports: run `netanalytics import ...` (see the README), then either
# leave this as None or put the workspace folder here, e.g. WORKSPACE = "data/workspace".
WORKSPACE = None
# ────────────────────────────────────────────────────────────────────────────────────────

ws = nw.notebook_workspace(WORKSPACE)
nw.WorkspaceBanner(ws)"""

QUICKSTART_CELL = """\
import netanalytics as na

# ▶ YOUR DATA ───────────────────────────────────────────────────────────────────────────
# Leave WORKSPACE = None to use $NETANALYTICS_WORKSPACE (set by `make lab`, which builds the
# synthetic sample there) or data/workspace/; or put the folder of your own workspace here.
# A folder without a workspace is an error: import your exports first (`netanalytics import`).
WORKSPACE = None
# ────────────────────────────────────────────────────────────────────────────────────────

net = na.open(WORKSPACE)
net"""

NOTEBOOKS: dict[str, list[tuple[str, str]]] = {
    "00_quickstart.ipynb": [
        ("md", """\
# 0 · Quickstart: the library in a few lines

Everything the other notebooks show with buttons is also a plain Python call that returns a
pandas DataFrame — handy for your own analysis. This notebook opens the workspace (the
synthetic sample unless you point it at yours) and walks through the main calls.
`docs/api.md` describes each one; `docs/model.md` explains the numbers."""),
        ("code", QUICKSTART_CELL),
        ("md", "What the workspace holds:"),
        ("code", "net.summary()"),
        ("md", """\
## Rank warm introductions

Describe the people you want to meet; `rank` returns one flat row per person, best first.
`intro_chance` is the chance that at least one of your routes ends in an introduction,
`fit` how well they match, `score` the product that orders the list, `hops` how many ties
lie between you."""),
        ("code", """\
ranked = net.rank(industry="fintech", title="product manager", top=20)
ranked[["rank", "name", "company", "position", "intro_chance", "fit", "score", "hops", "via"]].head(10)"""),
        ("code", """\
ax = ranked.head(10).plot.barh(x="name", y="intro_chance", legend=False, figsize=(7, 4),
                               title="Intro chance, top 10")
ax.invert_yaxis()"""),
        ("md", "Each number is defined once, and the definitions travel with the object:"),
        ("code", "net.definitions()"),
        ("md", """\
## The routes behind a row

`rank` keeps one row per person; `routes` gives every route behind those rows as a long
table (one row per route, with that route's own `route_chance`)."""),
        ("code", "net.routes(ranked.head(3))"),
        ("code", "net.paths_to(ranked.loc[0, \"person_id\"])"),
        ("md", "## Whom to ask first"),
        ("code", "net.who_to_ask(industry=\"fintech\", title=\"product manager\", top=5)"),
        ("md", """\
## People, ties and the graph

`people` and `ties` are DataFrames; `graph()` is a networkx graph for your own analysis."""),
        ("code", "net.people.head()"),
        ("code", "net.ties.head()"),
        ("code", """\
G = net.graph()
G.number_of_nodes(), G.number_of_edges()"""),
        ("md", """\
## The outreach log and what is due

Log an event with `net.log(person, stage, ...)` (for example
`net.log("Dana Whitfield", "outreach_sent", channel="LinkedIn message")`), undo it with
`net.undo()`. Here we only read the log."""),
        ("code", "net.pipeline().head()"),
        ("code", "net.history(net.pipeline().loc[0, \"person_id\"])"),
        ("code", "net.due(within_days=14)"),
        ("code", "net.on_time()"),
    ],
    "01_explore_network.ipynb": [
        ("md", """\
# 1 · Explore your network

Who is in your network, and who is in the lists your friends and family shared with you?
This notebook loads your workspace (the synthetic sample until you import your own
exports), summarises it, draws the people around you, and lets you search for anyone by
name or company to see every warm path to them.

Run all cells (**Run ▸ Run All Cells**). Nothing leaves your computer."""),
        ("code", WORKSPACE_CELL),
        ("md", """\
## What the workspace holds

People, ties and imported sources; how many people are 1st, 2nd and 3rd degree from you;
and the companies and industries most common among the people you can reach."""),
        ("code", "nw.SummaryPanel(ws)"),
        ("md", """\
## Which industries are known

Each person's industry comes from their company: your own label first, then a bundled list
of real organisations, the shape of an institution's name ("University of…", "City of…"),
the titles of the people who work there, and a telling word in the name. Small firms nobody
can know stay unknown: label the biggest ones here (or with `netanalytics label-company`)."""),
        ("code", "nw.CoveragePanel(ws)"),
        ("md", """\
## The network around you

You in the middle, the friends and family whose lists you imported around you, and the top
people of an industry with the people on their best paths. Colour is industry, size is
score; hover a person for their title and company, scroll to zoom, drag to pan, and use the
graph's search box. Click a person to see every path to them on the right."""),
        ("code", "nw.NetworkExplorer(ws)"),
        ("md", """\
## Find someone

Type part of a name, a company or a title: the people who match appear as you type, the
most reachable first, with whom to ask. Click one to open their card — every route, why,
their history, a draft message and a prep sheet — and add them to your pipeline."""),
        ("code", "nw.PersonSearch(ws)"),
        ("md", """\
## Add a friend's list

When a friend sends you their `Connections.csv`, save it under `data/` and import it here
(or with `netanalytics import` on the command line — both do the same). The summary,
coverage, network and search above refresh themselves after an import."""),
        ("code", "nw.ImportPanel(ws)"),
    ],
    "02_find_warm_intros.ipynb": [
        ("md", """\
# 2 · Find warm introductions

Describe the people you would like an informational interview with — industry, companies,
job titles, location — and press **Rank**. You get the people you can reach warmly, through
whom, how likely the introduction is to work, and why. Sort and filter the table (hide the
people already in your pipeline or those you know directly, keep only some companies),
export it to CSV, and click a row: its card shows the path, the reasons, the suggested
meeting, a draft of the intro request and the prep sheet; **Add to pipeline** starts
tracking them (notebook 3)."""),
        ("code", WORKSPACE_CELL),
        ("md", "## Whom to reach"),
        ("code", "finder = nw.TargetFinder(ws)\nfinder"),
        ("md", """\
## Who to ask first

The friends and family whose help opens the most doors for the same target: ask them first."""),
        ("code", "nw.WhoToAsk(finder)"),
    ],
    "03_log_outcomes.ipynb": [
        ("md", """\
# 3 · Log what happened

Every step of an informational interview — asking for the intro, the meeting, the thank-you,
a referral — goes into your log. The log drives the follow-up reminders (notebook 4) and
teaches the ranking which introductions work. Find a person (type part of their name and
choose them), choose what happened and press **Log event** — the date and time are now
unless you give them. Click any entry in the person's history to edit or delete it;
**Undo latest change** takes back the last thing you did."""),
        ("code", WORKSPACE_CELL),
        ("md", "## Log an event"),
        ("code", "logger = nw.OutcomeLogger(ws)\nlogger"),
        ("md", """\
## Pipeline

Who is at which stage right now (it refreshes after each entry you log above). Click a
person in the table to see their card and log what happened next."""),
        ("code", "nw.PipelineBoard(ws, logger=logger)"),
    ],
    "04_follow_up_cadence.ipynb": [
        ("md", """\
# 4 · Follow-up cadence

What is due today: thank-you notes (within 24 hours of a meeting), nudges when an intro
request got no answer, keep-in-touch updates, and thanks for referrals. Below, the charts
show how your outreach is going and how often your follow-ups were on time. Click a
follow-up to mark it done (it logs the thank-you or the nudge for you), snooze it or draft
the message. **Write calendar file** saves the reminders as an `.ics` file beside this
notebook, with a link, for your calendar app."""),
        ("code", WORKSPACE_CELL),
        ("md", "## Due and overdue"),
        ("code", "nw.FollowUps(ws)"),
        ("md", "## How it is going"),
        ("code", "nw.CadenceCharts(ws)"),
    ],
}


def build(name: str) -> nbformat.NotebookNode:
    """The notebook ``name`` as an nbformat node (no outputs)."""
    nb = new_notebook()
    nb.metadata["kernelspec"] = dict(KERNELSPEC)
    nb.metadata["language_info"] = {"name": "python"}
    for kind, source in NOTEBOOKS[name]:
        cell = new_markdown_cell(source) if kind == "md" else new_code_cell(source)
        cell.pop("id", None)
        nb.cells.append(cell)
    # Stable cell ids so regenerating produces no diff.
    for index, cell in enumerate(nb.cells):
        cell["id"] = f"{Path(name).stem[:2]}-{index:02d}"
    nbformat.validate(nb)
    return nb


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=NOTEBOOK_DIR)
    parser.add_argument("--check", action="store_true", help="fail if a notebook is stale")
    args = parser.parse_args(argv)
    stale = []
    args.out.mkdir(parents=True, exist_ok=True)
    for name in NOTEBOOKS:
        text = nbformat.writes(build(name)) + "\n"
        path = args.out / name
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(name)
        else:
            path.write_text(text, encoding="utf-8")
    if stale:
        print("stale notebooks (run scripts/make_notebooks.py):", ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
