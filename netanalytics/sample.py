"""Build a workspace from the committed synthetic sample (``data/sample/``).

``data/sample/manifest.json`` lists the imports in order — my archive first, then the
lists friends and family shared, then contacts files::

    {"description": "...",
     "imports": [{"path": "me/Basic_LinkedInDataExport_…", "owner": null,
                  "owner_url": null, "relationship": null}, ...]}

>>> import json, tempfile
>>> from pathlib import Path
>>> folder = Path(tempfile.mkdtemp())
>>> _ = (folder / "Connections.csv").write_text(
...     "First Name,Last Name,URL,Email Address,Company,Position,Connected On\\n"
...     "Ada,Lee,https://www.linkedin.com/in/ada,,Acme,Engineer,05 Nov 2023\\n")
>>> _ = (folder / "manifest.json").write_text(json.dumps(
...     {"imports": [{"path": "Connections.csv", "owner": None}]}))
>>> [s.people_added for s in build_sample_workspace(folder / "ws", manifest=folder / "manifest.json", quiet=True)]
[1]
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from netanalytics.config import SAMPLE_DIR, WORKSPACE_FILENAME
from netanalytics.errors import InputError
from netanalytics.workspace.db import open_workspace
from netanalytics.workspace.importer import ImportSummary, import_source

__all__ = ["build_sample_workspace", "read_manifest"]


def read_manifest(manifest: str | os.PathLike[str] = SAMPLE_DIR / "manifest.json") -> list[dict]:
    """The ``imports`` list of a sample manifest, each entry checked for a ``path``."""
    path = Path(manifest)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(
            str(path), "a sample manifest (manifest.json)", "no such file",
            hint="Regenerate the sample with scripts/make_sample.py.",
        ) from None
    except json.JSONDecodeError as exc:
        raise InputError(str(path), "valid JSON", f"a syntax error ({exc.msg})", line=exc.lineno) from None
    imports = data.get("imports") if isinstance(data, dict) else None
    if not isinstance(imports, list) or not imports:
        raise InputError(str(path), "an 'imports' list with at least one entry", repr(imports)[:80])
    for i, entry in enumerate(imports):
        if not isinstance(entry, dict) or not entry.get("path"):
            raise InputError(str(path), f"imports[{i}] to be an object with a 'path'", repr(entry)[:80])
    return imports


def build_sample_workspace(
    folder: str | os.PathLike[str],
    *,
    progress: bool = False,
    quiet: bool = False,
    manifest: str | os.PathLike[str] = SAMPLE_DIR / "manifest.json",
) -> list[ImportSummary]:
    """Import every file the manifest lists into a **fresh** workspace at ``folder``.

    An existing workspace file there is deleted first. Paths in the manifest are relative
    to the manifest's folder. Prints each import's summary unless ``quiet``.
    """
    manifest_path = Path(manifest)
    imports = read_manifest(manifest_path)
    base = manifest_path.parent
    target = Path(folder).expanduser()
    for suffix in ("", "-wal", "-shm", "-journal"):
        stale = target / (WORKSPACE_FILENAME + suffix)
        if stale.exists():
            stale.unlink()
    summaries: list[ImportSummary] = []
    with open_workspace(target) as ws:
        for entry in imports:
            summary = import_source(
                ws,
                base / entry["path"],
                owner=entry.get("owner"),
                owner_url=entry.get("owner_url"),
                relationship=entry.get("relationship"),
                progress=progress,
            )
            summaries.append(summary)
            if not quiet:
                print(summary)
    return summaries
