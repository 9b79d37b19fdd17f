"""Notebook 2: the target form, the ranked warm introductions as a table you act in, and
"who to ask first".

The form builds a :class:`netanalytics.scoring.target.TargetSpec` (``from_mapping``, as the
CLI's flags do) and calls the front door's :meth:`netanalytics.api.Network.rank`. The ranked
rows fill an :class:`~netanalytics.widgets.tables.ActionTable` (sort, filter — hide people
already in your pipeline, people you know directly, a strict company filter — pages, CSV
export); clicking a row opens the person's :class:`~netanalytics.widgets.card.PersonCard`
beside it, with **Add to pipeline** (idempotent), a draft and the prep sheet, each action
answered next to its button.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ipywidgets as widgets

from netanalytics.recognition.taxonomy import load_taxonomy
from netanalytics.widgets.card import PersonCard, percent
from netanalytics.widgets.common import (
    Panel,
    Status,
    as_records,
    html_table,
    on_changed,
    styled,
    text_or,
)
from netanalytics.widgets.explore import path_figure  # noqa: F401 - re-exported for the docs and tests
from netanalytics.widgets.tables import ActionTable, Filter

__all__ = ["RANK_TABLE_COLUMNS", "TargetFinder", "WhoToAsk"]

#: The ranked table's columns: (key of the rank row, label).
RANK_TABLE_COLUMNS = [
    ("rank", "#"), ("name", "Name"), ("company", "Company"), ("position", "Position"),
    ("intro_chance", "Intro chance"), ("fit", "Fit"), ("score", "Score"), ("hops", "Hops"), ("ask", "Ask"),
]
#: What the form asks for when it is empty (in the form's own words).
EMPTY_FORM = ("Describe whom you want to meet first: choose an industry, type a company or a job title "
              "(press Enter after each), or pick a function or a seniority. Then press Rank.")
ANY = ""  # the "(any)" choice: a real value, so the picker never shows blank


def _pct(value: Any) -> str:
    return percent(value)


class TargetFinder(Panel):
    """The target form, the ranked table and the card of the row you click.

    ``today`` fixes the clock of the ranking (recency of contact) for tests; ``limit`` is
    how many people the ranking returns (the table pages through them).
    """

    def __init__(self, ws, *, limit: int = 60, today: Any = None, page_size: int = 12) -> None:
        self.ws = ws
        self.limit = limit
        self.today = today
        self.on_submit: list[Callable[[Any], None]] = []
        self.spec = None
        self.rows: list[dict[str, Any]] = []
        self.timings: dict[str, float] = {}

        taxonomy = load_taxonomy()
        self.industry = widgets.Dropdown(
            description="Industry",
            options=[("(any)", ANY)]
            + sorted(((f"{ind.label}", key) for key, ind in taxonomy.items()), key=lambda o: o[0]),
            value=ANY, layout=widgets.Layout(width="420px"),
        )
        self.industry.add_class("na-target-industry")
        self.companies = widgets.TagsInput(allow_duplicates=False)
        self.companies.add_class("na-target-companies")
        self.titles = widgets.TagsInput(allow_duplicates=False)
        self.titles.add_class("na-target-titles")
        from netanalytics.recognition.titles import FUNCTION_LABELS, SENIORITY_LABELS

        self.functions = widgets.SelectMultiple(
            description="Function", options=[(label, key) for key, label in FUNCTION_LABELS.items()],
            rows=6, layout=widgets.Layout(width="330px"),
        )
        self.functions.add_class("na-target-functions")
        self.seniority = widgets.SelectMultiple(
            description="Seniority", options=[(label, key) for key, label in SENIORITY_LABELS.items()],
            rows=6, layout=widgets.Layout(width="250px"),
        )
        self.seniority.add_class("na-target-seniority")
        self.location = widgets.Text(description="Location", placeholder="e.g. Seattle (optional)")
        self.location.add_class("na-target-location")
        self.max_hops = widgets.IntSlider(description="Max hops", min=1, max=3, value=3)
        self.submit_button = widgets.Button(description="Rank", button_style="primary", icon="search")
        self.submit_button.add_class("na-target-submit")
        self.submit_button.on_click(lambda _: self.submit())
        self.weights = self._weight_sliders()
        self.status = Status("na-target-status")
        for field in (self.industry, self.companies, self.titles, self.functions, self.seniority, self.location):
            field.observe(self._form_changed, names="value")

        self.card = PersonCard(ws, actions=("add", "log"), today=today, css_class="na-target-card",
                               on_action=lambda what, pid: self._after_action(what, pid))
        self.table = ActionTable(
            RANK_TABLE_COLUMNS, name="warm-introductions",
            formats={"intro_chance": ".0%", "fit": ".0%", "score": ".3f"},
            widths={"rank": 36, "name": 150, "company": 120, "position": 150, "intro_chance": 96, "fit": 50,
                    "score": 56, "hops": 48, "ask": 140},
            sorts=[("score (the ranking)", "score", True), ("intro chance", "intro_chance", True),
                   ("fit", "fit", True), ("fewest hops", "hops", False), ("name", "name", False),
                   ("company", "company", False)],
            filters=[Filter("hide people already in my pipeline", lambda r: not r.get("in_pipeline"),
                            css_class="na-ranked-hide-pipeline"),
                     Filter("hide people I know directly", lambda r: r.get("hops") != 1,
                            css_class="na-ranked-hide-direct")],
            company_filter=True, page_size=page_size, on_select=self.open_card, css_class="na-ranked",
            empty="Rank a target to see the people you can reach warmly.",
        )
        self.results = widgets.HBox(
            [widgets.Box([self.table.widget], layout=widgets.Layout(width="62%", min_width="560px")),
             widgets.Box([self.card.widget], layout=widgets.Layout(width="38%", min_width="320px",
                                                                   padding="0 0 0 10px"))],
            layout=widgets.Layout(display="none", align_items="flex-start"),
        )
        self.results.add_class("na-ranked-results")
        self.explain = widgets.HTML()
        self.explain.add_class("na-ranked-help")

        def label(text: str) -> widgets.HTML:
            return widgets.HTML(
                f'<span style="display:inline-block;width:80px;text-align:right;'
                f'padding-right:8px">{text}</span>'
            )

        def hint(text: str) -> widgets.HTML:
            return widgets.HTML(f'<span class="na-muted" style="color:#777">{text}</span>')

        form = widgets.VBox(
            [
                self.industry,
                widgets.HBox([label("Companies"), self.companies,
                              hint("type a company, press Enter (optional)")]),
                widgets.HBox([label("Job titles"), self.titles,
                              hint("e.g. product manager, press Enter")]),
                widgets.HBox([self.functions, self.seniority]),
                hint("Titles are read through abbreviations and languages (Sr. PM, Produktmanager); "
                     "function and seniority come from each title (optional; Ctrl/Shift-click picks "
                     "several)."),
                widgets.HBox([self.location, self.max_hops]),
                self.weights_box,
                widgets.HBox([self.submit_button, self.status.widget]),
            ]
        )
        self.widget = widgets.VBox([form, self.explain, self.results])
        self.widget.add_class("na-target-finder")
        on_changed(ws, self._workspace_changed)

    # -- the form --------------------------------------------------------------------------
    def _weight_sliders(self) -> dict[str, widgets.FloatSlider]:
        """Sliders for the main weights: two of the fit criteria, affinity and novelty."""
        from netanalytics.ranking import RankWeights
        from netanalytics.scoring.target import DEFAULT_FIT_WEIGHTS

        defaults = RankWeights()
        spec = {
            "industries": ("Industry match", DEFAULT_FIT_WEIGHTS["industries"], 2.0),
            "titles": ("Title match", DEFAULT_FIT_WEIGHTS["titles"], 2.0),
            "affinity": ("Shared background", defaults.affinity, 1.0),
            "novelty": ("Weak-tie bonus", defaults.novelty, 0.5),
        }
        sliders = {}
        for key, (label, value, top) in spec.items():
            slider = widgets.FloatSlider(
                description=label, value=float(value), min=0.0, max=top, step=0.05,
                readout_format=".2f", style={"description_width": "130px"},
                layout=widgets.Layout(width="380px"),
            )  # fmt: skip
            slider.add_class(f"na-weight-{key}")
            sliders[key] = slider
        self.weights_box = widgets.VBox(
            [
                widgets.HTML('<span class="na-muted">How much each part of the score counts</span>'),
                widgets.HBox([sliders["industries"], sliders["titles"]]),
                widgets.HBox([sliders["affinity"], sliders["novelty"]]),
            ]
        )
        return sliders

    def target_mapping(self) -> dict[str, Any]:
        """The form as a mapping for :meth:`TargetSpec.from_mapping` (as the CLI's flags)."""
        mapping: dict[str, Any] = {}
        if self.industry.value:
            mapping["industries"] = [self.industry.value]
        if self.companies.value:
            mapping["companies"] = list(self.companies.value)
        if self.titles.value:
            mapping["titles"] = list(self.titles.value)
        if self.functions.value:
            mapping["functions"] = list(self.functions.value)
        if self.seniority.value:
            mapping["seniority"] = list(self.seniority.value)
        if self.location.value.strip():
            mapping["locations"] = [self.location.value.strip()]
        if mapping:
            mapping["weights"] = {
                "industries": self.weights["industries"].value,
                "titles": self.weights["titles"].value,
            }
        return mapping

    def rank_weights(self):
        """The :class:`netanalytics.ranking.RankWeights` the sliders set."""
        from netanalytics.ranking import RankWeights

        return RankWeights(affinity=self.weights["affinity"].value, novelty=self.weights["novelty"].value)

    def _form_changed(self, _: Any) -> None:
        if self.status.kind == "error":  # the complaint was about the form: it changed, so it goes
            self.status.clear()

    # -- handlers --------------------------------------------------------------------------
    def submit(self) -> None:
        """Rank with the form's target; fill the table (the button is back when the table is)."""
        import time

        mapping = self.target_mapping()
        if not mapping:
            self.status.error(EMPTY_FORM)
            return
        started = time.perf_counter()
        spec = None
        with self.status.busy("Ranking your network…", disable=[self.submit_button]):
            from netanalytics.scoring.target import TargetSpec

            spec = TargetSpec.from_mapping(mapping)
            ranked = self.net.rank(target=spec, top=self.limit, max_hops=self.max_hops.value,
                                   weights=self.rank_weights(), today=self.today)
            self.spec = spec
            self.rows = self._table_rows(as_records(ranked))
            self._show_table()
            self.timings["rank"] = time.perf_counter() - started
            self.status.ok(f"Ranked: {len(self.rows)} people you can reach warmly for {self.describe(mapping)}, "
                           "best first.")
        if self.status.kind == "ok":
            for callback in self.on_submit:  # (who to ask first) after the table and the button are back
                callback(spec)

    def describe(self, mapping: dict[str, Any]) -> str:
        """The target in words: 'Financial technology · product manager · near Boston'."""
        labels = dict((key, text) for text, key in self.industry.options)
        parts = [labels.get(k, k) for k in mapping.get("industries", [])]
        parts += list(mapping.get("companies", [])) + list(mapping.get("titles", []))
        parts += [dict((k, t) for t, k in self.functions.options).get(f, f) for f in mapping.get("functions", [])]
        parts += [dict((k, t) for t, k in self.seniority.options).get(f, f) for f in mapping.get("seniority", [])]
        parts += [f"near {place}" for place in mapping.get("locations", [])]
        return " · ".join(str(p) for p in parts) or "this target"

    def _table_rows(self, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        in_pipeline = {r["person_id"] for r in self.net.pipeline(as_frame=False)}
        for row in rows:
            row["ask"] = text_or(row.get("via"), "you know them")
            row["in_pipeline"] = row["person_id"] in in_pipeline
        return rows

    def _show_table(self) -> None:
        self.results.layout.display = ""
        self.card.widget.layout.display = "none"
        self.explain.value = styled(
            '<div class="na-muted" style="font-size:12px"><b>Intro chance</b>: the chance that at least one of '
            "your routes ends in a warm introduction. <b>Fit</b>: how well they match your target. "
            "<b>Score</b>: intro chance × fit × shared background × weak-tie bonus, the order of the list. "
            "<b>Hops</b>: ties between you and them (1 = you know them). <b>Ask</b>: whom to ask for the "
            "introduction. The funnel at the right of a column header sorts or filters the whole list, "
            "every page.</div>")
        self.table.set_rows(self.rows)
        if not self.rows:
            self.table.where.value = styled(
                '<div class="na-info">Nobody in your network matches this target within '
                f"{self.max_hops.value} hops. Try a broader target or more hops.</div>")

    def open_card(self, row: dict[str, Any]) -> None:
        """Open the card of a ranked row (a click on the table does this)."""
        self.card.show(row["person_id"], row)

    def selected(self) -> dict[str, Any] | None:
        """The ranked row whose card is open."""
        return self.table.selected

    def add_to_pipeline(self) -> None:
        """Add the open card's person to the pipeline (idempotent: once is enough)."""
        self.card.act("add")

    def _after_action(self, what: str, person_id: str) -> None:
        if what in ("add", "log"):
            for row in self.rows:
                if row["person_id"] == person_id:
                    row["in_pipeline"] = True
            if any(f.box.value for f in self.table.filters):
                self.table.refresh_view()

    def _workspace_changed(self, what: str) -> None:
        if what == "people" and self.spec is not None:
            self.submit()
        elif what == "log" and self.rows:
            self.rows = self._table_rows(self.rows)
            self.table.rows = self.rows
            self.table.refresh_view()


class WhoToAsk(Panel):
    """The intermediaries ranked for the finder's target: whom to ask first."""

    def __init__(self, finder: TargetFinder, *, limit: int = 10) -> None:
        self.finder = finder
        self.limit = limit
        self.rows: list[dict[str, Any]] = []
        self.table = widgets.HTML(
            styled('<div class="na-muted">Rank a target above to see whom to ask first.</div>')
        )
        self.table.add_class("na-intermediaries")
        self.status = Status("na-intermediaries-status")
        self.widget = widgets.VBox([self.table, self.status.widget])
        finder.on_submit.append(self.refresh)
        if finder.spec is not None:
            self.refresh(finder.spec)

    def refresh(self, spec: Any) -> None:
        """Rank the intermediaries for ``spec``."""
        from netanalytics.ranking import rank_intermediaries

        with self.status.busy("Ranking intermediaries…"):
            self.rows = as_records(
                rank_intermediaries(self.finder.ws, spec, max_hops=self.finder.max_hops.value,
                                    limit=self.limit, today=self.finder.today,
                                    weights=self.finder.rank_weights())
            )  # fmt: skip
            for rank, row in enumerate(self.rows, start=1):
                row["rank"] = rank
                row["best"] = ", ".join(list(row.get("best_targets") or [])[:3])
                # the first reason repeats "opens N targets (best: …)", shown as columns
                row["why"] = "; ".join(list(row.get("reasons") or [])[1:])
            self.table.value = styled(
                html_table(
                    self.rows, ["rank", "name", "company", "targets", "best", "why"],
                    labels={"rank": "#", "name": "Ask", "company": "Company",
                            "targets": "Opens", "best": "Best targets through them",
                            "why": "Your tie and track record"},
                    numeric=["rank", "targets"], nowrap=["name"],
                    empty="Nobody opens a path to this target.",
                )
            )  # fmt: skip
