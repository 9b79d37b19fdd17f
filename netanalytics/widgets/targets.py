"""Notebook 2: the target form, the ranked warm introductions, details, and "who to ask first".

The form builds a :class:`netanalytics.scoring.target.TargetSpec` (``from_mapping``, as the
CLI's flags do) and calls :func:`netanalytics.ranking.rank_targets` /
``rank_intermediaries``; **Add to pipeline** logs ``identified`` with
:meth:`netanalytics.api.Network.log`, like ``netanalytics log PERSON identified``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ipywidgets as widgets

from netanalytics.recognition.taxonomy import load_taxonomy
from netanalytics.safety import html_text
from netanalytics.widgets.common import (
    Panel,
    Status,
    as_records,
    html_list,
    html_table,
    show_figure,
    styled,
    text_or,
)
from netanalytics.widgets.explore import path_figure

__all__ = ["TargetFinder", "WhoToAsk"]

_RANK_COLUMNS = ["rank", "name", "position", "company", "score", "chance", "hops", "via", "meeting"]
_RANK_LABELS = {
    "rank": "#", "name": "Name", "position": "Position", "company": "Company", "score": "Score",
    "chance": "Intro chance", "hops": "Hops", "via": "Ask", "meeting": "Meet",
}  # fmt: skip


def _pct(value: Any) -> str:
    try:
        return f"{float(value):.0%}"
    except (TypeError, ValueError):
        return ""


class TargetFinder(Panel):
    """The target form and the ranked table; details and actions for the chosen row.

    ``today`` fixes the clock of the ranking (recency of contact) for tests.
    """

    def __init__(self, ws, *, limit: int = 20, today: Any = None) -> None:
        self.ws = ws
        self.limit = limit
        self.today = today
        self.on_submit: list[Callable[[Any], None]] = []
        self.spec = None
        self.rows: list[dict[str, Any]] = []

        taxonomy = load_taxonomy()
        self.industry = widgets.Dropdown(
            description="Industry",
            options=[("(any)", None)]
            + sorted(((f"{ind.label}", key) for key, ind in taxonomy.items()), key=lambda o: o[0]),
            layout=widgets.Layout(width="420px"),
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
        self.table = widgets.HTML()
        self.table.add_class("na-ranked")
        self.pick = widgets.Dropdown(description="Details for", layout=widgets.Layout(width="520px"))
        self.pick.add_class("na-target-pick")
        self.pick.observe(lambda _: self.show_details(), names="value")
        self.details = widgets.HTML()
        self.details.add_class("na-target-details")
        self.path_image = widgets.Image(format="png")
        self.draft_label = widgets.HTML()
        self.draft = widgets.Textarea(layout=widgets.Layout(width="760px", height="170px"))
        self.draft.add_class("na-target-draft")
        self.add_button = widgets.Button(description="Add to pipeline", icon="plus")
        self.add_button.add_class("na-target-add")
        self.add_button.on_click(lambda _: self.add_to_pipeline())
        self.detail_box = widgets.VBox(
            [self.pick, self.path_image, self.details,
             self.draft_label, self.draft, self.add_button],
            layout=widgets.Layout(display="none"),
        )  # fmt: skip

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
        self.widget = widgets.VBox([form, self.table, self.detail_box])
        self.widget.add_class("na-target-finder")

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

    # -- handlers --------------------------------------------------------------------------
    def submit(self) -> None:
        """Rank with the form's target; fill the table and the details picker."""
        from netanalytics.ranking import rank_targets
        from netanalytics.scoring.target import TargetSpec

        with self.status.busy("Ranking your network…", disable=[self.submit_button]):
            spec = TargetSpec.from_mapping(self.target_mapping())
            ranked = rank_targets(
                self.ws, spec, max_hops=self.max_hops.value, limit=self.limit,
                weights=self.rank_weights(), today=self.today,
            )  # fmt: skip
            self.spec = spec
            self.rows = [r for r in as_records(ranked) if r.get("reachable", True) and r.get("path")]
            self._show_table()
            self.status.ok(f"Ranked: the {len(self.rows)} best warm introductions for this target.")
            for callback in self.on_submit:
                callback(spec)

    def _show_table(self) -> None:
        for rank, row in enumerate(self.rows, start=1):
            row["rank"] = rank
            row["chance"] = _pct(row.get("probability"))
        if not self.rows:
            self.table.value = styled(
                '<div class="na-info">Nobody in your network matches this target within '
                f"{self.max_hops.value} hops. Try a broader target or more hops.</div>"
            )
            self.detail_box.layout.display = "none"
            return
        self.table.value = styled(
            f"<h4>Top {len(self.rows)} warm introductions</h4>"
            + html_table(
                self.rows, _RANK_COLUMNS, labels=_RANK_LABELS, numeric=["rank", "score", "chance", "hops"],
                nowrap=["name"],
                formats={"via": lambda v: text_or(v, "direct")},
            )
        )  # fmt: skip
        self.pick.options = [
            (f"{r['rank']}. {r['name']} — {text_or(r.get('company'))}", r["person_id"]) for r in self.rows
        ]
        self.pick.value = self.rows[0]["person_id"]
        self.detail_box.layout.display = ""
        self.show_details()

    def selected(self) -> dict[str, Any] | None:
        """The ranked row chosen in the details picker."""
        for row in self.rows:
            if row["person_id"] == self.pick.value:
                return row
        return None

    def show_details(self) -> None:
        """Path picture, reasons, meeting suggestion and draft for the chosen row."""
        row = self.selected()
        if row is None:
            return
        with self.status.reporting():
            from netanalytics.outreach.drafts import draft

            fig = path_figure(row["path"], title=f"Path to {row['name']}")
            show_figure(self.path_image, fig)
            from netanalytics.outreach.prep import career_path

            meeting = text_or(row.get("meeting"))
            company = text_or(row.get("company"))
            card = self.net.profile(row["person_id"])
            place = text_or(row.get("place")) or text_or(row.get("location"), "location unknown")
            path = career_path(card["experience"], card["schools"])
            self.details.value = styled(
                f'<div class="na-card"><h4>{html_text(row["name"])}</h4>'
                f"<div>{html_text(text_or(row.get('position')))}"
                f"{' at ' + html_text(company) if company else ''} · {html_text(place)}</div>"
                f"<div>Intro chance {_pct(row.get('probability'))} · fit {_pct(row.get('fit'))}"
                f" · suggested meeting: <b>{html_text(meeting)}</b>"
                f" ({html_text(text_or(row.get('meeting_reason')))})</div>"
                + (f"<div><b>Path and schools</b>{html_list(path[:6])}</div>" if path else "")
                + f"<div><b>Why</b>{html_list(row.get('reasons') or [])}</div></div>"
            )
            via = text_or(row.get("via_id")) or None
            kind = "intro-request" if via else "direct"
            self.draft_label.value = (
                f"<b>Draft intro request</b> to {html_text(text_or(row.get('via'), 'your friend'))}"
                " (edit it, then copy it into your message)"
                if via else "<b>Draft message</b> (you know them directly; edit it, then send it)"
            )  # fmt: skip
            self.draft.value = draft(self.ws, row["person_id"], kind, via=via, today=self.today)

    def add_to_pipeline(self) -> None:
        """Log ``identified`` for the chosen person (via the first intermediary)."""
        row = self.selected()
        with self.status.busy("Adding…", disable=[self.add_button]):
            if row is None:
                self.status.error("Rank first, then pick a person.")
                return
            via = text_or(row.get("via_id")) or None
            event = self.net.log(row["person_id"], "identified", via=via,
                                 notes="Added from the warm-introduction ranking")  # fmt: skip
            self.status.ok(f"Added {event.name} to your pipeline (stage: identified).")


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
