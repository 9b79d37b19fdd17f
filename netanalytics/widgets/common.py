"""Shared bits of the notebook UIs: escaped HTML tables, readable errors, progress, workspace.

Every string that came from an export is untrusted. Anything these helpers put into an
``ipywidgets.HTML`` goes through :func:`netanalytics.safety.html_text` first, so a name
like ``<img src=x onerror=alert(1)>`` shows as text, never as markup.

>>> html_table([{"name": "<b>Ada</b>"}], ["name"])  # doctest: +ELLIPSIS
'...&lt;b&gt;Ada&lt;/b&gt;...'
"""

from __future__ import annotations

import contextlib
import io
import os
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import ipywidgets as widgets
import pandas as pd

from netanalytics.config import DATA_DIR, WORKSPACE_ENV, WORKSPACE_FILENAME, default_workspace_dir
from netanalytics.errors import NetanalyticsError
from netanalytics.safety import html_text

__all__ = [
    "SAMPLE_WORKSPACE_DIR",
    "NotebookSetupError",
    "Panel",
    "Status",
    "PersonPicker",
    "as_records",
    "figure_png",
    "show_figure",
    "html_list",
    "html_table",
    "notebook_workspace",
    "readable_error",
    "styled",
    "text_or",
    "close_thread_workspaces",
    "notify_changed",
    "on_changed",
    "workspace_for_thread",
]

#: Where ``make lab`` and the notebooks keep the synthetic sample workspace.
SAMPLE_WORKSPACE_DIR = DATA_DIR / "sample-workspace"

#: One stylesheet for every table the widgets draw (scoped by the ``na-`` class names).
TABLE_CSS = """<style>
.na-table { border-collapse: collapse; font-size: 13px; margin: 4px 0 8px 0; line-height: 1.35; }
.na-table td.na-nowrap { white-space: nowrap; }
.na-table td.na-late { color: #a4262c; font-weight: 600; }
.na-table th { text-align: left; padding: 4px 10px; border-bottom: 2px solid #bbb;
               background: #f4f6f8; font-weight: 600; }
.na-table td { padding: 3px 10px; border-bottom: 1px solid #e3e3e3; vertical-align: top; }
.na-table tr:nth-child(even) td { background: #fafbfc; }
.na-table td.na-num { text-align: right; font-variant-numeric: tabular-nums; }
.na-error { color: #a4262c; background: #fdf3f4; border-left: 4px solid #a4262c;
            padding: 6px 10px; margin: 4px 0; }
.na-ok { color: #1e5e2e; background: #f1f8f3; border-left: 4px solid #2e7d32;
         padding: 6px 10px; margin: 4px 0; }
.na-info { color: #333; background: #f4f6f8; border-left: 4px solid #607d8b;
           padding: 6px 10px; margin: 4px 0; }
.na-muted { color: #777; }
.na-card h4 { margin: 2px 0 6px 0; }
</style>"""


# -- data shapes ----------------------------------------------------------------------------


def as_records(rows: Any) -> list[dict[str, Any]]:
    """Rows as a list of dicts, whether the library returned a DataFrame, dicts or Rows.

    >>> as_records([{"a": 1}])
    [{'a': 1}]
    """
    if rows is None:
        return []
    if hasattr(rows, "to_dict"):
        return list(rows.to_dict("records"))
    out = []
    for row in rows:
        if isinstance(row, Mapping):
            out.append(dict(row))
        elif hasattr(row, "keys"):  # sqlite3.Row
            out.append({key: row[key] for key in row.keys()})  # noqa: SIM118
        elif hasattr(row, "__dataclass_fields__"):
            out.append({key: getattr(row, key) for key in row.__dataclass_fields__})
        else:
            out.append(dict(row))
    return out


def _is_missing(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, (list, tuple, dict, set)):
        return False
    try:
        return bool(pd.isna(value))  # NaN, NaT, pd.NA
    except (TypeError, ValueError):
        return False


def text_or(value: Any, default: str = "") -> str:
    """``value`` as text, or ``default`` when it is missing (None, NaN, NA, blank).

    >>> text_or(float("nan"), "direct"), text_or("Maya")
    ('direct', 'Maya')
    """
    if _is_missing(value) or (isinstance(value, str) and not value.strip()):
        return default
    return str(value)


def _cell_text(value: Any) -> str:
    if _is_missing(value):
        return ""
    if isinstance(value, float):
        return f"{value:.2f}"
    if isinstance(value, (list, tuple)):
        return ", ".join(_cell_text(v) for v in value)
    return str(value)


# -- HTML -----------------------------------------------------------------------------------


def html_table(
    rows: Iterable[Mapping[str, Any]],
    columns: Sequence[str],
    *,
    labels: Mapping[str, str] | None = None,
    formats: Mapping[str, Callable[[Any], str]] | None = None,
    numeric: Iterable[str] = (),
    nowrap: Iterable[str] = (),
    cell_classes: Mapping[str, Callable[[Any], str]] | None = None,
    empty: str = "Nothing to show.",
    css_class: str = "",
    header: bool = True,
) -> str:
    """An HTML table of ``rows`` with every cell escaped.

    ``formats`` maps a column to a function giving the cell's *text* (escaped afterwards);
    ``numeric`` columns are right-aligned, ``nowrap`` columns never wrap; ``cell_classes``
    maps a column to a function of the value giving a CSS class (e.g. ``na-late``);
    ``header=False`` leaves out the header row.

    >>> print(html_table([{"n": "<x>", "s": 0.5}], ["n", "s"], labels={"n": "Name"}))  # doctest: +ELLIPSIS
    <table class="na-table"><thead><tr><th>Name</th><th>s</th></tr></thead><tbody><tr><td>&lt;x&gt;</td><td>0.50</td></tr></tbody></table>
    """
    labels = labels or {}
    formats = formats or {}
    numeric = set(numeric)
    nowrap = set(nowrap)
    cell_classes = cell_classes or {}
    records = list(rows)
    if not records:
        return f'<div class="na-muted">{html_text(empty)}</div>'
    head = "".join(f"<th>{html_text(labels.get(c, c))}</th>" for c in columns)
    body = []
    for row in records:
        cells = []
        for column in columns:
            value = row.get(column)
            text = formats[column](value) if column in formats else _cell_text(value)
            names = [name for name, on in (("na-num", column in numeric),
                                           ("na-nowrap", column in nowrap)) if on]  # fmt: skip
            if column in cell_classes:
                names.append(cell_classes[column](value))
            classes = html_text(" ".join(n for n in names if n))
            css = f' class="{classes}"' if classes else ""
            cells.append(f"<td{css}>{html_text(text)}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    classes = f"na-table {css_class}".strip()
    thead = f"<thead><tr>{head}</tr></thead>" if header else ""
    return f'<table class="{html_text(classes)}">{thead}<tbody>{"".join(body)}</tbody></table>'



def html_list(items: Iterable[Any], *, ordered: bool = False) -> str:
    """A bulleted (or numbered) list of escaped items.

    >>> html_list(["<a>", "b"])
    '<ul><li>&lt;a&gt;</li><li>b</li></ul>'
    """
    tag = "ol" if ordered else "ul"
    return f"<{tag}>" + "".join(f"<li>{html_text(item)}</li>" for item in items) + f"</{tag}>"


def readable_error(exc: BaseException, labels: Mapping[str, str] | None = None) -> str:
    """One readable sentence for an error, never a traceback.

    Our own errors carry a message written for the user, naming the argument that was wrong;
    ``labels`` turns argument names into the form's own labels. Anything else is named by kind.

    >>> readable_error(ValueError("bad date '2026-13-01'"))
    "Invalid value: bad date '2026-13-01'"
    >>> from netanalytics.errors import InputError
    >>> readable_error(InputError("owner_url", "a URL", "'x'", param="owner_url"), {"owner_url": "'Their URL'"})
    "'Their URL': expected a URL, found 'x'."
    """
    if isinstance(exc, NetanalyticsError):
        return exc.render(labels)
    if isinstance(exc, (ValueError, TypeError)):
        return f"Invalid value: {exc}"
    if isinstance(exc, (LookupError,)):
        return f"Not found: {exc}"
    if isinstance(exc, OSError):
        return f"Could not read or write a file: {exc}"
    return f"Something went wrong ({type(exc).__name__}): {exc}"


# -- status line and progress ---------------------------------------------------------------


class Status:
    """A one-line message area under a form: ok, info, error, and a busy indicator.

    >>> status = Status()
    >>> status.error("No person named '<b>'")
    >>> "&lt;b&gt;" in status.html.value and status.kind
    'error'
    """

    def __init__(self, css_class: str = "na-status", *, labels: Mapping[str, str] | None = None) -> None:
        self.labels = dict(labels or {})  # argument name -> the form's label, for error messages
        self.html = widgets.HTML(value="")
        self.html.add_class(css_class)
        self.kind = ""
        self.message = ""
        self.progress = widgets.FloatProgress(
            value=0.0, min=0.0, max=1.0, layout=widgets.Layout(width="260px", display="none")
        )
        self.widget = widgets.HBox([self.progress, self.html])

    def _show(self, kind: str, message: str) -> None:
        self.kind = kind
        self.message = message
        self.html.value = (
            f'{TABLE_CSS}<div class="na-{kind}">{html_text(message)}</div>' if message else ""
        )

    def ok(self, message: str) -> None:
        """A success message."""
        self._show("ok", message)

    def info(self, message: str) -> None:
        """A neutral message."""
        self._show("info", message)

    def error(self, message: str) -> None:
        """An error message (already readable: see :func:`readable_error`)."""
        self._show("error", message)

    def clear(self) -> None:
        """Remove any message."""
        self._show("", "")
        self.kind = ""

    def update(self, done: float, total: float | None = None, message: str | None = None) -> None:
        """Progress callback: ``done`` of ``total`` (or a fraction when total is None)."""
        fraction = done / total if total else done
        self.progress.layout.display = ""
        self.progress.value = max(0.0, min(1.0, float(fraction)))
        if message is not None:
            self.info(message)

    @contextlib.contextmanager
    def busy(self, message: str, *, disable: Sequence[widgets.Widget] = ()) -> Iterator[Status]:
        """Show ``message`` with an indeterminate bar and disable ``disable`` while working.

        Errors raised inside are shown as a readable message and swallowed; the block
        is reported as failed through :attr:`kind` == 'error'.
        """
        self.info(message)
        self.progress.layout.display = ""
        self.progress.bar_style = "info"
        self.progress.value = 0.3
        for w in disable:
            w.disabled = True
        try:
            yield self
        except Exception as exc:  # shown to the user, not raised into the notebook
            self.error(readable_error(exc, self.labels))
        finally:
            self.progress.layout.display = "none"
            self.progress.value = 0.0
            for w in disable:
                w.disabled = False
            if self.kind == "info" and self.message == message:
                self.clear()

    @contextlib.contextmanager
    def reporting(self) -> Iterator[Status]:
        """Run a handler body; any error becomes a readable message in the UI."""
        try:
            yield self
        except Exception as exc:  # shown to the user, not raised into the notebook
            self.error(readable_error(exc, self.labels))


# -- a UI is a small class composing widgets ------------------------------------------------


_THREAD = threading.local()
#: One front door per open connection (keyed by the connection object's id).
_NETWORKS: dict[int, Any] = {}


class _ThreadWorkspaces(dict):
    """The connections one thread opened (path -> Workspace). A thread's locals are dropped
    when it ends, and then these connections are closed: none is left open behind it."""

    def close_all(self) -> int:
        count = 0
        for ws in list(self.values()):
            with contextlib.suppress(Exception):
                ws.close()
                count += 1
        self.clear()
        return count

    def __del__(self) -> None:
        self.close_all()


def workspace_for_thread(ws):
    """``ws``, or a connection to the same workspace for this thread.

    The kernel may deliver widget events on another thread than the one that ran the
    cell that opened the workspace; a sqlite3 connection refuses to be used across
    threads, so each thread gets its own (cached) connection to the same file, closed when
    the thread ends (or by :func:`close_thread_workspaces`).
    """
    try:
        ws.conn.execute("SELECT 1")
        return ws
    except sqlite3.ProgrammingError as exc:
        if "thread" not in str(exc):
            raise
    from netanalytics.workspace import open_workspace

    cache = getattr(_THREAD, "workspaces", None)
    if cache is None:
        cache = _THREAD.workspaces = _ThreadWorkspaces()
    other = cache.get(ws.path)
    if other is None:
        other = cache[ws.path] = open_workspace(ws.folder, create=False)
    return other


def close_thread_workspaces() -> int:
    """Close the connections :func:`workspace_for_thread` opened on this thread; how many."""
    cache = getattr(_THREAD, "workspaces", None)
    return cache.close_all() if cache is not None else 0


class Panel:
    """Base of the UIs: holds ``widget`` (the composed box) and displays as it.

    ``ws`` gives the workspace usable on the current thread (see
    :func:`workspace_for_thread`).
    """

    widget: widgets.Widget
    _ws: Any = None

    @property
    def ws(self):
        """The workspace, with a connection usable on this thread."""
        return workspace_for_thread(self._ws) if self._ws is not None else None

    @ws.setter
    def ws(self, value) -> None:
        self._ws = value

    @property
    def net(self):
        """The front door (:class:`netanalytics.api.Network`) over :attr:`ws` on this thread,
        kept per connection so its caches (the search index, the ranking's prepared network)
        last until the workspace changes, not one call."""
        from netanalytics.api import Network

        ws = self.ws
        cached = _NETWORKS.get(id(ws))
        if cached is None or cached.ws is not ws:
            cached = _NETWORKS[id(ws)] = Network(ws)
        return cached

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self.widget._repr_mimebundle_(**kwargs)


def figure_png(fig: Any, dpi: int = 100) -> bytes:
    """A matplotlib Figure as PNG bytes, for an ``ipywidgets.Image`` (no pyplot needed)."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()


def show_figure(image: widgets.Image, fig: Any, *, dpi: int = 144, max_width: int = 980) -> None:
    """Put ``fig`` into ``image`` sharp (rendered at ``dpi``) and at its natural size.

    The CSS width is the figure's width at 96 px per inch (capped at ``max_width``), so
    a small figure is not blown up to the width of the notebook.
    """
    image.value = figure_png(fig, dpi=dpi)
    width_in = float(fig.get_size_inches()[0])
    image.layout.width = f"{min(max_width, round(width_in * 96))}px"
    image.layout.height = "auto"


def styled(html: str) -> str:
    """``html`` with the shared stylesheet in front (for an ``ipywidgets.HTML`` value)."""
    return TABLE_CSS + html


# -- the workspace a notebook works on ------------------------------------------------------


class NotebookSetupError(NetanalyticsError):
    """A setup problem shown in a notebook as one readable line, without a traceback.

    IPython calls ``_render_traceback_`` instead of printing the stack.
    """

    def _render_traceback_(self) -> list[str]:
        return [f"netanalytics: {self}"]


def notebook_workspace(path: str | os.PathLike[str] | None = None):
    """Open the workspace a notebook should show, preparing the sample if there is none.

    - ``path`` given: that folder (your own workspace, made by ``netanalytics import``).
    - else ``$NETANALYTICS_WORKSPACE`` when set (``make lab`` points it at the sample);
      the synthetic sample is built there if the folder holds no workspace yet;
    - else ``data/workspace/`` if you imported your own exports there;
    - else the synthetic sample in ``data/sample-workspace/`` (built if missing).
    """
    from netanalytics.demo import run_demo
    from netanalytics.workspace import open_workspace

    if path is not None:
        try:
            return open_workspace(Path(path).expanduser(), create=False)
        except NetanalyticsError as exc:
            raise NotebookSetupError(
                f"{exc} (WORKSPACE = {str(path)!r} in the first cell; set it to None to use "
                "the synthetic sample.)"
            ) from None
    if os.environ.get(WORKSPACE_ENV):
        folder = default_workspace_dir()
    elif (default_workspace_dir() / WORKSPACE_FILENAME).exists():
        return open_workspace(default_workspace_dir(), create=False)
    else:
        folder = SAMPLE_WORKSPACE_DIR
    if not (folder / WORKSPACE_FILENAME).exists():
        run_demo(folder, None, quiet=True, if_missing=True)
    return open_workspace(folder, create=False)


# -- picking a person -----------------------------------------------------------------------


class PersonPicker(Panel):
    """Type part of a name, company or title; pick the person from the matches.

    Nothing is chosen until you choose: ``value`` is None while the picker shows its
    placeholder. One match is chosen and said so beside the picker; several wait for you to
    pick one. ``suggested`` (e.g. the people in the pipeline, as ``(label, person_id)``) is
    offered before anything is typed. Matching is the instant search of the front door
    (:meth:`netanalytics.api.Network.find_people`): the most reachable first.
    """

    PLACEHOLDER = ""

    def __init__(
        self,
        ws,
        *,
        description: str = "Person",
        suggested: Sequence[tuple[str, str]] = (),
        limit: int = 40,
        css_class: str = "na-person",
    ) -> None:
        self.ws = ws
        self.limit = limit
        self.suggested = list(suggested)
        self.search = widgets.Text(
            description=description,
            placeholder="type a name or company",
            continuous_update=True,
            layout=widgets.Layout(width="320px"),
        )
        self.search.add_class(f"{css_class}-search")
        self.choice = widgets.Dropdown(options=self._with_placeholder(self.suggested, self._hint(self.suggested)),
                                       value=self.PLACEHOLDER, layout=widgets.Layout(width="380px"))
        self.choice.add_class(f"{css_class}-choice")
        self.note = widgets.HTML()
        self.note.add_class(f"{css_class}-note")
        self.search.observe(self._on_search, names="value")
        self.widget = widgets.HBox([self.search, self.choice, self.note])

    @staticmethod
    def _hint(options: Sequence[tuple[str, str]], typed: bool = False) -> str:
        if not options:
            return "— nobody matches —" if typed else "— type to find a person —"
        return f"— pick one of {len(options)} —" if len(options) > 1 else "— pick —"

    def _with_placeholder(self, options: Sequence[tuple[str, str]], hint: str) -> list[tuple[str, str]]:
        return [(hint, self.PLACEHOLDER), *options]

    @property
    def value(self) -> str | None:
        """The chosen person id (None until someone is chosen)."""
        return self.choice.value or None

    def label_of(self, row: Mapping[str, Any]) -> str:
        """'Name — Position, Company' for one people row (plain text; widgets escape it)."""
        detail = ", ".join(
            str(v) for v in (row.get("position"), row.get("company")) if not _is_missing(v) and v
        )
        return f"{row['name']} — {detail}" if detail else str(row["name"])

    def matches(self, text: str) -> list[tuple[str, str]]:
        """Up to ``limit`` ``(label, person_id)`` whose name, company or title words start
        with the words of ``text``, the most reachable first; the suggestions when blank."""
        if not text.strip():
            return list(self.suggested)
        hits = self.net.find_people(text, top=self.limit)
        return [(self.label_of(row), row["person_id"]) for row in hits.to_dict("records")]

    def _on_search(self, change: Mapping[str, Any]) -> None:
        text = change["new"] or ""
        options = self.matches(text)
        self.choice.options = self._with_placeholder(options, self._hint(options, bool(text.strip())))
        if len(options) == 1 and text.strip():
            self.choice.value = options[0][1]
            self.note.value = styled(f'<span class="na-muted">one match, chosen: {html_text(options[0][0])}</span>')
        else:
            self.choice.value = self.PLACEHOLDER
            self.note.value = styled(f'<span class="na-muted">{len(options)} match — pick one</span>'
                                     if len(options) > 1 else "")

    def select(self, person_id: str, label: str | None = None) -> None:
        """Choose ``person_id`` (adding it to the options if needed)."""
        options = [o for o in self.choice.options if o[1] != self.PLACEHOLDER]
        if person_id not in [pid for _, pid in options]:
            if label is None:
                row = self.net.person(person_id)
                label = self.label_of({"name": row["full_name"], "position": row.get("position"),
                                       "company": row.get("company")})
            options.insert(0, (label, person_id))
        self.choice.options = self._with_placeholder(options, self._hint(options))
        self.choice.value = person_id
        self.note.value = ""

    def clear(self) -> None:
        """Back to nothing chosen."""
        self.search.value = ""
        self.choice.options = self._with_placeholder(self.suggested, self._hint(self.suggested))
        self.choice.value = self.PLACEHOLDER
        self.note.value = ""


# -- after an import or a log, the affected views refresh themselves -----------------------

_LISTENERS: dict[str, list[Any]] = {}


def on_changed(ws, callback: Callable[[str], None]) -> None:
    """Call ``callback(what)`` whenever a view of the same workspace changes it ('people' after
    an import or a label, 'log' after a log, an edit, an undo, a snooze). Held weakly for
    bound methods, so a panel that is gone stops listening."""
    import weakref

    ref = weakref.WeakMethod(callback) if hasattr(callback, "__self__") else (lambda cb=callback: cb)
    _LISTENERS.setdefault(str(Path(ws.folder).resolve()), []).append(ref)


def notify_changed(ws, what: str, *, source: Any = None) -> None:
    """Tell every other view of this workspace that ``what`` changed ('people' or 'log').
    A failing listener shows its own error; it never breaks the action that notified."""
    key = str(Path(ws.folder).resolve())
    alive = []
    for ref in _LISTENERS.get(key, []):
        callback = ref()
        if callback is None:
            continue
        alive.append(ref)
        if source is not None and getattr(callback, "__self__", None) is source:
            continue
        with contextlib.suppress(Exception):  # each view reports its own failures in its status
            callback(what)
    _LISTENERS[key] = alive
