"""How well a person fits the target: a score in [0, 1] with its reasons in words.

Each criterion the spec uses scores 0..1 and the fit is their weighted mean
(:data:`netanalytics.scoring.target.DEFAULT_FIT_WEIGHTS`). Who a person is — their
company's industry, their function and seniority — comes from
:mod:`netanalytics.recognition.recognise`, with its source and reason:

- industries: the company's industries include a target industry. How sure that is
  depends on where the industry came from (:data:`INDUSTRY_TRUST`): the user's own label,
  the bundled company list and an institution's name pattern 1.0, colleagues' telling
  titles 0.9, a word in the company's name 0.7. When the company's industry is unknown,
  a telling title of the person's own ("Underwriter" for insurance) gives 0.5;
- titles: :func:`netanalytics.recognition.titles.match_titles` — the same role through
  abbreviations, levels and languages ("Sr. PM", "Produktmanager" for "product
  manager") 1.0, the head of the area ("Head of Product") 0.9, another role of the same
  function 0.4, never another function ("Product Marketing Manager" is marketing);
- functions / seniority: the title reads as one of them (1.0);
- companies: the same organisation as one the user listed (its key or the bundled
  list's canonical name: "Facebook" is Meta) 1.0; the listed name as whole words inside
  a longer name ("Google" in "Google Cloud") 0.6;
- locations: the location contains the place (1.0); unknown location (0.5, neutral);
- near: the person's place lies within the radius of a place given, or in the same metro
  area as a metro given (1.0), by :func:`netanalytics.recognition.places.within`; farther
  or abroad 0; unknown or too broad a location (a state, "Remote") 0.5, neutral;
- schools: the same school as one listed (:func:`netanalytics.recognition.schools.school_key`:
  "UC Berkeley" is "University of California, Berkeley") among the schools they studied at
  — saved profiles, your own word — (1.0), or the school they work at (1.0).

>>> from netanalytics.scoring.target import TargetSpec
>>> spec = TargetSpec.from_mapping({"industries": ["fintech"], "titles": ["product manager"]})
>>> score, reasons = fit({"company": "Stripe", "position": "Sr. PM, Payments"}, spec)
>>> score
1.0
>>> reasons
["'Sr. PM, Payments' is a product manager at senior level", 'Stripe: fintech, software, from the bundled company list']
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from netanalytics.recognition.taxonomy import Industry, load_taxonomy
from netanalytics.scoring.target import TargetSpec
from netanalytics.text import TextColumn, keyword_pattern

__all__ = ["INDUSTRY_TRUST", "OWN_TITLE_TRUST", "fit", "fit_reasons", "fit_table"]

#: How much an industry answer counts toward the industry criterion, by where it came from.
INDUSTRY_TRUST: dict[str, float] = {
    "user": 1.0, "gazetteer": 1.0, "pattern": 1.0, "colleagues": 0.9, "keyword": 0.7,
}
#: The industry credit of a telling title of the person's own when their company is unknown.
OWN_TITLE_TRUST = 0.5
#: The company criterion's credit for a listed name found as whole words in a longer name.
COMPANY_WORDS_SCORE = 0.6


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


def _objects(values: Any, index: pd.Index) -> pd.Series:
    return pd.Series(values, index=index, dtype=object)


def _industry_reason(company: Any, industry: str, source: str, reason: str) -> str:
    name = str(company).strip() if isinstance(company, str) else "their company"
    if source == "colleagues":
        return f"{name}: {industry}, because {reason}"
    if source == "keyword":
        return f"{name}: {industry}, a guess from a word in its name ({reason})"
    return reason


def _industry(spec: TargetSpec, people: pd.DataFrame, rec: pd.DataFrame, hints: np.ndarray | None
              ) -> dict[str, np.ndarray]:
    n = len(people)
    wanted = set(spec.industries)
    industries = rec["industries"].to_numpy(dtype=object)
    source = rec["industry_source"].to_numpy(dtype=object)
    matched = np.array([next((k for k in ks if k in wanted), None) for ks in industries], dtype=object)
    hit = pd.notna(matched)
    trust = np.array([INDUSTRY_TRUST.get(s, 0.0) if s else 0.0 for s in source])
    score = np.where(hit, trust, 0.0)
    how = np.where(hit, source, None).astype(object)
    reason = np.full(n, None, dtype=object)
    companies = people["company"].to_numpy(dtype=object)
    reasons = rec["industry_reason"].to_numpy(dtype=object)
    for i in np.flatnonzero(hit):
        reason[i] = _industry_reason(companies[i], matched[i], source[i], reasons[i])
    if hints is not None:
        own = pd.isna(source) & pd.Series(hints).isin(wanted).to_numpy()
        if own.any():
            positions = people["position"].to_numpy(dtype=object)
            score = np.where(own, OWN_TITLE_TRUST, score)
            matched = np.where(own, hints, matched)
            how = np.where(own, "title", how)
            for i in np.flatnonzero(own):
                reason[i] = f"'{str(positions[i]).strip()}' suggests {hints[i]} (their company's industry is unknown)"
    return {"industry_score": score, "industry": matched, "industry_how": how, "industry_kw": reason}


def _titles(spec: TargetSpec, people: pd.DataFrame) -> dict[str, np.ndarray]:
    from netanalytics.recognition.titles import match_titles

    n = len(people)
    score = np.zeros(n)
    reason = np.full(n, None, dtype=object)
    for phrase in spec.titles:
        s, why = match_titles(phrase, people["position"])
        s = np.asarray(s, dtype=float)
        better = s > score
        score = np.where(better, s, score)
        why = np.asarray(list(why), dtype=object)
        reason[better] = why[better]
    return {"title_score": score, "title_kw": reason}


def _in_vocabulary(column: pd.Series, wanted: tuple[str, ...], reasons: pd.Series, prefix: str
                   ) -> dict[str, np.ndarray]:
    hit = column.isin(wanted).to_numpy()
    return {f"{prefix}_score": hit.astype(float),
            f"{prefix}_kw": np.where(hit, reasons.to_numpy(dtype=object), None).astype(object)}


def _companies(spec: TargetSpec, people: pd.DataFrame, rec: pd.DataFrame) -> dict[str, np.ndarray]:
    from netanalytics.recognition.companies import company_key, normalize_company, recognise_company

    keys = {company_key(c) for c in spec.companies} - {""}
    organisations = {a.organisation for a in map(recognise_company, spec.companies) if a and a.organisation}
    same = rec["company_key"].isin(keys).to_numpy() | rec["organisation"].isin(organisations).to_numpy()
    # The listed name as whole words of a longer name ("Google" in "Google Cloud"), compared on
    # normalised names so "LiveRamp" never contains "Ramp".
    wanted = [(c, f" {normalize_company(c)} ") for c in spec.companies if normalize_company(c)]
    codes, uniques = pd.factorize(people["company"], use_na_sentinel=True)
    inside = np.full(len(uniques) + 1, None, dtype=object)
    for i, value in enumerate(uniques.tolist()):
        padded = f" {normalize_company(value)} "
        inside[i] = next((c for c, w in wanted if w in padded), None)
    found = inside[np.where(codes >= 0, codes, len(uniques))]
    words = pd.notna(found) & ~same
    score = np.where(same, 1.0, np.where(words, COMPANY_WORDS_SCORE, 0.0))
    names = people["company"].to_numpy(dtype=object)
    reason = np.full(len(people), None, dtype=object)
    for i in np.flatnonzero(same):
        reason[i] = f"works at {str(names[i]).strip()}, a company you listed"
    for i in np.flatnonzero(words):
        reason[i] = f"works at {str(names[i]).strip()}, whose name contains '{found[i]}' (a company you listed)"
    return {"company_score": score, "company_kw": reason}


def _schools(spec: TargetSpec, people: pd.DataFrame, education: pd.DataFrame | None) -> dict[str, np.ndarray]:
    from netanalytics.recognition.schools import parse_school

    wanted = {}
    for name in spec.schools:
        school = parse_school(name)
        if school is not None:
            wanted.setdefault(school.key, school.name)
    n = len(people)
    score = np.zeros(n)
    reason = np.full(n, None, dtype=object)
    if not wanted:
        return {"school_score": score, "school_kw": reason}
    studied: dict[str, str] = {}
    person_ids = people["person_id"] if "person_id" in people else pd.Series([None] * n, dtype=object)
    if education is not None and len(education) and "person_id" in people:
        ids = set(people["person_id"].astype(object))
        sub = education[education["person_id"].isin(ids)]
        for pid, school in zip(sub["person_id"], sub["school"], strict=True):
            found = parse_school(school) if isinstance(school, str) else None
            if found is not None and found.key in wanted and pid not in studied:
                studied[pid] = wanted[found.key]
    codes, uniques = pd.factorize(people["company"], use_na_sentinel=True)
    works = [wanted.get(s.key) if (s := parse_school(u if isinstance(u, str) else None)) else None
             for u in uniques] + [None]
    for i, (pid, code) in enumerate(zip(person_ids, codes, strict=True)):
        if pid in studied:
            score[i], reason[i] = 1.0, f"studied at {studied[pid]}, a school you listed"
        elif works[code] is not None:
            score[i], reason[i] = 1.0, f"works at {works[code]}, a school you listed"
    return {"school_score": score, "school_kw": reason}


def _near(spec: TargetSpec, people: pd.DataFrame) -> dict[str, np.ndarray]:
    from netanalytics.recognition.places import normalize_location, within

    centers = [p for p in map(normalize_location, spec.near) if p is not None]
    codes, uniques = pd.factorize(people["location"], use_na_sentinel=True)
    per_unique: list[tuple[float, str]] = []
    for text in [*np.asarray(uniques, dtype=object).tolist(), None]:
        place = normalize_location(text) if text is not None else None
        best: tuple[float, str] | None = None
        for center in centers:  # the nearest verdict among the places given
            verdict, why = within(center, place, spec.within_km)
            value = 1.0 if verdict else 0.5 if verdict is None else 0.0
            if best is None or value > best[0]:
                best = (value, why)
        per_unique.append(best or (0.5, "location unknown"))
    picked = np.where(codes >= 0, codes, len(per_unique) - 1)
    score = np.array([per_unique[c][0] for c in picked], dtype=float)
    reason = np.array([per_unique[c][1] for c in picked], dtype=object)
    return {"near_score": score, "near_kw": reason}


def fit_table(
    people: pd.DataFrame,
    spec: TargetSpec,
    *,
    taxonomy: Mapping[str, Industry] | None = None,
    normalized: Mapping[str, TextColumn] | None = None,
    recognition: pd.DataFrame | None = None,
    education: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Fit of every person, vectorised; returns a frame aligned with ``people``.

    ``people`` has company, position (and location) columns. ``recognition`` is the
    people's :func:`~netanalytics.recognition.recognise.recognise_people` frame (with the
    user's company labels); without it, it is computed here, without labels.
    ``normalized`` may hold already-normalised 'company' / 'location' columns.
    ``education`` is the schools people studied at (person_id, school), as
    :func:`netanalytics.workspace.profiles.education_frame` gives them.
    Columns: fit, and per criterion its score and what matched (industry, industry_how,
    industry_kw, title_score, title_kw, function_score, function_kw, company_score,
    company_kw, seniority_score, seniority_kw, location_score, location_kw, school_score,
    school_kw, near_score, near_kw); a ``*_kw`` column holds the reason in words.
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

    rec = recognition
    needs_recognition = spec.industries or spec.functions or spec.seniority or spec.companies
    if rec is None and needs_recognition:
        from netanalytics.recognition.recognise import recognise_people

        rec = recognise_people(people["company"], people["position"],
                               taxonomy=dict(tax) if spec.taxonomy_path else None)
    if rec is not None:
        rec = rec.set_axis(people.index)
    out = pd.DataFrame(index=people.index)
    total = np.zeros(n)
    wsum = 0.0

    def add(criterion: str, columns: dict[str, np.ndarray], score_col: str) -> None:
        nonlocal total, wsum
        for col, values in columns.items():
            out[col] = values if col.endswith("_score") else _objects(values, out.index)
        total = total + weights[criterion] * np.asarray(columns[score_col], dtype=float)
        wsum += weights[criterion]

    if spec.industries:
        hints = None
        if rec is not None and rec["industry_source"].isna().any():
            from netanalytics.recognition.titles import read_titles

            hints = read_titles(people["position"])["industry_hint"].to_numpy(dtype=object)
        add("industries", _industry(spec, people, rec, hints), "industry_score")
    if spec.titles:
        add("titles", _titles(spec, people), "title_score")
    if spec.functions:
        add("functions", _in_vocabulary(rec["function"], spec.functions, rec["title_reason"], "function"),
            "function_score")
    if spec.companies:
        add("companies", _companies(spec, people, rec), "company_score")
    if spec.seniority:
        add("seniority", _in_vocabulary(rec["seniority"], spec.seniority, rec["title_reason"], "seniority"),
            "seniority_score")
    if spec.schools:
        add("schools", _schools(spec, people, education), "school_score")
    if spec.near:
        add("near", _near(spec, people), "near_score")
    if spec.locations:
        loc = _norm("location")
        known = loc.known()
        hit = _contains(loc, list(spec.locations))
        add("locations", {"location_score": np.where(hit, 1.0, np.where(known, 0.0, 0.5)),
                          "location_kw": _extract(loc, list(spec.locations), hit)}, "location_score")
    out["fit"] = np.clip(total / wsum, 0.0, 1.0) if wsum > 0 else 0.0
    return out


def fit_reasons(row: Mapping[str, Any], spec: TargetSpec, taxonomy: Mapping[str, Industry] | None = None) -> list[str]:
    """The reasons behind one row of :func:`fit_table`, in words."""
    reasons: list[str] = []
    if row.get("title_score", 0) and row.get("title_kw"):
        reasons.append(str(row["title_kw"]))
    if row.get("function_score", 0) and row.get("function_kw") and row.get("function_kw") not in reasons:
        reasons.append(str(row["function_kw"]))
    if row.get("seniority_score", 0) and row.get("seniority_kw") and row.get("seniority_kw") not in reasons:
        reasons.append(str(row["seniority_kw"]))
    if row.get("industry_score", 0) and row.get("industry_kw"):
        reasons.append(str(row["industry_kw"]))
    if row.get("company_score", 0) and row.get("company_kw"):
        reasons.append(str(row["company_kw"]))
    if spec.locations:
        if row.get("location_score", 0) >= 1.0:
            reasons.append(f"located in {row.get('location_kw')}")
        elif row.get("location_score", 0) > 0:
            reasons.append("location unknown")
    if row.get("school_score", 0) and row.get("school_kw"):
        reasons.append(str(row["school_kw"]))
    if spec.near and row.get("near_kw"):
        reasons.append(str(row["near_kw"]))
    return reasons


def fit(person: Mapping[str, Any], spec: TargetSpec, *, taxonomy: Mapping[str, Industry] | None = None) -> tuple[float, list[str]]:
    """The fit of one person (a mapping with company, position, location, and optionally
    ``schools``: the names of the schools they studied at) and its reasons.

    >>> fit({"company": "Acme", "location": "Cambridge, MA", "schools": ["UC Berkeley"]},
    ...     TargetSpec(schools=("University of California, Berkeley",), near=("Boston, MA",)))
    (1.0, ['studied at University of California, Berkeley, a school you listed', 'Cambridge is 4 km from Boston'])
    """
    frame = pd.DataFrame([{"person_id": "p", **{k: person.get(k) for k in ("company", "position", "location")}}])
    education = pd.DataFrame({"person_id": "p", "school": list(person.get("schools") or [])}, dtype=object)
    table = fit_table(frame, spec, taxonomy=taxonomy, education=education)
    row = table.iloc[0].to_dict()
    return float(row["fit"]), fit_reasons(row, spec, taxonomy)
