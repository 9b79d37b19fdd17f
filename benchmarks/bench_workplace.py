"""The notebooks as a workplace: how fast a person's actions answer, on the sample workspace.

Measured here (the library calls the widgets make, in this process, warm):

- person search (:meth:`netanalytics.api.Network.find_people`, what each keystroke runs);
- a re-rank after a form change (:meth:`~netanalytics.api.Network.rank` with a new target);
- the row actions (add to the pipeline, mark a follow-up done, snooze) with their refresh;

and the whole ``netanalytics log`` / ``due`` / ``history`` / ``pipeline`` processes against
``python -c pass`` started the same way in the same run (the log's commands never load pandas).
The browser tests (``tests/test_browser.py``) time the same actions in a real JupyterLab and
leave them in ``tests/artifacts/browser_timings.json``; they are printed too when present.

Targets: search <= 0.5 s, re-rank <= 1.5 s, a row action <= 0.5 s, the log's commands
<= 0.6 s as whole processes.

``python -m benchmarks.bench_workplace``
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

TARGETS = {"search": 0.5, "rerank": 1.5, "row_action": 0.5, "cli": 0.6}
BROWSER_TIMINGS = Path(__file__).resolve().parent.parent / "tests" / "artifacts" / "browser_timings.json"


def _best(fn, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return min(times)


def _process(args: list[str], env: dict[str, str], repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(args, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def _verdict(seconds: float, target: float) -> str:
    return "ok" if seconds <= target else f"OVER {target:.1f} s"


def main() -> int:
    import netanalytics as na
    from netanalytics.demo import run_demo

    over = 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "workspace"
        run_demo(folder, None, quiet=True)
        with na.open(folder) as net:
            net.find_people("a", top=1)  # the index and everyone's reach, built once (as the widget does)
            print("library, warm (best of 5):")
            for query in ("Dana", "Stripe", "maya", "product manager", "zzz"):
                seconds = _best(lambda q=query: net.find_people(q, top=10))
                over += seconds > TARGETS["search"]
                print(f"  search {query!r:20} {seconds * 1000:7.1f} ms  {_verdict(seconds, TARGETS['search'])}")
            targets = [dict(industry="fintech", title="product manager"),
                       dict(industry="fintech", title="product manager", location="Boston"),
                       dict(industry="banking", seniority="director")]
            for target in targets:
                seconds = _best(lambda t=target: net.rank(**t, top=60), repeat=3)
                over += seconds > TARGETS["rerank"]
                print(f"  re-rank {target!s:60.60} {seconds * 1000:7.1f} ms  {_verdict(seconds, TARGETS['rerank'])}")
            ranked = net.rank(industry="fintech", title="product manager", top=60)
            fresh = [p for p in ranked["person_id"] if p not in {r["person_id"] for r in net.pipeline(as_frame=False)}]

            def add() -> None:
                net.log(fresh.pop(0), "identified")
                net.pipeline(as_frame=False)

            def done() -> None:
                item = net.due(within_days=30, as_frame=False)[0]
                net.log(item["person_id"], "followed_up")
                net.due(within_days=30, as_frame=False)

            def snooze() -> None:
                item = net.due(within_days=30, as_frame=False)[0]
                net.snooze(item["person_id"], date.today() + timedelta(days=365))
                net.due(within_days=30, as_frame=False)

            for name, fn in (("add to pipeline", add), ("done", done), ("snooze", snooze)):
                seconds = _best(fn, repeat=3)
                over += seconds > TARGETS["row_action"]
                print(f"  row action {name:17} {seconds * 1000:7.1f} ms  {_verdict(seconds, TARGETS['row_action'])}")

        env = {**os.environ, "NETANALYTICS_WORKSPACE": str(folder)}
        script = [sys.executable, "-m", "netanalytics"]
        baseline = _process([sys.executable, "-c", "pass"], env)
        print(f"whole processes (median of 5), against `python -c pass` = {baseline * 1000:.0f} ms:")
        someone = "Dana Whitfield"
        for args in (["due"], ["history", someone], ["pipeline"], ["log", someone, "followed_up"], ["undo"]):
            seconds = _process(script + args, env, repeat=5 if args[0] not in ("log", "undo") else 1)
            over += seconds > TARGETS["cli"]
            print(f"  netanalytics {' '.join(args):35} {seconds * 1000:7.0f} ms  "
                  f"(+{(seconds - baseline) * 1000:.0f} ms over python)  {_verdict(seconds, TARGETS['cli'])}")
        bytecode = os.environ.get("PYTHONDONTWRITEBYTECODE")
        if bytecode:
            print("  (PYTHONDONTWRITEBYTECODE is set here: every module is compiled from source at each start)")

    if BROWSER_TIMINGS.exists():
        print("in the browser (tests/test_browser.py, last run; click to answer on screen):")
        for name, seconds in sorted(json.loads(BROWSER_TIMINGS.read_text()).items()):
            print(f"  {name:32} {seconds:6.2f} s")
    else:
        print("no browser timings yet: run `pytest tests/test_browser.py` to measure them in JupyterLab")
    return 0 if not over else 1


if __name__ == "__main__":
    sys.exit(main())
