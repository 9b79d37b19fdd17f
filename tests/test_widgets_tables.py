"""widgets/tables.py: the action table's pages, filters, sorts — the column headers' menus
act on every row, not only on the page the grid holds — and its CSV export."""

from __future__ import annotations

import csv

import pytest

from netanalytics.widgets.tables import ActionTable, Filter, header_order

COLUMNS = [("name", "Name"), ("company", "Company"), ("chance", "Intro chance")]


def _rows(n: int) -> list[dict]:
    # chance rises with the row number, so the best rows are on the last page
    return [{"name": f"Person {i:02d}", "company": "Stripe" if i % 3 == 0 else "Plaid", "chance": i / 100}
            for i in range(n)]


@pytest.fixture()
def table(tmp_path):
    t = ActionTable(COLUMNS, formats={"chance": ".0%"}, page_size=5, export_folder=tmp_path,
                    sorts=[("as ranked", "name", False), ("intro chance", "chance", True)],
                    filters=[Filter("only Stripe", lambda r: r["company"] == "Stripe", value=False)])
    t.set_rows(_rows(23))
    return t


def _header(table: ActionTable, transforms: list[dict]) -> None:
    """What the browser does when a column header's menu sorts or filters: the grid's
    transforms change (ipydatagrid syncs them to Python)."""
    table.grid._transforms = transforms


def test_pages_of_page_size_rows(table):
    assert [r["name"] for r in table.page_rows] == [f"Person {i:02d}" for i in range(5)]
    table.go(4)
    assert [r["name"] for r in table.page_rows] == ["Person 20", "Person 21", "Person 22"]
    assert "Rows 21–23 of 23 (page 5 of 5)" in table.where.value
    table.go(99)  # clamped to the last page
    assert table.page == 4


def test_a_header_sort_orders_every_row_not_only_the_page(table):
    table.go(2)
    _header(table, [{"type": "sort", "column": "Intro chance", "columnIndex": 3, "desc": True}])
    assert table.page == 0  # a new order starts at its top
    assert [r["name"] for r in table.page_rows] == ["Person 22", "Person 21", "Person 20", "Person 19", "Person 18"]
    chances = [r["chance"] for r in table.visible]
    assert chances == sorted(chances, reverse=True) and len(chances) == 23
    # the grid keeps the transform: the page it holds is already in that order
    assert table.grid._transforms and list(table.grid.data["Intro chance"]) == [0.22, 0.21, 0.2, 0.19, 0.18]


def test_the_grid_echoing_its_transforms_keeps_the_page(table):
    _header(table, [{"type": "sort", "column": "Intro chance", "desc": True}])
    table.go(2)
    # a new page makes the front end send its transforms back, with fields of its own
    _header(table, [{"type": "sort", "column": "Intro chance", "columnIndex": 3, "desc": True}])
    assert table.page == 2 and table.page_rows[0]["name"] == "Person 12"


def test_a_header_filter_keeps_matching_rows_from_every_page(table):
    _header(table, [{"type": "filter", "column": "Company", "columnIndex": 2, "operator": "=", "value": "Stripe"}])
    assert {r["company"] for r in table.visible} == {"Stripe"}
    assert len(table.visible) == 8  # 0, 3, …, 21: from all five pages
    assert "of 8" in table.where.value
    _header(table, [])  # the filter cleared in the menu: every row again
    assert len(table.visible) == 23


def test_header_transforms_combine_with_the_boxes_and_survive_new_rows(table):
    _header(table, [{"type": "sort", "column": "Intro chance", "columnIndex": 3, "desc": False}])
    table.filters[0].box.value = True  # only Stripe
    assert [r["name"] for r in table.visible][:3] == ["Person 00", "Person 03", "Person 06"]
    table.set_rows(list(reversed(_rows(23))))  # a re-rank: the header's order still holds
    assert [r["chance"] for r in table.visible] == sorted(r["chance"] for r in table.visible)


def test_the_sort_picker_replaces_a_header_sort_and_keeps_its_filters(table):
    _header(table, [{"type": "sort", "column": "Name", "columnIndex": 1, "desc": True},
                    {"type": "filter", "column": "Company", "columnIndex": 2, "operator": "=", "value": "Plaid"}])
    assert table.visible[0]["name"] == "Person 22"
    table.sort.value = 1  # intro chance, best first
    assert [t["type"] for t in table.grid._transforms] == ["filter"]
    assert [t["type"] for t in table.header_transforms] == ["filter"]
    assert table.visible[0]["name"] == "Person 22" and {r["company"] for r in table.visible} == {"Plaid"}
    chances = [r["chance"] for r in table.visible]
    assert chances == sorted(chances, reverse=True)


def test_a_click_selects_the_row_shown_after_a_header_sort(table):
    picked = []
    table.on_select = picked.append
    _header(table, [{"type": "sort", "column": "Intro chance", "columnIndex": 3, "desc": True}])
    table._on_click({"region": "body", "primary_key_row": 0, "row": 0})
    assert picked[0]["name"] == "Person 22"


def test_an_operator_the_table_cannot_read_is_passed_over(table):
    # dates are not among this table's cells: the grid applies it to its page alone
    _header(table, [{"type": "filter", "column": "Name", "operator": "isOnSameDay", "value": "2026-11-27"}])
    assert len(table.visible) == 23
    _header(table, [{"type": "sort", "column": "No such column", "desc": True}])
    assert [r["name"] for r in table.visible][:2] == ["Person 00", "Person 01"]


@pytest.mark.parametrize(("operator", "value", "kept"), [
    ("<", 0.03, [0, 1, 2]), (">=", 0.21, [21, 22]), ("between", [0.05, 0.07], [5, 6, 7]),
    ("=", "Stripe", list(range(0, 23, 3))), ("!=", "Plaid", list(range(0, 23, 3))),
    ("in", ["Person 04", "Person 09"], [4, 9]), ("startswith", "Person 1", list(range(10, 20))),
    ("endswith", "7", [7, 17]), ("contains", "son 2", [20, 21, 22]), ("contains", "SON 2", []),
    ("stringContains", "SON 2", [20, 21, 22]), ("!contains", "Person 1", [*range(10), *range(20, 23)]),
    ("notempty", None, list(range(23))), ("empty", None, []),
])
def test_every_filter_operator_of_the_header_menu(table, operator, value, kept):
    column = {"<": "Intro chance", ">=": "Intro chance", "between": "Intro chance", "=": "Company",
              "!=": "Company"}.get(operator, "Name")
    _header(table, [{"type": "filter", "column": column, "operator": operator, "value": value}])
    assert [int(r["name"][-2:]) for r in table.visible] == kept


def test_export_writes_the_rows_the_headers_keep_in_their_order(table, tmp_path):
    _header(table, [{"type": "sort", "column": "Intro chance", "columnIndex": 3, "desc": True},
                    {"type": "filter", "column": "Company", "columnIndex": 2, "operator": "=", "value": "Stripe"}])
    path = table.export()
    assert path is not None and path.parent == tmp_path
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == ["Name", "Company", "Intro chance"]
    assert [r[0] for r in rows[1:]] == [f"Person {i:02d}" for i in (21, 18, 15, 12, 9, 6, 3, 0)]


def test_a_header_filter_that_keeps_few_rows_leaves_no_empty_page(table):
    _header(table, [{"type": "filter", "column": "Company", "operator": "=", "value": "Stripe"}])
    table.go(4)  # past the end: clamped to the last page the filter leaves
    assert table.page == 1 and len(table.page_rows) == 3  # 8 rows: pages of 5 and 3


def test_empty_cells_sort_last_either_way():
    cells = {"Company": ["Plaid", "", "Affirm", None]}
    assert header_order(cells, 4, [{"type": "sort", "column": "Company", "desc": False}]) == [2, 0, 1, 3]
    assert header_order(cells, 4, [{"type": "sort", "column": "Company", "desc": True}]) == [0, 2, 1, 3]
