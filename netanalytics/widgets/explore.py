"""Notebook 1: what the workspace holds, the network around me, search, and importing.

- :class:`WorkspaceBanner` — which workspace is open and what is in it;
- :class:`SummaryPanel` — people, ties, sources, degree counts, top companies and industries
  among 1st- and 2nd-degree people;
- :class:`CoveragePanel` — how much of the network's industry is known, and the biggest
  unknown companies with a picker and a button to label each;
- :class:`NetworkPicture` — me, the friends who shared their lists, and the top targets
  for an industry, coloured by industry (matplotlib, drawn as a PNG);
- :class:`PersonSearch` — a name or company in, who they are and every path to them out;
- :class:`ImportPanel` — import another export, with progress, through the importer the
  CLI uses.
"""

from __future__ import annotations

import math
import textwrap
from collections import Counter
from collections.abc import Sequence
from typing import Any

import ipywidgets as widgets

from netanalytics.safety import html_text
from netanalytics.widgets.common import (
    Panel,
    Status,
    as_records,
    html_table,
    notify_changed,
    on_changed,
    show_figure,
    styled,
)

__all__ = [
    "CoveragePanel",
    "ImportPanel",
    "IndustryOf",
    "NetworkExplorer",
    "NetworkPicture",
    "PersonSearch",
    "SummaryPanel",
    "WorkspaceBanner",
    "mpl_label",
    "network_figure",
    "path_figure",
]

#: Okabe & Ito: distinct for the common colour-vision deficiencies; grey for "other".
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442"]
OTHER = "#B0B0B0"
ME_COLOUR = "#222222"


class IndustryOf:
    """Industry labels of people, as :mod:`netanalytics.recognition` reads them.

    Built from a people frame with ``person_id`` and ``industry`` (the front door's
    ``net.people``), so the picture, the summary and the ranking agree on who is in which
    industry (the user's own company labels included).

    >>> import pandas as pd
    >>> of = IndustryOf(pd.DataFrame({"person_id": ["p1", "p2"], "industry": ["fintech", None]}))
    >>> of("p1"), of("p2"), of.key("p1")
    ('Financial technology', None, 'fintech')
    """

    def __init__(self, people: Any, taxonomy: dict[str, Any] | None = None) -> None:
        from netanalytics.recognition.taxonomy import load_taxonomy

        self.taxonomy = taxonomy if taxonomy is not None else load_taxonomy()
        self._by_id = {pid: ind for pid, ind in zip(people["person_id"], people["industry"], strict=True)
                       if isinstance(ind, str)}

    def key(self, person_id: Any) -> str | None:
        """The industry key of a person, or None."""
        return self._by_id.get(person_id)

    def __call__(self, person_id: Any) -> str | None:
        key = self.key(person_id)
        return self.taxonomy[key].label if key in self.taxonomy else key


def mpl_label(value: Any, width: int = 22) -> str:
    """Text from an export made safe and short for a matplotlib label.

    Escapes ``$`` (mathtext) and collapses whitespace; long names end in an ellipsis.

    >>> mpl_label("Pay $5 now  please")
    'Pay \\\\$5 now please'
    >>> mpl_label("Alexandra Konstantinopoulou-Smythe", 20)
    'Alexandra Konstanti…'
    """
    text = " ".join(str(value if value is not None else "").split())
    if len(text) > width:
        text = text[: width - 1].rstrip() + "…"
    return text.replace("$", r"\$")


def _new_figure(size: tuple[float, float]):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=size, dpi=100, layout="constrained")
    FigureCanvasAgg(fig)
    return fig


def path_figure(names: Sequence[Any], *, title: str | None = None, notes: Sequence[Any] = ()):
    """A warm path drawn left to right: me → friend → … → target (a matplotlib Figure).

    ``notes`` (optional, one per hop) label the arrows, e.g. the tie ("close friend").

    >>> fig = path_figure(["Me", "Maya Chen", "<b>Target</b>"])
    >>> [t.get_text() for t in fig.axes[0].texts if t.get_text()]
    ['Me', 'Maya Chen', '<b>Target</b>']
    """
    n = max(len(names), 1)
    fig = _new_figure((max(4.0, 2.3 * n), 1.15))
    ax = fig.add_subplot()
    ax.set_xlim(-0.6, n - 0.4)
    ax.set_ylim(-0.6, 0.6)
    ax.axis("off")
    for i, name in enumerate(names):
        last = i == n - 1
        colour = ME_COLOUR if i == 0 else ("#0072B2" if last else "#E69F00")
        ax.text(
            i, 0, "\n".join(textwrap.wrap(mpl_label(name, 40), 18)) or "?",
            ha="center", va="center", fontsize=10, color="white" if i == 0 or last else "black",
            bbox={"boxstyle": "round,pad=0.45", "fc": colour, "ec": "none"},
        )  # fmt: skip
        if i < n - 1:
            ax.annotate(
                "", xy=(i + 0.62, 0), xytext=(i + 0.38, 0),
                arrowprops={"arrowstyle": "-|>", "color": "#555", "lw": 1.4},
            )  # fmt: skip
            if i < len(notes) and notes[i]:
                ax.text(i + 0.5, 0.3, mpl_label(notes[i], 24), ha="center", fontsize=8, color="#555")
    if title:
        ax.set_title(mpl_label(title, 80), loc="left", fontsize=11)
    return fig


def _spread(desired: dict[str, float]) -> dict[str, float]:
    """Evenly spaced angles in the cyclic order of ``desired``, rotated to stay close to it."""
    if not desired:
        return {}
    order = sorted(desired, key=lambda k: desired[k] % (2 * math.pi))
    step = 2 * math.pi / len(order)
    # the rotation that minimises the mean circular distance to the desired angles
    offset = math.atan2(
        sum(math.sin(desired[k] - i * step) for i, k in enumerate(order)),
        sum(math.cos(desired[k] - i * step) for i, k in enumerate(order)),
    )
    return {k: offset + i * step for i, k in enumerate(order)}


def network_figure(
    friends: Sequence[dict[str, Any]],
    targets: Sequence[dict[str, Any]] = (),
    *,
    title: str = "The network around you",
):
    """Me in the centre, friends on the inner ring, targets outside, coloured by industry.

    ``friends``: dicts with ``person_id``, ``name``, ``industry`` (label or None) and
    optionally ``size`` (how many people their list adds). ``targets``: dicts with
    ``person_id``, ``name``, ``industry``, ``path_ids`` (me … target) and
    ``intermediaries`` (id -> {name, industry}). A path's first intermediary joins the
    inner ring; a second one sits between it and the target. Positions are deterministic
    and evenly spaced on each ring, so labels do not pile up.

    >>> fig = network_figure([{"person_id": "f", "name": "Maya", "industry": "Banking"}],
    ...                      [{"person_id": "t", "name": "Tom", "industry": None,
    ...                        "path_ids": ["me", "f", "t"]}])
    >>> sorted(t.get_text() for t in fig.axes[0].texts)
    ['Maya', 'Tom', 'me']
    """
    inner: dict[str, dict[str, Any]] = {f["person_id"]: dict(f) for f in friends}
    middle: dict[str, dict[str, Any]] = {}
    for target in targets:
        ids = list(target.get("path_ids") or [])
        info = target.get("intermediaries") or {}
        for depth, pid in enumerate(ids[1:-1], start=1):
            item = {"person_id": pid, "name": info.get(pid, {}).get("name", pid),
                    "industry": info.get(pid, {}).get("industry"), "size": 0}  # fmt: skip
            if depth == 1 and pid not in inner:
                inner[pid] = item
            elif depth > 1 and pid not in inner:
                middle.setdefault(pid, item)
    ring1 = sorted(inner.values(), key=lambda f: (-(f.get("size") or 0), str(f["name"])))
    angle = {f["person_id"]: math.pi / 2 + 2 * math.pi * i / max(len(ring1), 1) for i, f in enumerate(ring1)}
    # Targets (and second intermediaries) aim at the angle of the friend they come through.
    desired: dict[str, float] = {}
    for j, target in enumerate(targets):
        if target["person_id"] in inner:
            continue
        ids = list(target.get("path_ids") or [])
        via = ids[1] if len(ids) > 2 else None
        desired[target["person_id"]] = angle.get(via, 2 * math.pi * j / max(len(targets), 1))
    angle.update(_spread(desired))
    mid_desired = {}
    for target in targets:
        for pid in list(target.get("path_ids") or [])[2:-1]:
            if pid in middle:
                mid_desired.setdefault(pid, angle[target["person_id"]])
    angle.update(_spread(mid_desired) if len(mid_desired) > 3 else mid_desired)

    radius = {pid: 1.0 for pid in inner} | {pid: 1.65 for pid in middle}
    outer = [t for t in targets if t["person_id"] not in inner]
    radius.update({t["person_id"]: 2.6 for t in outer})
    pos = {"me": (0.0, 0.0)}
    for pid, r in radius.items():
        pos[pid] = (r * math.cos(angle[pid]), r * math.sin(angle[pid]))
    target_ids = {t["person_id"] for t in targets}

    industries = Counter(
        x.get("industry") for x in [*ring1, *middle.values(), *targets] if x.get("industry")
    ).most_common(len(PALETTE))
    colour_of = {label: PALETTE[i] for i, (label, _) in enumerate(industries)}

    fig = _new_figure((10.0, 9.6))
    ax = fig.add_subplot()
    ax.set_aspect("equal")
    ax.axis("off")
    for f in ring1:
        x, y = pos[f["person_id"]]
        ax.plot([0, x], [0, y], color="#8c98a1", lw=1.8, zorder=1)
    for target in outer:
        ids = list(target.get("path_ids") or [])
        chain = ["me", *ids[1:-1], target["person_id"]]
        for a, b in zip(chain, chain[1:], strict=False):
            if a in pos and b in pos and not (a == "me" and b in inner):
                ax.plot([pos[a][0], pos[b][0]], [pos[a][1], pos[b][1]], color="#c3cad0", lw=1.0,
                        zorder=1, linestyle=(0, (4, 3)) if a == "me" else "-")  # fmt: skip

    def draw(item: dict[str, Any], size: float, fontsize: float, *, under: bool = False) -> None:
        pid = item["person_id"]
        x, y = pos[pid]
        colour = colour_of.get(item.get("industry"), OTHER)
        ax.scatter([x], [y], s=size, color=colour, edgecolors="white", linewidths=1.2, zorder=3)
        if pid in target_ids and pid in inner:  # a friend who is also a target: ringed
            ax.scatter([x], [y], s=size * 2.2, facecolors="none", edgecolors=colour, linewidths=1.6, zorder=2)
        box = {"boxstyle": "round,pad=0.12", "fc": "white", "ec": "none", "alpha": 0.85}
        if under:
            ax.text(x, y - 0.13, mpl_label(item.get("name"), 18), ha="center", va="top",
                    fontsize=fontsize, zorder=4, bbox=box)  # fmt: skip
            return
        dx, dy = math.cos(angle[pid]), math.sin(angle[pid])
        ax.text(
            x + 0.12 * dx, y + 0.12 * dy, mpl_label(item.get("name"), 18 if pid in inner else 22),
            ha="left" if dx > 0.2 else ("right" if dx < -0.2 else "center"),
            va="bottom" if dy > 0.6 else ("top" if dy < -0.6 else "center"),
            fontsize=fontsize, zorder=4, bbox=box,
        )  # fmt: skip

    for f in ring1:
        draw(f, 130 + 6 * math.sqrt(f.get("size") or 0), 9)
    for item in middle.values():
        draw(item, 60, 8)
    for target in outer:
        draw(target, 80, 8.5)
    ax.scatter([0], [0], s=520, color=ME_COLOUR, zorder=3)
    ax.text(0, 0, "me", color="white", ha="center", va="center", fontsize=10, zorder=4)
    ax.set_xlim(-3.9, 3.9)
    ax.set_ylim(-3.05, 3.05)

    from matplotlib.lines import Line2D

    handles = [
        Line2D([], [], marker="o", linestyle="", color=colour, markersize=9, label=mpl_label(label, 48))
        for label, colour in colour_of.items()
    ]
    handles.append(Line2D([], [], marker="o", linestyle="", color=OTHER, markersize=9, label="other or unknown industry"))
    if any(t["person_id"] in inner for t in targets):
        handles.append(Line2D([], [], marker="o", linestyle="", markerfacecolor="none", color="#555",
                              markersize=13, label="a friend who is also a target"))  # fmt: skip
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, 0.0), frameon=False,
              ncol=3, title="Industry", fontsize=9, title_fontsize=10)  # fmt: skip
    ax.set_title(mpl_label(title, 90), loc="left", fontsize=12)
    return fig


# -- the UIs --------------------------------------------------------------------------------


#: How the scalar entries of :func:`workspace_summary` read in the summary table.
SUMMARY_LABELS = {
    "me": "You",
    "people": "People",
    "ties": "Ties",
    "sources": "Sources imported",
    "hidden_rows_skipped": "Hidden members left out",
    "my_positions": "Your positions",
    "my_education": "Your schools",
    "outreach_events": "Outreach events logged",
}


def _summary_rows(summary: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for key, value in summary.items():
        if isinstance(value, (dict, list, tuple)) or value is None:
            continue
        rows.append({"what": SUMMARY_LABELS.get(key, key.replace("_", " ")), "count": value})
    return rows


class WorkspaceBanner(Panel):
    """One line: which workspace is open and how much it holds."""

    def __init__(self, ws) -> None:
        self.ws = ws
        self.summary = self.net.summary()
        parts = [f"{html_text(v)} {html_text(k.replace('_', ' '))}" for k, v in self.summary.items()
                 if isinstance(v, int) and not isinstance(v, bool)][:4]  # fmt: skip
        self.html = widgets.HTML(
            styled(
                f'<div class="na-info">Workspace <code>{html_text(ws.folder)}</code>'
                f"{' — ' + ', '.join(parts) if parts else ''}</div>"
            )
        )
        self.html.add_class("na-banner")
        self.widget = self.html


class SummaryPanel(Panel):
    """Counts, degree from me, and the top companies and industries among 1st/2nd degree."""

    def __init__(self, ws, *, top: int = 8) -> None:
        self.ws = ws
        self.top = top
        self.widget = widgets.HBox(layout=widgets.Layout(flex_flow="row wrap"))
        self.refresh()
        on_changed(ws, self._changed)

    def _changed(self, what: str) -> None:
        if what == "people":
            self.refresh()

    def refresh(self) -> None:
        """Recount from the workspace (after an import, the panel shows the new people)."""
        top = self.top
        net = self.net
        self.summary = net.summary()
        people = net.people
        reachable = people[people["hops"].isin([1, 2])]
        self.degree_counts = {
            int(d): int(n) for d, n in people["hops"].dropna().value_counts().sort_index().items() if d
        }
        self.top_companies = (
            reachable["company"].dropna().astype(str).loc[lambda s: s.str.strip() != ""]
            .value_counts().head(top)
        )  # fmt: skip
        industry_of = IndustryOf(people)
        counts = Counter(label for label in map(industry_of, reachable["person_id"]) if label)
        self.top_industries = counts.most_common(top)

        counts_html = html_table(_summary_rows(self.summary), ["what", "count"],
                                 numeric=["count"], header=False)  # fmt: skip
        degree_html = html_table(
            [{"degree": {1: "1st", 2: "2nd", 3: "3rd"}.get(d, f"{d}th"), "people": n}
             for d, n in self.degree_counts.items()],
            ["degree", "people"], labels={"degree": "Degree", "people": "People"}, numeric=["people"],
        )  # fmt: skip
        company_html = html_table(
            [{"company": c, "people": n} for c, n in self.top_companies.items()],
            ["company", "people"], labels={"company": "Company", "people": "People"},
            numeric=["people"],
        )  # fmt: skip
        industry_html = html_table(
            [{"industry": label, "people": n} for label, n in self.top_industries],
            ["industry", "people"], labels={"industry": "Industry", "people": "People"},
            numeric=["people"], empty="No industry recognised yet.",
        )  # fmt: skip

        def box(title: str, html: str) -> widgets.HTML:
            return widgets.HTML(styled(f"<h4>{html_text(title)}</h4>{html}"),
                                layout=widgets.Layout(margin="0 18px 0 0"))  # fmt: skip

        self.widget.children = [
            widgets.VBox([box("Workspace", counts_html), box("Degree from you", degree_html)]),
            box("Top companies (1st & 2nd)", company_html),
            box("Top industries (1st & 2nd)", industry_html),
        ]
        self.widget.add_class("na-summary")


class CoveragePanel(Panel):
    """How much of the network's industry is known, and the biggest unknown companies, each
    one click from being labelled (:meth:`netanalytics.api.Network.label_company`).

    A label wins over every recogniser and survives re-imports; after one, the panel shows
    the new coverage and the next companies worth labelling.
    """

    def __init__(self, ws, *, top: int = 8) -> None:
        from netanalytics.recognition.taxonomy import load_taxonomy

        self.ws = ws
        self.top = top
        taxonomy = load_taxonomy()
        self.options = [("(choose an industry)", "")] + sorted(
            ((ind.label, key) for key, ind in taxonomy.items()), key=lambda o: o[0]
        )
        self.text = widgets.HTML()
        self.text.add_class("na-coverage-text")
        self.rows = widgets.VBox()
        self.status = Status("na-coverage-status")
        self.pickers: dict[str, widgets.Dropdown] = {}
        self.widget = widgets.VBox([self.text, self.rows, self.status.widget])
        self.widget.add_class("na-coverage")
        self.refresh()
        on_changed(ws, lambda what: self.refresh() if what == "people" else None)

    def refresh(self) -> None:
        """Recount the coverage and rebuild one row per big unknown company."""
        from netanalytics.recognition.recognise import coverage_sentences

        self.coverage = self.net.coverage(top=self.top)
        lines = [line for line in coverage_sentences(self.coverage) if not line.startswith("Most unknown")]
        intro = ("<br>".join(html_text(line) for line in lines)
                 + ("<br><span class='na-muted'>Label the companies with the most unknown people: "
                    "your label wins over every guess and survives re-imports.</span>"
                    if self.coverage["top_unknown"] else ""))
        self.text.value = styled(intro)
        self.pickers = {}
        rows = []
        for name, count in self.coverage["top_unknown"]:
            picker = widgets.Dropdown(options=self.options, value="", layout=widgets.Layout(width="300px"))
            picker.add_class("na-coverage-industry")
            button = widgets.Button(description="Label", icon="tag", layout=widgets.Layout(width="90px"))
            button.add_class("na-coverage-label")
            button.on_click(lambda _, company=name: self.label(company))
            self.pickers[name] = picker
            who = f"{count} {'person' if count == 1 else 'people'}"
            rows.append(widgets.HBox([widgets.HTML(styled(f"<b>{html_text(name)}</b> "
                                                          f"<span class='na-muted'>({who})</span>"),
                                                   layout=widgets.Layout(width="320px")), picker, button]))
        self.rows.children = rows

    def label(self, company: str, industry: str | None = None) -> None:
        """Label ``company`` with ``industry`` (default: the row's picker) and refresh."""
        industry = industry or (self.pickers[company].value if company in self.pickers else None)
        if not industry:
            self.status.error(f"Choose an industry for {company} first.")
            return
        with self.status.reporting():
            self.net.label_company(company, industry)
            self.refresh()
            label = dict((key, text) for text, key in self.options).get(industry, industry)
            self.status.ok(f"{company} is now labelled {label}: every ranking and picture uses it.")
            notify_changed(self.ws, "people", source=self)


def _list_owners(ws, G) -> Counter:
    """Friends and family whose lists I imported (owners of a source, not me) -> their ties.

    A referral logged in the outreach log also adds a tie, recorded under a 'manual'
    source: its giver is not counted as someone who shared a list.
    """
    me = ws.me_id()
    sharers = {
        row[0]
        for row in ws.conn.execute(
            "SELECT DISTINCT owner_person_id FROM sources"
            " WHERE owner_person_id IS NOT NULL AND kind <> 'manual'"
        )
    }
    owners: Counter = Counter()
    for _, _, data in G.edges(data=True):
        for owner in data.get("asserted_by") or ():
            if owner != me and owner in sharers:
                owners[owner] += 1
    return owners


class NetworkPicture(Panel):
    """Me, the friends whose lists I imported, and the top targets of an industry.

    The industry picker re-ranks (:func:`netanalytics.ranking.rank_targets`) and redraws;
    colours are industries as :mod:`netanalytics.recognition` reads them (:class:`IndustryOf`).
    """

    def __init__(self, ws, *, industry: str | None = None, targets: int = 12, today: Any = None) -> None:
        self.ws = ws
        self.n_targets = targets
        self.today = today
        self.industry_of = IndustryOf(self.net.people)
        self.taxonomy = self.industry_of.taxonomy
        self.graph = self.net.graph()
        self.owners = _list_owners(ws, self.graph)
        options = [("(friends only)", "")] + sorted(
            ((ind.label, key) for key, ind in self.taxonomy.items()), key=lambda o: o[0]
        )
        self.industry = widgets.Dropdown(
            description="Industry", options=options, value=industry or self._default_industry() or "",
            layout=widgets.Layout(width="420px"),
        )  # fmt: skip
        self.industry.add_class("na-network-industry")
        self.image = widgets.Image(format="png")
        self.image.add_class("na-network")
        self.status = Status("na-network-status")
        self.industry.observe(lambda _: self.draw(), names="value")
        self.items: tuple[list[dict[str, Any]], list[dict[str, Any]]] = ([], [])
        self.widget = widgets.VBox([self.industry, self.status.widget, self.image])
        self.draw()

    def _industry_of(self, pid: str) -> str | None:
        return self.industry_of(pid)

    def _default_industry(self) -> str | None:
        """The most common industry among the people my friends' lists add."""
        counts = Counter(
            self.industry_of.key(pid) for pid, data in self.graph.nodes(data=True) if not data.get("is_me")
        )
        counts.pop(None, None)
        return counts.most_common(1)[0][0] if counts else None

    def friends(self) -> list[dict[str, Any]]:
        """The list owners as picture items."""
        return [
            {"person_id": pid, "name": self.graph.nodes[pid].get("name", pid),
             "industry": self._industry_of(pid), "size": n}
            for pid, n in self.owners.most_common()
            if pid in self.graph
        ]  # fmt: skip

    def targets(self) -> list[dict[str, Any]]:
        """The top targets of the chosen industry as picture items (empty without one)."""
        from netanalytics.ranking import rank_targets
        from netanalytics.scoring.target import TargetSpec

        if not self.industry.value:
            return []
        spec = TargetSpec.from_mapping({"industries": [self.industry.value]})
        rows = as_records(rank_targets(self.ws, spec, limit=self.n_targets, today=self.today))
        items = []
        for row in rows:
            ids = list(row.get("path_ids") or [])
            if not ids:
                continue
            items.append({
                "person_id": row["person_id"], "name": row["name"],
                "industry": self._industry_of(row["person_id"]), "path_ids": ids,
                "intermediaries": {pid: {"name": self.graph.nodes[pid].get("name", pid),
                                         "industry": self._industry_of(pid)}
                                   for pid in ids[1:-1] if pid in self.graph},
            })  # fmt: skip
        return items

    def draw(self) -> None:
        """Rank (if an industry is chosen) and redraw the picture."""
        with self.status.busy("Drawing your network…", disable=[self.industry]):
            label = self.taxonomy[self.industry.value].label if self.industry.value else None
            title = (
                f"You, {len(self.owners)} friends who shared their lists, and your top "
                f"{label.lower()} targets" if label else
                f"You and the {len(self.owners)} friends who shared their lists"
            )  # fmt: skip
            self.items = (self.friends(), self.targets())
            fig = network_figure(self.items[0], self.items[1], title=title)
            show_figure(self.image, fig)


class PersonSearch(Panel):
    """Instant search: type part of a name, a company or a title; the people it finds, the
    most reachable first, with their best path (:meth:`netanalytics.api.Network.find_people`).

    Results come a page at a time (**Next** fetches more); clicking one opens the person's
    card (every route, the reasons, history, a draft, the prep sheet, Add to pipeline).
    """

    def __init__(self, ws, *, limit: int = 10, today: Any = None) -> None:
        from netanalytics.widgets.card import PersonCard
        from netanalytics.widgets.tables import ActionTable

        self.ws = ws
        self.limit = limit
        self.today = today
        self.timings: dict[str, float] = {}
        self.query = widgets.Text(
            description="Search", placeholder="a name, a company or a title, e.g. Dana or Stripe",
            layout=widgets.Layout(width="420px"), continuous_update=True,
        )  # fmt: skip
        self.query.add_class("na-search-query")
        self.button = widgets.Button(description="Search", icon="search", button_style="primary")
        self.button.add_class("na-search-button")
        self.button.on_click(lambda _: self.search())
        self.query.observe(lambda _: self.search(), names="value")
        self.status = Status("na-search-status")
        self.card = PersonCard(ws, actions=("add", "log"), today=today, css_class="na-search-card")
        self.table = ActionTable(
            [("name", "Name"), ("company", "Company"), ("position", "Position"), ("intro_chance", "Intro chance"),
             ("hops", "Hops"), ("ask", "Ask")], name="people-search", formats={"intro_chance": ".0%"},
            widths={"name": 170, "company": 150, "position": 170, "intro_chance": 90, "hops": 48, "ask": 140},
            page_size=limit, on_select=lambda row: self.card.show(row["person_id"], row),
            more=self._more, css_class="na-search-results", empty="Nobody matches yet.",
        )
        self.results = widgets.HBox(
            [widgets.Box([self.table.widget], layout=widgets.Layout(width="60%", min_width="520px")),
             widgets.Box([self.card.widget], layout=widgets.Layout(width="40%", min_width="320px",
                                                                   padding="0 0 0 10px"))],
            layout=widgets.Layout(display="none", align_items="flex-start"))
        self.matches: list[dict[str, Any]] = []
        self.widget = widgets.VBox([widgets.HBox([self.query, self.button]), self.status.widget, self.results])
        self.widget.add_class("na-person-search")
        with self.status.reporting():  # build the index and the reach of everyone now, not on the first key
            self.net.find_people("a", top=1, today=today)
        on_changed(ws, lambda what: self.search() if what == "people" and self.query.value.strip() else None)

    def _rows(self, frame: Any) -> list[dict[str, Any]]:
        rows = as_records(frame)
        for row in rows:
            row["ask"] = row.get("via") or ("you know them" if row.get("hops") == 1 else
                                            "" if row.get("reachable") else "no path yet")
        return rows

    def _more(self, offset: int) -> list[dict[str, Any]]:
        return self._rows(self.net.find_people(self.query.value, top=self.limit, offset=offset, today=self.today))

    def search(self) -> None:
        """Find the people matching the query, the most reachable first."""
        import time

        text = self.query.value.strip()
        started = time.perf_counter()
        with self.status.reporting():
            if not text:
                self.results.layout.display = "none"
                self.status.clear()
                return
            frame = self.net.find_people(text, top=self.limit, today=self.today)
            total = int(frame.attrs.get("total", len(frame)))
            self.matches = self._rows(frame)
            self.card.widget.layout.display = "none"
            self.table.set_rows(self.matches, total=total)
            self.results.layout.display = "" if self.matches else "none"
            self.timings["search"] = time.perf_counter() - started
            if not self.matches:
                self.status.info(f"Nobody in your network matches '{text}'.")
            else:
                self.status.ok(f"{total} {'person matches' if total == 1 else 'people match'} '{text}', the most "
                               "reachable first. Click one to see every route to them.")


def _explorer_label(name: Any, position: Any, company: Any) -> str:
    from netanalytics.identity.normalize import short_name

    role = " at ".join(str(v) for v in (position, company) if isinstance(v, str) and v.strip())
    who = short_name(name) or str(name or "")
    return f"{who} · {role}" if role else who


class NetworkExplorer(Panel):
    """The network you can explore: you, the friends whose lists you hold, and the top people
    of an industry with the people on their best paths — an ipysigma graph (WebGL, made for
    networks in Jupyter): colour by industry, size by score, a search box, hover for name,
    title and company, zoom and pan; click a person to see their paths beside it.
    """

    def __init__(self, ws, *, industry: str | None = None, targets: int = 25, today: Any = None,
                 height: int = 560) -> None:
        self.ws = ws
        self.n_targets = targets
        self.today = today
        self.height = height
        net = self.net
        self.people = net.people.set_index("person_id")
        self.industry_of = IndustryOf(net.people)
        self.taxonomy = self.industry_of.taxonomy
        options = [("(friends only)", "")] + sorted(
            ((ind.label, key) for key, ind in self.taxonomy.items()), key=lambda o: o[0])
        default = industry or self._default_industry() or ""
        self.industry = widgets.Dropdown(description="Industry", options=options, value=default,
                                         layout=widgets.Layout(width="420px"))
        self.industry.add_class("na-explorer-industry")
        self.industry.observe(lambda _: self.draw(), names="value")
        self.status = Status("na-explorer-status")
        self.graph_box = widgets.VBox()  # full width: sigma sizes its canvas once, from its container
        self.selected = widgets.HTML(styled('<div class="na-muted">Click a person (or find them with the '
                                            "search box in the graph) to see their paths here, under the graph."
                                            "</div>"))
        self.selected.add_class("na-explorer-selected")
        self.key = widgets.HTML()
        self.widget = widgets.VBox([
            widgets.HBox([self.industry, self.status.widget]), self.graph_box, self.key, self.selected])
        self.widget.add_class("na-explorer")
        self.sigma = None
        self.draw()
        on_changed(ws, lambda what: self.draw() if what == "people" else None)

    def _default_industry(self) -> str | None:
        counts = Counter(self.industry_of.key(pid) for pid in self.people.index)
        counts.pop(None, None)
        return counts.most_common(1)[0][0] if counts else None

    def _item(self, pid: str, kind: str, score: float) -> dict[str, Any]:
        row = self.people.loc[pid] if pid in self.people.index else None

        def get(key: str) -> str | None:
            return row[key] if row is not None and isinstance(row[key], str) else None

        return {"label": _explorer_label(get("name") or pid, get("position"), get("company")),
                "name": get("name") or pid, "company": get("company") or "", "title": get("position") or "",
                "industry": self.industry_of(pid) or "unknown", "kind": kind, "score": float(score)}

    def build_graph(self):
        """The graph shown: node attributes label, name, company, title, industry, kind
        (you, friend, target, intermediary), score (sizes), x and y (a radial layout with you at
        its centre); edges between you and each friend and along each target's best path."""
        import networkx as nx

        net = self.net
        G = nx.Graph()
        me = net._tables().me_id
        G.add_node(me, **{**self._item(me, "you", 1.0), "label": "You", "industry": "you"})
        owners = _list_owners(self.ws, net.graph())
        friends = [pid for pid, _ in owners.most_common() if pid != me]
        biggest = max(owners.values(), default=1)
        for pid in friends:
            G.add_node(pid, **self._item(pid, "friend", 0.3 + 0.5 * owners[pid] / biggest))
            G.add_edge(me, pid)
        self.targets: list[dict[str, Any]] = []
        if self.industry.value:
            ranked = net.rank(industry=self.industry.value, top=self.n_targets, today=self.today)
            routes = net.routes(ranked, today=self.today) if len(ranked) else ranked
            best = routes[routes["route"] == 1].set_index("person_id") if len(ranked) else None
            top_score = float(ranked["score"].max()) if len(ranked) else 1.0
            for row in ranked.to_dict("records"):
                pid = row["person_id"]
                if pid not in G:
                    G.add_node(pid, **self._item(pid, "target", 0.15 + 0.85 * row["score"] / (top_score or 1.0)))
                else:
                    G.nodes[pid]["kind"] = "friend and target"
                chain = [me]
                if best is not None and pid in best.index:
                    route = best.loc[pid]
                    chain += [p for p in (route["via_id"], route["then_id"]) if isinstance(p, str)]
                chain.append(pid)
                for a, b in zip(chain, chain[1:], strict=False):
                    if a not in G:
                        G.add_node(a, **self._item(a, "intermediary", 0.2))
                    if b not in G:
                        G.add_node(b, **self._item(b, "intermediary", 0.2))
                    G.add_edge(a, b)
                self.targets.append(row)
        self._layout(G, me)
        return G

    @staticmethod
    def _layout(G: Any, me: str) -> None:
        """You in the middle, friends on a ring, the people they lead to further out, near them."""
        import math

        ring = {me: 0}
        for node in G.nodes:  # breadth-first distance from you along the edges drawn
            if node != me:
                ring[node] = 9
        frontier = [me]
        while frontier:
            nxt = []
            for node in frontier:
                for other in G.neighbors(node):
                    if ring[other] > ring[node] + 1:
                        ring[other] = ring[node] + 1
                        nxt.append(other)
            frontier = nxt
        angle = {me: 0.0}
        for depth in sorted({d for d in ring.values() if d > 0}):
            nodes = [n for n in G.nodes if ring[n] == depth]
            parent_angle = {n: min((angle[p] for p in G.neighbors(n) if p in angle and ring[p] < depth),
                                   default=0.0) for n in nodes}
            nodes.sort(key=lambda n: (parent_angle[n], str(n)))
            for i, n in enumerate(nodes):
                angle[n] = 2 * math.pi * i / max(len(nodes), 1) + (0.15 if depth > 1 else 0.0)
        for n in G.nodes:
            r = [0, 1.0, 1.9, 2.8][min(ring[n], 3)] if ring[n] < 9 else 3.4
            G.nodes[n]["x"], G.nodes[n]["y"] = r * math.cos(angle.get(n, 0.0)), r * math.sin(angle.get(n, 0.0))
        others = [n for n in G.nodes if n != me]
        if others:  # you sit at the centre of the picture (the viewer centres on the extent)
            xs = [G.nodes[n]["x"] for n in others]
            ys = [G.nodes[n]["y"] for n in others]
            G.nodes[me]["x"], G.nodes[me]["y"] = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2

    def draw(self) -> None:
        """Rank the industry's top people (if one is chosen) and draw the graph."""
        from ipysigma import Sigma

        with self.status.busy("Drawing your network…", disable=[self.industry]):
            self.graph = G = self.build_graph()
            self.me = next(n for n, d in G.nodes(data=True) if d["kind"] == "you")
            self.sigma = Sigma(
                G, height=self.height, node_color="industry", node_size="score", node_size_range=(4, 16),
                node_label="label", default_edge_color="#c9d1d6", label_density=0.6,
                node_border_color_from="node", max_categorical_colors=10, start_layout=False,
            )  # fmt: skip
            self.sigma.add_class("na-explorer-graph")
            self.sigma.observe(lambda change: self.select(change["new"]), names="selected_node")
            self.graph_box.children = [self.sigma]
            label = self.taxonomy[self.industry.value].label if self.industry.value else None
            friends = sum(1 for _, d in G.nodes(data=True) if d["kind"] == "friend")
            self.key.value = styled(
                f'<div class="na-muted" style="font-size:12px">You, {friends} friends whose lists you hold'
                + (f", and your top {len(self.targets)} {html_text(label)} people with the people on their best "
                   "paths" if label else "") + ". Colour: industry. Size: score (intro chance × fit). Hover a "
                "person for their title and company; scroll to zoom; drag to pan.</div>")
            self.status.clear()

    def select(self, person_id: str | None) -> None:
        """Show who ``person_id`` is and the paths to them (a click in the graph does this)."""
        self.selected_id = person_id
        if person_id is None:
            return
        with self.status.reporting():
            data = self.graph.nodes[person_id] if person_id in self.graph else {}
            head = (f"<h4>{html_text(data.get('name', person_id))}</h4>"
                    f"<div>{html_text(' at '.join(v for v in (data.get('title'), data.get('company')) if v))}</div>"
                    f'<div class="na-muted">{html_text(data.get("industry", ""))} · {html_text(data.get("kind", ""))}</div>')
            if person_id == self.me:
                self.selected.value = styled(head + "<div>That is you: everyone else is measured from here.</div>")
                return
            routes = self.net.paths_to(person_id, today=self.today)
            if not len(routes):
                self.selected.value = styled(head + '<div class="na-muted">No warm path from you yet.</div>')
                return
            rows = [{"path": r["path"], "chance": f"{r['route_chance']:.0%}"} for r in routes.head(5).to_dict("records")]
            self.selected.value = styled(
                head + f"<div><b>Intro chance</b> {routes['intro_chance'].iloc[0]:.0%} "
                "<span class='na-muted'>(all routes together)</span></div>"
                + html_table(rows, ["path", "chance"], labels={"path": "Paths from you, best first",
                                                               "chance": "Route chance"}, numeric=["chance"]))


class ImportPanel(Panel):
    """Import an export (mine, a friend's Connections.csv, contacts) with progress.

    Calls :meth:`netanalytics.api.Network.add_export`, exactly as
    ``netanalytics import PATH --owner … --relationship …`` does. A failure is shown as a
    failure, in the library's words; after a success the summary, coverage, network and
    search of the notebook refresh themselves.
    """

    def __init__(self, ws) -> None:
        from netanalytics.workspace.stages import RELATIONSHIPS

        self.ws = ws
        self.path = widgets.Text(
            description="File", placeholder="data/friends/maya_Connections.csv",
            layout=widgets.Layout(width="520px"),
        )  # fmt: skip
        self.path.add_class("na-import-path")
        self.owner = widgets.Text(description="Whose list", placeholder="leave empty for your own export")
        self.owner_url = widgets.Text(description="Their URL", placeholder="linkedin.com/in/… (optional)")
        self.relationship = widgets.Dropdown(
            description="You are", options=[("—", "")] + [(r.replace("-", " "), r) for r in RELATIONSHIPS], value=""
        )
        self.button = widgets.Button(description="Import", icon="upload", button_style="primary")
        self.button.add_class("na-import-button")
        self.button.on_click(lambda _: self.run())
        self.status = Status("na-import-status", labels={
            "owner": "'Whose list'", "owner_url": "'Their URL'", "relationship": "'You are'", "path": "'File'"})
        self.summary = None
        self.widget = widgets.VBox(
            [
                self.path,
                widgets.HBox([self.owner, self.owner_url]),
                widgets.HBox([self.relationship, self.button]),
                self.status.widget,
            ]
        )
        self.widget.add_class("na-import")

    def run(self) -> None:
        """Import the file; show the one-line summary or the readable error (never both)."""
        self.summary = None
        with self.status.busy("Importing… (a large export takes a moment)", disable=[self.button]):
            if not self.path.value.strip():
                self.status.error("Give the path of an export file or folder first.")
                return
            summary = self.net.add_export(
                self.path.value.strip(), owner=self.owner.value.strip() or None,
                owner_url=self.owner_url.value.strip() or None,
                relationship=self.relationship.value or None, progress=False,
            )  # fmt: skip
            self.summary = summary
            self.status.ok(f"{str(summary).rstrip('.')}. The summary, coverage, network and search above "
                           "now include them.")
        if self.summary is not None:
            notify_changed(self.ws, "people", source=self)
