"""A real JupyterLab on 127.0.0.1 and a headless Debian Chromium driven by Playwright.

Used by ``tests/test_browser.py``. The server runs in its own process session with an
isolated HOME and Jupyter directories, on a temporary copy of the notebooks; it is stopped
with ``POST /api/shutdown`` and, as a fallback, by killing its process group.
See ``/work/shared/browser-testing.md`` (copied into the docstrings below) for why each
setting is there.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

#: Debian's Chromium; Playwright's own browser download does not work here (never run
#: ``playwright install``).
CHROMIUM = os.environ.get("NETANALYTICS_CHROMIUM", "/usr/bin/chromium")

#: Flags Chromium needs on a closed network, as root, without a GPU.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]

TOKEN = "netanalytics-browser-test"

_LAB_CONFIG = """\
c.ServerApp.allow_root = True
c.ServerApp.open_browser = False
c.ServerApp.ip = "127.0.0.1"
c.ServerApp.disable_check_xsrf = False
c.LabApp.news_url = None
c.LabApp.check_for_updates_class = "jupyterlab.handlers.announcements.NeverCheckForUpdate"
c.LabApp.extension_manager = "readonly"
c.LabApp.expose_app_in_browser = True
c.LanguageServerManager.autodetect = False
"""


def require_chromium() -> str:
    """The Chromium executable, or a failure that says how to get it (never a skip)."""
    path = shutil.which(CHROMIUM) or (CHROMIUM if os.access(CHROMIUM, os.X_OK) else None)
    if path is None:
        raise RuntimeError(
            f"Chromium not found at {CHROMIUM}. The browser tests need Debian's chromium: "
            "run `make browser` (apt-get install -y chromium, needs root), or set "
            "NETANALYTICS_CHROMIUM to its path. Do not run `playwright install`."
        )
    return path


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class LabServer:
    """A JupyterLab server for one test module, isolated under ``home``.

    ``root`` is the folder it serves (a temporary copy of the notebooks); ``env`` adds
    variables to the server's and therefore the kernels' environment.
    """

    def __init__(self, root: Path, home: Path, env: dict[str, str] | None = None) -> None:
        self.root = root
        self.home = home
        self.extra_env = dict(env or {})
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen[bytes] | None = None
        self.log_path = home / "jupyterlab.log"

    # -- environment ---------------------------------------------------------------------
    def _environment(self) -> dict[str, str]:
        dirs = {
            "HOME": self.home,
            "JUPYTER_CONFIG_DIR": self.home / "jupyter-config",
            "JUPYTER_DATA_DIR": self.home / "jupyter-data",
            "JUPYTER_RUNTIME_DIR": self.home / "jupyter-runtime",
            "JUPYTERLAB_SETTINGS_DIR": self.home / "lab-settings",
            "JUPYTERLAB_WORKSPACES_DIR": self.home / "lab-workspaces",
            "IPYTHONDIR": self.home / "ipython",
            "MPLCONFIGDIR": self.home / "matplotlib",
        }
        for path in dirs.values():
            path.mkdir(parents=True, exist_ok=True)
        (dirs["JUPYTER_CONFIG_DIR"] / "jupyter_server_config.py").write_text(_LAB_CONFIG)
        notification = dirs["JUPYTERLAB_SETTINGS_DIR"] / "@jupyterlab" / "apputils-extension"
        notification.mkdir(parents=True, exist_ok=True)
        (notification / "notification.jupyterlab-settings").write_text(
            json.dumps({"fetchNews": "false", "checkForUpdates": False})
        )
        env = {k: v for k, v in os.environ.items() if not k.startswith(("JUPYTER", "IPYTHON"))}
        env.update({k: str(v) for k, v in dirs.items()})
        env["PYTHONUNBUFFERED"] = "1"
        env.update(self.extra_env)
        return env

    # -- lifecycle -----------------------------------------------------------------------
    def start(self, timeout: float = 60.0) -> LabServer:
        """Start the server and wait until its API answers."""
        env = self._environment()
        command = [
            sys.executable, "-m", "jupyterlab",
            "--no-browser",
            "--ip=127.0.0.1",
            f"--port={self.port}",
            "--port-retries=0",
            f"--IdentityProvider.token={TOKEN}",
            f"--ServerApp.root_dir={self.root}",
        ]  # fmt: skip
        log = self.log_path.open("wb")
        self.process = subprocess.Popen(
            command, cwd=self.root, env=env, stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"JupyterLab exited early:\n{self.log()}")
            try:
                with urllib.request.urlopen(self.api_url("/api/status"), timeout=2) as resp:
                    if resp.status == 200:
                        return self
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"JupyterLab did not answer within {timeout:.0f}s:\n{self.log()}")

    def api_url(self, path: str) -> str:
        """``path`` on the server, with the token."""
        sep = "&" if "?" in path else "?"
        return f"{self.url}{path}{sep}token={TOKEN}"

    def notebook_url(self, name: str) -> str:
        """The URL that opens notebook ``name`` (relative to ``root``) in JupyterLab."""
        return self.api_url(f"/lab/tree/{name}")

    def log(self) -> str:
        """The server's output so far (for failure messages)."""
        try:
            return self.log_path.read_text(errors="replace")[-4000:]
        except OSError:
            return ""

    def stop(self) -> None:
        """POST /api/shutdown (stops kernels too); kill the process group if it lingers."""
        if self.process is None:
            return
        try:
            request = urllib.request.Request(self.api_url("/api/shutdown"), method="POST")
            urllib.request.urlopen(request, timeout=5).close()
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        with suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=15)
        with suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)
        self.process = None


@contextmanager
def lab_server(root: Path, home: Path, env: dict[str, str] | None = None) -> Iterator[LabServer]:
    """A started :class:`LabServer`, always stopped afterwards."""
    server = LabServer(root, home, env)
    server.start()
    try:
        yield server
    finally:
        server.stop()


# -- driving a notebook in the page ---------------------------------------------------------

#: JavaScript that finds the notebook panel showing ``path`` (not merely the current tab).
_PANEL_JS = """
(path) => {
  const app = window.jupyterapp;
  for (const w of app.shell.widgets('main')) {
    if (w.context && w.context.path === path && w.content && w.sessionContext) { return w; }
  }
  return null;
}
"""

_WAIT_READY_JS = f"""
async (path) => {{
  const panel = ({_PANEL_JS})(path);
  if (!panel) {{ return false; }}
  await panel.context.ready;
  await panel.sessionContext.ready;
  const kernel = panel.sessionContext.session && panel.sessionContext.session.kernel;
  if (!kernel) {{ return false; }}
  await kernel.info;
  window.jupyterapp.shell.activateById(panel.id);
  return true;
}}
"""

_RUN_ALL_JS = f"""
async (path) => {{
  const panel = ({_PANEL_JS})(path);
  window.jupyterapp.shell.activateById(panel.id);
  await window.jupyterapp.commands.execute('notebook:run-all-cells');
  return true;
}}
"""

_KERNEL_STATUS_JS = f"""
(path) => {{
  const panel = ({_PANEL_JS})(path);
  const session = panel && panel.sessionContext && panel.sessionContext.session;
  return session && session.kernel ? session.kernel.status : 'none';
}}
"""

_ALL_EXECUTED_JS = f"""
(path) => {{
  const panel = ({_PANEL_JS})(path);
  if (!panel) {{ return false; }}
  const cells = panel.content.widgets.filter(c => c.model.type === 'code');
  const failed = cells.some(c => c.model.outputs.toJSON().some(o => o.output_type === 'error'));
  return failed || (cells.length > 0
    && cells.every(c => c.model.executionCount !== null && !c.hasClass('jp-mod-busy')));
}}
"""


def open_notebook(page, server: LabServer, name: str, timeout_ms: int = 60_000) -> None:
    """Open notebook ``name`` in a fresh JupyterLab layout and wait until its kernel is ready."""
    page.goto(server.notebook_url(name) + "&reset", wait_until="domcontentloaded", timeout=timeout_ms)
    page.wait_for_function("() => window.jupyterapp !== undefined", timeout=timeout_ms)
    page.wait_for_selector(".jp-NotebookPanel", timeout=timeout_ms)
    deadline = time.monotonic() + timeout_ms / 1000
    while time.monotonic() < deadline:
        if page.evaluate(_WAIT_READY_JS, name):
            break
        page.wait_for_timeout(250)
    else:
        raise AssertionError(f"the kernel of {name} never became ready")
    wait_idle(page, name, timeout_ms)


def run_all_cells(page, name: str, timeout_ms: int = 90_000) -> None:
    """Run every cell of ``name`` and wait until all have executed and the kernel is idle."""
    page.evaluate(_RUN_ALL_JS, name)
    page.wait_for_function(_ALL_EXECUTED_JS, arg=name, timeout=timeout_ms)
    wait_idle(page, name, timeout_ms)


def wait_idle(page, name: str, timeout_ms: int = 60_000) -> None:
    """Wait until the kernel of ``name`` has finished whatever a click started."""
    page.wait_for_timeout(200)
    page.wait_for_function(f"(p) => ({_KERNEL_STATUS_JS})(p) === 'idle'", arg=name, timeout=timeout_ms)


def error_outputs(page) -> list[str]:
    """Every error output of the open notebook, and every widget that failed to render."""
    return list(
        page.evaluate(
            """
            () => {
              const found = [];
              const widget = window.jupyterapp.shell.currentWidget;
              if (!widget || !widget.content) { return ['no notebook is open']; }
              for (const cell of widget.content.widgets) {
                if (cell.model.type !== 'code') { continue; }
                for (const out of cell.model.outputs.toJSON()) {
                  if (out.output_type === 'error') {
                    found.push(`${out.ename}: ${out.evalue}`);
                  } else if (out.output_type === 'stream' && out.name === 'stderr'
                             && /Traceback|Error/.test(String(out.text))) {
                    found.push(String(out.text).slice(0, 800));
                  }
                }
              }
              const body = document.body.innerText;
              for (const phrase of ['Error displaying widget', 'Failed to load model class',
                                    'Traceback (most recent call last)']) {
                if (body.includes(phrase)) { found.push(phrase); }
              }
              return found;
            }
            """
        )
    )


# -- the widgets' own interactions ----------------------------------------------------------

#: Geometry of the ActionTable grids (netanalytics.widgets.tables): header and row heights.
GRID_HEADER = 30
GRID_ROW = 26


def grid_row_point(page, selector: str, row: int) -> tuple[float, float]:
    """Page coordinates of the middle of row ``row`` (0-based) of the ipydatagrid ``selector``."""
    grid = page.locator(selector).first
    grid.scroll_into_view_if_needed()
    grid.locator("canvas").first.wait_for()
    box = grid.bounding_box()
    assert box is not None, f"{selector} is not on screen"
    return box["x"] + 40, box["y"] + GRID_HEADER + GRID_ROW * row + GRID_ROW / 2


def click_grid_row(page, selector: str, row: int) -> None:
    """Click row ``row`` of a grid, as a person does (the grid draws on a canvas)."""
    x, y = grid_row_point(page, selector, row)
    page.mouse.click(x, y)


def in_viewport(page, selector: str) -> bool:
    """Whether the element ``selector`` lies wholly inside the visible part of the page."""
    return bool(page.evaluate(
        """(sel) => { const e = document.querySelector(sel); if (!e) { return false; }
                      const r = e.getBoundingClientRect();
                      return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight; }""", selector))
