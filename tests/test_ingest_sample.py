"""The committed synthetic sample (data/sample/) parses cleanly with read_source."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from netanalytics.config import SAMPLE_DIR
from netanalytics.ingest import read_source


def sample_paths() -> list[Path]:
    manifest = SAMPLE_DIR / "manifest.json"
    if not manifest.exists():  # pragma: no cover - the sample is committed
        return []
    imports = json.loads(manifest.read_text(encoding="utf-8"))["imports"]
    paths = [SAMPLE_DIR / item["path"] for item in imports]
    return paths + sorted(SAMPLE_DIR.glob("*.vcf"))


@pytest.mark.parametrize("path", sample_paths(), ids=lambda p: p.name)
def test_every_sample_file_parses_without_warnings(path: Path) -> None:
    parsed = read_source(path)
    assert parsed.warnings == []
    if parsed.kind == "profile_pdf":  # the saved profiles: one person each, no list
        assert parsed.profiles and all(p.name and p.profile_url for p in parsed.profiles)
        return
    assert len(parsed.connections) > 0
    assert parsed.connections["full_name"].notna().all()


def test_sample_has_files_and_my_archive_reads_everything() -> None:
    paths = sample_paths()
    assert len(paths) >= 10
    archives = [read_source(p) for p in paths if p.is_dir() or p.suffix == ".zip"]
    (mine,) = [a for a in archives if a.kind != "profile_pdf"]
    assert mine.kind == "linkedin_archive"
    assert mine.profile is not None and mine.profile["profile_url"]
    assert not mine.positions.empty and not mine.education.empty
    assert (mine.interactions["messages_sent"] > 0).any()
    assert (mine.interactions["endorsements_received"] > 0).any()
    assert mine.interactions["invitation"].notna().any()
    assert "messages.csv" in {Path(f).name for f in mine.files_read}
    assert not any("guide_messages" in f for f in mine.files_read)
