"""Tables you act in: an ipydatagrid grid that sorts, filters, pages, selects and exports.

:class:`ActionTable` shows rows (plain dicts from the front door) in an
``ipydatagrid.DataGrid`` — a canvas grid made for large tables in Jupyter, with its own
sorting and filtering menus in each column header; the grid holds one page, and what its
menus choose is applied here to every row, so a header sort orders the whole list (see
:func:`header_order`). Around it: the filters that mean
something here (check boxes such as "hide people already in my pipeline", a strict company
filter), a "Sort by" picker, pages of ``page_size`` rows, and **Export CSV**, which writes
the rows that pass the filters, in the order shown, to a private file (mode 0600, through
:func:`netanalytics.safety.write_private`, every cell neutralised against spreadsheet
formulas) inside the notebook's folder, and links to it. Clicking a row calls
``on_select(row)``: the notebooks open the person's card beside the grid.

Every value from an export reaches the grid as data, never as markup (the grid draws text on
a canvas).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

import ipywidgets as widgets

from netanalytics.safety import csv_safe_row, html_text, write_private
from netanalytics.widgets.common import Panel, Status, styled

__all__ = ["ActionTable", "Filter", "export_rows"]

#: Where exports go, relative to the notebook's folder (JupyterLab's root contains it).
EXPORT_DIR = "exports"
ROW_HEIGHT = 26
HEADER_HEIGHT = 30
#: Room for the grid's horizontal scroll bar, so the last row is never half hidden under it.
SCROLLBAR = 18


class Filter:
    """A check box that keeps the rows ``keep(row)`` accepts while it is ticked."""

    def __init__(self, label: str, keep: Callable[[dict[str, Any]], bool], *, value: bool = False,
                 css_class: str = "") -> None:
        self.keep = keep
        self.box = widgets.Checkbox(value=value, description=label, indent=False,
                                    layout=widgets.Layout(width="auto"))
        if css_class:
            self.box.add_class(css_class)


def export_rows(rows: Sequence[Mapping[str, Any]], columns: Sequence[tuple[str, str]], path: str | Path) -> Path:
    """Write ``rows`` (the ``columns`` as ``(key, label)``) to a private CSV; formula-safe.

    >>> import tempfile, os
    >>> out = export_rows([{"name": "=cmd()", "n": 1}], [("name", "Name"), ("n", "N")],
    ...                   Path(tempfile.mkdtemp()) / "x.csv")
    >>> out.read_text().splitlines(), oct(os.stat(out).st_mode & 0o777)
    (['Name,N', "'=cmd(),1"], '0o600')
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([label for _, label in columns])
    for row in rows:
        safe = csv_safe_row({key: _csv_value(row.get(key)) for key, _ in columns})
        writer.writerow([safe[key] for key, _ in columns])
    return write_private(path, buffer.getvalue(), what="the exported table")


def _csv_value(value: Any) -> Any:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, datetime):
        return value.isoformat(timespec="minutes")
    return value


def _null(value: Any) -> bool:
    return value is None or (isinstance(value, float) and value != value)


def _compare(op: Callable[[Any, Any], bool]) -> Callable[[Any, Any], bool]:
    def test(cell: Any, value: Any) -> bool:
        try:
            return not _null(cell) and bool(op(cell, value))
        except TypeError:  # text against a number: no match, as nothing compares
            return False
    return test


#: The grid's filter operators (its header menu's choices) over one cell, as its own
#: front end reads them: text tests are case-sensitive but "stringContains".
_FILTERS: dict[str, Callable[[Any, Any], bool]] = {
    "<": _compare(lambda c, v: c < v), "<=": _compare(lambda c, v: c <= v),
    ">": _compare(lambda c, v: c > v), ">=": _compare(lambda c, v: c >= v),
    "=": lambda c, v: c == v, "!=": lambda c, v: c != v,
    "empty": lambda c, v: _null(c), "notempty": lambda c, v: not _null(c),
    "in": lambda c, v: c in (v or []),
    "between": _compare(lambda c, v: v[0] <= c <= v[1]),
    "startswith": lambda c, v: str(c).startswith(str(v)), "endswith": lambda c, v: str(c).endswith(str(v)),
    "contains": lambda c, v: str(v) in str(c), "!contains": lambda c, v: str(v) not in str(c),
    "stringContains": lambda c, v: str(v).lower() in str(c).lower(),
}


def _transform_keys(transforms: Sequence[Mapping[str, Any]]) -> list[tuple[str, ...]]:
    """What a list of header transforms does, comparable (the grid adds fields of its own)."""
    return [tuple(repr(t.get(k)) for k in ("type", "column", "desc", "operator", "value")) for t in transforms]


def header_order(cells: Mapping[str, Sequence[Any]], count: int, transforms: Sequence[Mapping[str, Any]]) -> list[int]:
    """The positions of the rows a grid's header sorts and filters keep, in their order.

    ``cells`` maps a column label to its cells (as the grid shows them); ``transforms``
    are ipydatagrid's (``{"type": "sort", "column": …, "desc": …}`` or ``{"type":
    "filter", "column": …, "operator": …, "value": …}``), applied in turn. Sorting is
    stable and puts empty cells last; a transform on an unknown column or with an
    operator this table cannot read is passed over (the grid still applies it to its page).

    >>> cells = {"Name": ["Ada", "Lin", "Bo"], "Chance": [0.2, None, 0.5]}
    >>> header_order(cells, 3, [{"type": "sort", "column": "Chance", "desc": True}])
    [2, 0, 1]
    >>> header_order(cells, 3, [{"type": "filter", "column": "Name", "operator": "stringContains", "value": "L"}])
    [1]
    """
    order = list(range(count))
    for transform in transforms:
        column = cells.get(str(transform.get("column")))
        if column is None:
            continue
        if transform.get("type") == "sort":
            missing = [i for i in order if _null(column[i]) or column[i] == ""]  # nothing known: last
            present = [i for i in order if not (_null(column[i]) or column[i] == "")]
            try:
                present.sort(key=lambda i: _sort_key(column[i]), reverse=bool(transform.get("desc")))
            except TypeError:  # mixed kinds of values: compare them as text
                present.sort(key=lambda i: str(column[i]), reverse=bool(transform.get("desc")))
            order = present + missing
        elif transform.get("type") == "filter" and transform.get("operator") in _FILTERS:
            test, value = _FILTERS[transform["operator"]], transform.get("value")
            order = [i for i in order if test(column[i], value)]
    return order


class ActionTable(Panel):
    """A sortable, filterable, paged, selectable grid of ``rows`` with CSV export.

    ``columns`` are ``(key, label)``; ``formats`` maps a key to a d3 number format for the
    grid (``".0%"`` shows 0.456 as 46% yet sorts as a number); ``widths`` maps a key to
    pixels. ``sorts`` are ``(label, key, descending)`` for the "Sort by" picker; ``filters``
    are :class:`Filter` boxes; ``company_filter`` adds a strict company box (whole names,
    as :func:`netanalytics.identity.normalize.company_key` reads them: "Stripe" keeps
    Stripe, Inc. and not Stripes Group). ``on_select(row)`` runs when a row is clicked.
    """

    def __init__(
        self,
        columns: Sequence[tuple[str, str]],
        *,
        name: str = "table",
        formats: Mapping[str, str] | None = None,
        widths: Mapping[str, int] | None = None,
        sorts: Sequence[tuple[str, str, bool]] = (),
        filters: Sequence[Filter] = (),
        company_filter: bool = False,
        page_size: int = 12,
        on_select: Callable[[dict[str, Any]], None] | None = None,
        more: Callable[[int], list[dict[str, Any]]] | None = None,
        css_class: str = "na-grid",
        empty: str = "Nothing to show.",
        export_folder: str | Path = EXPORT_DIR,
    ) -> None:
        from ipydatagrid import DataGrid, TextRenderer

        self.columns = list(columns)
        self.name = name
        self.page_size = page_size
        self.on_select = on_select
        self.more = more
        self.total: int | None = None
        self.empty = empty
        self.export_folder = Path(export_folder)
        self.rows: list[dict[str, Any]] = []
        self.visible: list[dict[str, Any]] = []
        self.page = 0
        self.selected: dict[str, Any] | None = None
        self.filters = list(filters)
        self.sorts = list(sorts)
        labels = dict(self.columns)
        renderers = {labels[key]: TextRenderer(format=fmt, horizontal_alignment="right", missing="")
                     for key, fmt in (formats or {}).items() if key in labels}
        self.grid = DataGrid(
            self._frame([]), selection_mode="row", header_visibility="column",
            base_row_size=ROW_HEIGHT, base_column_header_size=HEADER_HEIGHT, base_column_size=110,
            column_widths={labels[k]: w for k, w in (widths or {}).items() if k in labels},
            renderers=renderers, editable=False, default_renderer=TextRenderer(missing=""),
            layout=widgets.Layout(height=f"{HEADER_HEIGHT + 4}px", width="100%"),
        )
        self.grid.add_class(css_class)
        self.grid.on_cell_click(self._on_click)
        # A sort or filter chosen in a column header's menu reaches Python as the grid's
        # transforms; it is applied to every row, not only the page the grid holds.
        self.header_transforms: list[dict[str, Any]] = []
        self.grid.observe(self._on_header_transforms, names="_transforms")

        controls: list[widgets.Widget] = []
        self.sort = None
        if self.sorts:
            self.sort = widgets.Dropdown(
                description="Sort by", options=[(label, i) for i, (label, _, _) in enumerate(self.sorts)],
                value=0, layout=widgets.Layout(width="260px"), style={"description_width": "56px"},
            )
            self.sort.add_class(f"{css_class}-sort")
            self.sort.observe(lambda _: self._sort_picked(), names="value")
            controls.append(self.sort)
        for f in self.filters:
            f.box.observe(lambda _: self.refresh_view(), names="value")
            controls.append(f.box)
        self.company = None
        if company_filter:
            self.company = widgets.Text(placeholder="only these companies (comma-separated)",
                                        layout=widgets.Layout(width="280px"), continuous_update=False)
            self.company.add_class(f"{css_class}-company")
            self.company.observe(lambda _: self.refresh_view(), names="value")
            controls.append(self.company)
        self.previous = widgets.Button(description="Previous", icon="chevron-left",
                                       layout=widgets.Layout(width="110px"))
        self.next = widgets.Button(description="Next", icon="chevron-right", layout=widgets.Layout(width="90px"))
        self.previous.add_class(f"{css_class}-previous")
        self.next.add_class(f"{css_class}-next")
        self.previous.on_click(lambda _: self.go(self.page - 1))
        self.next.on_click(lambda _: self.go(self.page + 1))
        self.where = widgets.HTML()
        self.where.add_class(f"{css_class}-where")
        self.export_button = widgets.Button(description="Export CSV", icon="download",
                                            layout=widgets.Layout(width="130px", min_width="130px"))
        self.export_button.add_class(f"{css_class}-export")
        self.export_button.on_click(lambda _: self.export())
        self.status = Status(f"{css_class}-status")
        self.controls = widgets.HBox(controls, layout=widgets.Layout(flex_flow="row wrap", align_items="center"))
        self.pager = widgets.HBox([self.previous, self.next, self.where, self.export_button],
                                  layout=widgets.Layout(align_items="center"))
        self.widget = widgets.VBox([self.controls, self.grid, self.pager, self.status.widget])

    # -- data --------------------------------------------------------------------------------
    def _frame(self, rows: Sequence[Mapping[str, Any]]):
        import pandas as pd

        data = {}
        for key, label in self.columns:
            values = [_grid_value(r.get(key)) for r in rows]
            numeric = all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values if v is not None)
            data[label] = values if numeric and any(v is not None for v in values) else [
                "" if v is None else v for v in values]  # empty text, not "NaN", where nothing is known
        return pd.DataFrame(data, columns=[label for _, label in self.columns])

    def set_rows(self, rows: Sequence[Mapping[str, Any]], *, total: int | None = None) -> None:
        """Show ``rows`` (from the first page, selection cleared). ``total`` says how many
        there are in all when ``more(offset)`` can fetch the rest on demand."""
        self.rows = [dict(r) for r in rows]
        self.total = total
        self.page = 0
        self.refresh_view()

    def _can_fetch(self) -> bool:
        return self.more is not None and self.total is not None and len(self.rows) < self.total

    def _passes(self, row: dict[str, Any]) -> bool:
        if not all(f.keep(row) for f in self.filters if f.box.value):
            return False
        if self.company is not None and self.company.value.strip():
            from netanalytics.identity.normalize import company_key

            wanted = {company_key(c) for c in self.company.value.split(",") if c.strip()}
            return company_key(row.get("company")) in wanted
        return True

    def refresh_view(self) -> None:
        """Apply the filters and the sort; show the current page."""
        visible = [r for r in self.rows if self._passes(r)]
        if self.sort is not None and self.sorts:
            _, key, descending = self.sorts[self.sort.value]
            present = [r for r in visible if r.get(key) is not None and r.get(key) == r.get(key)]
            missing = [r for r in visible if not (r.get(key) is not None and r.get(key) == r.get(key))]
            present.sort(key=lambda r: _sort_key(r.get(key)), reverse=descending)
            visible = present + missing
        self.visible = self._apply_header_transforms(visible)
        pages = max(1, -(-len(self.visible) // self.page_size))
        self.page = min(max(self.page, 0), pages - 1)
        self._show_page()

    def _sort_picked(self) -> None:
        """The "Sort by" picker decides the order: a header sort gives way (its filters stay)."""
        kept = [t for t in self.header_transforms if t.get("type") != "sort"]
        if len(kept) != len(self.header_transforms):
            self.grid.transform(kept)  # the observer shows the new order
        else:
            self.refresh_view()

    def _on_header_transforms(self, change: Mapping[str, Any]) -> None:
        transforms = [dict(t) for t in (change["new"] or [])]
        if _transform_keys(transforms) == _transform_keys(self.header_transforms):
            return  # the grid echoing what it holds (it does when a new page arrives): no change
        self.header_transforms = transforms
        self.page = 0
        self.refresh_view()

    def _apply_header_transforms(self, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """``rows`` sorted and filtered by the column headers' menus (see :func:`header_order`)."""
        if not self.header_transforms or not rows:
            return rows
        frame = self._frame(rows)
        cells = {label: frame[label].tolist() for _, label in self.columns}
        return [rows[i] for i in header_order(cells, len(rows), self.header_transforms)]

    def go(self, page: int) -> None:
        """Show page ``page`` (0-based), clamped to the pages there are; fetches more rows
        on demand when the table has a ``more`` source."""
        if page * self.page_size >= len(self.visible) and self._can_fetch():
            with self.status.reporting():
                self.rows += [dict(r) for r in self.more(len(self.rows))]  # type: ignore[misc]
        self.page = page
        self.refresh_view()

    @property
    def page_rows(self) -> list[dict[str, Any]]:
        """The rows on the page shown now."""
        start = self.page * self.page_size
        return self.visible[start:start + self.page_size]

    def _show_page(self) -> None:
        rows = self.page_rows
        if self.grid.selections:
            self.grid.clear_selection()
        # The header's sorts and filters stay on the grid: the page already holds the rows
        # they keep, in their order, so the grid shows it as it is and marks the columns.
        self.grid.data = self._frame(rows)
        self.grid.layout.height = f"{HEADER_HEIGHT + ROW_HEIGHT * max(len(rows), 1) + SCROLLBAR + 4}px"
        pages = max(1, -(-len(self.visible) // self.page_size))
        start = self.page * self.page_size
        more = (self.total - len(self.rows)) if self._can_fetch() else 0
        if not self.visible:
            hidden = len(self.rows) - len(self.visible)
            text = self.empty if not hidden else f"All {hidden} rows are hidden by the filters above."
        else:
            text = (f"Rows {start + 1}–{start + len(rows)} of {len(self.visible) + more}"
                    + (f" (page {self.page + 1} of {pages + -(-more // self.page_size)})" if pages > 1 or more else "")
                    + (f"; {len(self.rows) - len(self.visible)} hidden by the filters"
                       if len(self.rows) > len(self.visible) else "")
                    + ". Click a row to open it.")
        self.where.value = styled(f'<span class="na-muted" style="padding-left:8px">{html_text(text)}</span>')
        self.previous.disabled = self.page == 0
        self.next.disabled = self.page >= pages - 1 and not more
        self.export_button.disabled = not self.visible

    # -- selection ---------------------------------------------------------------------------
    def _on_click(self, cell: Mapping[str, Any]) -> None:
        if cell.get("region") not in (None, "body"):
            return
        index = cell.get("primary_key_row", cell.get("row"))
        self.select(int(index))

    def select(self, index: int) -> dict[str, Any] | None:
        """Select row ``index`` of the page shown (as a click does) and call ``on_select``."""
        rows = self.page_rows
        if not 0 <= index < len(rows):
            return None
        self.selected = rows[index]
        if self.on_select is not None:
            with self.status.reporting():
                self.on_select(self.selected)
        return self.selected

    # -- export ------------------------------------------------------------------------------
    def export(self) -> Path | None:
        """Write the rows that pass the filters, in the order shown, to a private CSV in
        ``exports/`` beside the notebook, and show a link to it."""
        with self.status.reporting():
            if not self.visible:
                self.status.error("Nothing to export: no row passes the filters.")
                return None
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            path = export_rows(self.visible, self.columns, self.export_folder / f"{self.name}-{stamp}.csv")
            self.exported = path
            link = path.as_posix() if not path.is_absolute() else path.name
            self.status.html.value = styled(
                f'<div class="na-ok">Exported {len(self.visible)} row{"s" if len(self.visible) != 1 else ""} to '
                f'<a href="{html_text(link)}" target="_blank" rel="noopener">{html_text(path.as_posix())}</a>'
                " (only you can read it).</div>")
            self.status.kind, self.status.message = "ok", f"Exported {len(self.visible)} rows to {path}"
            return path
        return None


def _grid_value(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, float) and value != value:
        return None
    if isinstance(value, (list, tuple)):
        return ", ".join(map(str, value))
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if hasattr(value, "isoformat") and not isinstance(value, str):
        return value.isoformat()
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def _sort_key(value: Any) -> Any:
    if isinstance(value, str):
        from netanalytics.identity.normalize import company_key

        return (1, company_key(value) or value.casefold())
    return (0, value)
