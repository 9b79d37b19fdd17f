"""Run every ``benchmarks/bench_*.py`` module's ``main()`` in turn: ``python -m benchmarks``."""

from __future__ import annotations

import importlib
import inspect
import sys
import time
from pathlib import Path


def main() -> int:
    failures = 0
    for path in sorted(Path(__file__).parent.glob("bench_*.py")):
        name = f"benchmarks.{path.stem}"
        print(f"\n=== {name}", flush=True)
        started = time.perf_counter()
        module = importlib.import_module(name)
        run = module.main
        params = list(inspect.signature(run).parameters)
        # main(argv) gets an empty argument list (not this process's); other mains use defaults.
        result = run([]) if params and params[0] == "argv" else run()
        failures += int(bool(result))
        print(f"=== {name} finished in {time.perf_counter() - started:.1f} s (exit {int(bool(result))})", flush=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
