"""How well a person fits the target: a score in [0, 1] with its reasons in words.

Each criterion the spec uses scores 0..1 and the fit is their weighted mean
(:data:`netanalytics.scoring.target.DEFAULT_FIT_WEIGHTS`):

- industry: company is a listed example employer or its name carries an industry
  keyword (1.0); only the title carries one (0.6);
- companies: the company name contains one of the given companies (1.0);
- titles: the title contains the phrase (1.0), all its words (0.8), its first word and
  maybe others (0.5 x share of words);
- seniority: the title carries a word of the level (1.0);
- locations: the location contains the place (1.0); unknown location (0.5, neutral);
- schools: only visible when the person works at the school (1.0) — exports do not carry
  other people's education.

>>> from netanalytics.scoring.target import TargetSpec
>>> spec = TargetSpec.from_mapping({"industries": ["fintech"], "titles": ["product manager"]})
>>> score, reasons = fit({"company": "Bluefin Payments", "position": "Senior Product Manager"}, spec)
>>> score, reasons
(1.0, ["title matches 'product manager'", "company is in the fintech list (name contains 'payments')"])
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from netanalytics.recognition.taxonomy import Industry, load_taxonomy
from netanalytics.scoring.target import SENIORITY_LEVELS, TargetSpec
from netanalytics.text import TextColumn, keyword_pattern, norm_text

__all__ = ["fit", "fit_reasons", "fit_table"]

_STOP = {"of", "and", "the", "a", "an", "for", "in", "at", "to", "sr", "jr"}


def _contains(text: TextColumn, keywords: tuple[str, ...] | list[str]) -> np.ndarray:
    if not keywords:
        return np.zeros(len(text), dtype=bool)
    return text.contains(keyword_pattern(list(keywords), capture=False))


def _extract(text: TextColumn, keywords: tuple[str, ...] | list[str], mask: np.ndarray) -> np.ndarray:
    out = np.full(len(text), None, dtype=object)
    if mask.any():
        found = text.extract(keyword_pattern(list(keywords)))
        out[mask] = found[mask]
    return out


def fit_table(
    people: pd.DataFrame,
    spec: TargetSpec,
    *,
    taxonomy: Mapping[str, Industry] | None = None,
    normalized: Mapping[str, TextColumn] | None = None,
) -> pd.DataFrame:
    """Fit of every person, vectorised; returns a frame aligned with ``people``.

    ``normalized`` may hold already-normalised 'company' / 'position' / 'location' columns.
    Columns: fit, and per criterion its score and what matched (industry, industry_how,
    industry_kw, title_score, title_kw, company_score, company_kw, seniority_score,
    seniority_kw, location_score, location_kw, school_score, school_kw).
    """
    tax = taxonomy if taxonomy is not None else load_taxonomy(spec.taxonomy_path)
    spec = spec.validate(tax)
    weights = spec.fit_weights()
    n = len(people)
    normalized = normalized or {}

    def _norm(col: str) -> TextColumn:
        if col in normalized:
            return normalized[col]
        return TextColumn.from_values(people[col])

    comp = _norm("company")
    pos = _norm("position")
    out = pd.DataFrame(index=people.index)
    total = np.zeros(n)
    wsum = 0.0
    if spec.industries:
        score = np.zeros(n)
        ind = np.full(n, None, dtype=object)
        how = np.full(n, None, dtype=object)
        kw = np.full(n, None, dtype=object)
        for key in spec.industries:
            entry = tax[key]
            employers = {norm_text(e) for e in entry.example_employers}
            by_emp = comp.isin(employers)
            by_comp = _contains(comp, entry.company_keywords) & ~by_emp
            by_title = _contains(pos, entry.title_keywords) & ~by_emp & ~by_comp
            s = np.where(by_emp | by_comp, 1.0, np.where(by_title, 0.6, 0.0))
            better = s > score
            score = np.where(better, s, score)
            ind[better] = key
            how[better & by_emp] = "employer"
            how[better & by_comp] = "company"
            how[better & by_title] = "title"
            kw_comp = _extract(comp, entry.company_keywords, better & by_comp)
            kw_title = _extract(pos, entry.title_keywords, better & by_title)
            kw[better & by_comp] = kw_comp[better & by_comp]
            kw[better & by_title] = kw_title[better & by_title]
        out["industry_score"] = score
        for col, arr in (("industry", ind), ("industry_how", how), ("industry_kw", kw)):
            out[col] = pd.Series(arr, index=out.index, dtype=object)
        total += weights["industries"] * score
        wsum += weights["industries"]
    if spec.titles:
        score = np.zeros(n)
        kw = np.full(n, None, dtype=object)
        for phrase in spec.titles:
            norm = norm_text(phrase)
            full = _contains(pos, [norm])
            words = [w for w in norm.split() if w not in _STOP]
            hits = np.zeros(n)
            head = np.zeros(n, dtype=bool)
            for i, w in enumerate(words):
                found = _contains(pos, [w])
                hits += found
                if i == 0:
                    head = found
            share = hits / max(len(words), 1)
            # Partial credit only when the phrase's first (distinctive) word is there:
            # 'Director of Product' partly matches 'product manager', 'Operations Manager' does not.
            s = np.where(full, 1.0, np.where(share >= 1.0, 0.8, np.where(head, 0.5 * share, 0.0)))
            better = s > score
            score = np.where(better, s, score)
            kw[better] = phrase
        out["title_score"] = score
        out["title_kw"] = pd.Series(kw, index=out.index, dtype=object)
        total += weights["titles"] * score
        wsum += weights["titles"]
    for crit, col, text in (("companies", "company", comp), ("schools", "school", comp)):
        values = getattr(spec, crit)
        if values:
            hit = _contains(text, list(values))
            out[f"{col}_score"] = hit.astype(float)
            out[f"{col}_kw"] = pd.Series(_extract(text, list(values), hit), index=out.index, dtype=object)
            total += weights[crit] * hit
            wsum += weights[crit]
    if spec.seniority:
        words = [w for level in spec.seniority for w in SENIORITY_LEVELS[level]]
        hit = _contains(pos, words)
        out["seniority_score"] = hit.astype(float)
        out["seniority_kw"] = pd.Series(_extract(pos, words, hit), index=out.index, dtype=object)
        total += weights["seniority"] * hit
        wsum += weights["seniority"]
    if spec.locations:
        loc = _norm("location")
        known = loc.known()
        hit = _contains(loc, list(spec.locations))
        out["location_score"] = np.where(hit, 1.0, np.where(known, 0.0, 0.5))
        out["location_kw"] = pd.Series(_extract(loc, list(spec.locations), hit), index=out.index, dtype=object)
        total += weights["locations"] * out["location_score"].to_numpy()
        wsum += weights["locations"]
    out["fit"] = np.clip(total / wsum, 0.0, 1.0) if wsum > 0 else 0.0
    return out


def fit_reasons(row: Mapping[str, Any], spec: TargetSpec, taxonomy: Mapping[str, Industry] | None = None) -> list[str]:
    """The reasons behind one row of :func:`fit_table`, in words."""
    reasons: list[str] = []
    if row.get("title_score", 0) and row.get("title_kw"):
        s = row["title_score"]
        if s >= 1.0:
            reasons.append(f"title matches '{row['title_kw']}'")
        else:
            reasons.append(f"title partly matches '{row['title_kw']}'")
    if row.get("industry_score", 0) and row.get("industry"):
        ind, how, kw = row["industry"], row.get("industry_how"), row.get("industry_kw")
        if how == "employer":
            reasons.append(f"company is a known {ind} employer")
        elif how == "company":
            reasons.append(f"company is in the {ind} list (name contains '{kw}')")
        else:
            reasons.append(f"title suggests {ind} ('{kw}')")
    if row.get("company_score", 0):
        reasons.append(f"works at {row.get('company_kw')}, a company you listed")
    if row.get("seniority_score", 0):
        reasons.append(f"seniority matches ('{row.get('seniority_kw')}')")
    if spec.locations:
        if row.get("location_score", 0) >= 1.0:
            reasons.append(f"located in {row.get('location_kw')}")
        elif row.get("location_score", 0) > 0:
            reasons.append("location unknown")
    if row.get("school_score", 0):
        reasons.append(f"works at {row.get('school_kw')}, a school you listed")
    return reasons


def fit(person: Mapping[str, Any], spec: TargetSpec, *, taxonomy: Mapping[str, Industry] | None = None) -> tuple[float, list[str]]:
    """The fit of one person (a mapping with company, position, location) and its reasons."""
    frame = pd.DataFrame([{k: person.get(k) for k in ("company", "position", "location")}])
    table = fit_table(frame, spec, taxonomy=taxonomy)
    row = table.iloc[0].to_dict()
    return float(row["fit"]), fit_reasons(row, spec, taxonomy)
