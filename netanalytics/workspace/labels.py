"""The user's own industry labels for companies: the most trusted answer of all.

A label is stored under the company's :func:`~netanalytics.recognition.companies.company_key`,
so "J.P. Morgan & Co." and "JP Morgan" share one; it lives in its own table, so re-importing
any export keeps it, and :func:`~netanalytics.recognition.recognise.recognise_people`
applies it before the bundled company list, the patterns, the colleagues and the keywords.

>>> import tempfile
>>> from netanalytics.workspace import open_workspace
>>> ws = open_workspace(tempfile.mkdtemp())
>>> label_company(ws, "Harbor & Stone LLC", ["insurance"])
('harborandstone', ('insurance',), None)
>>> company_labels(ws)
{'harborandstone': ('insurance',)}
>>> clear_company_label(ws, "Harbor and Stone")
('insurance',)
>>> company_labels(ws)
{}
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import pandas as pd

from netanalytics.errors import InputError, NotFoundError
from netanalytics.recognition.companies import company_key
from netanalytics.recognition.taxonomy import Industry, load_taxonomy
from netanalytics.workspace.db import utc_now_iso

if TYPE_CHECKING:
    from netanalytics.workspace.db import Workspace

__all__ = ["clear_company_label", "company_labels", "label_company", "labels_frame", "normalize_industries"]

#: The longest company name a label accepts (LinkedIn's own limit is 100 characters).
MAX_COMPANY_LENGTH = 200


def _key_of(company: Any) -> str:
    if not isinstance(company, str) or not company.strip():
        raise InputError("company", "a company name", repr(company), param="company")
    if len(company) > MAX_COMPANY_LENGTH:
        raise InputError("company", f"a name of at most {MAX_COMPANY_LENGTH} characters",
                         f"{len(company)} characters", param="company")
    key = company_key(company)
    if not key:
        raise InputError("company", "a name with letters or digits", repr(company), param="company")
    return key


def normalize_industries(
    industries: str | Iterable[str], taxonomy: Mapping[str, Industry] | None = None
) -> tuple[str, ...]:
    """Industry keys of the taxonomy, primary first, without repeats; refuses unknown ones.

    'Real estate' and 'real-estate' both mean 'real_estate'; a close key is suggested.

    >>> normalize_industries(["Fintech", "software", "fintech"])
    ('fintech', 'software')
    >>> normalize_industries("Real estate")
    ('real_estate',)
    """
    tax = taxonomy if taxonomy is not None else load_taxonomy()
    values = [industries] if isinstance(industries, str) else list(industries)
    keys: list[str] = []
    for value in values:
        if not isinstance(value, str):
            raise InputError("industries", "industry names", repr(value), param="industries")
        key = "_".join(value.strip().lower().replace("-", " ").split())
        if key not in tax:
            from rapidfuzz import process

            close = [m[0] for m in process.extract(key, list(tax), limit=3, score_cutoff=50)]
            raise InputError(
                "industries", "an industry of the taxonomy (the industries list names them)", f"'{value}'",
                hint=f"Did you mean {', '.join(close)}?" if close else None, param="industries",
                next_step=None if close else "list_industries",
            )
        if key not in keys:
            keys.append(key)
    if not keys:
        raise InputError("industries", "at least one industry", "none", param="industries")
    return tuple(keys)


def label_company(
    ws: Workspace, company: str, industries: str | Iterable[str]
) -> tuple[str, tuple[str, ...], tuple[str, ...] | None]:
    """Label ``company`` with ``industries`` (primary first); returns (key, new, previous or None)."""
    key = _key_of(company)
    chosen = normalize_industries(industries)
    with ws.transaction() as conn:
        row = conn.execute("SELECT industries FROM company_labels WHERE company_key = ?", (key,)).fetchone()
        conn.execute(
            "INSERT INTO company_labels(company_key, company, industries, updated_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT(company_key) DO UPDATE SET company = excluded.company,"
            " industries = excluded.industries, updated_at = excluded.updated_at",
            (key, company.strip(), ";".join(chosen), utc_now_iso()),
        )
    return key, chosen, tuple(row[0].split(";")) if row else None


def clear_company_label(ws: Workspace, company: str) -> tuple[str, ...]:
    """Remove the user's label of ``company``; returns the industries it had."""
    key = _key_of(company)
    with ws.transaction() as conn:
        row = conn.execute("SELECT industries FROM company_labels WHERE company_key = ?", (key,)).fetchone()
        if row is None:
            raise NotFoundError(f"'{company}' has no label of yours to clear.", param="company")
        conn.execute("DELETE FROM company_labels WHERE company_key = ?", (key,))
    return tuple(row[0].split(";"))


def company_labels(ws: Workspace) -> dict[str, tuple[str, ...]]:
    """Every label, as company key -> industries (what the recogniser takes)."""
    return {key: tuple(value.split(";")) for key, value in ws.conn.execute(
        "SELECT company_key, industries FROM company_labels")}


def labels_frame(ws: Workspace) -> pd.DataFrame:
    """Every label as a frame: company (as written), industries (text), updated_at; by company."""
    rows = ws.conn.execute(
        "SELECT company, replace(industries, ';', ', ') AS industries, updated_at FROM company_labels"
        " ORDER BY company COLLATE NOCASE"
    ).fetchall()
    return pd.DataFrame([tuple(r) for r in rows], columns=["company", "industries", "updated_at"], dtype=object)
