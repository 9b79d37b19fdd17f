"""Who each person is, from their company and title: industry, function and seniority.

The industry of a person's company comes from the most trusted layer that knows it:

1. **user** — the user's own label for the company (:func:`company_key` spellings agree);
2. **gazetteer** — the bundled list of real organisations, exact on a normalised name or alias;
3. **pattern** — the shape of an institution's name ("Universidad de Chile", "City of Austin");
4. **colleagues** — the titles of the people who work there, when they are telling
   (underwriters and actuaries work in insurance; see :data:`ColleagueRule`);
5. **keyword** — a word in the company's name ("... Payments"), last.

"Self-employed", "Stealth Startup", "Confidential" and blank companies get no industry from
any layer but the user's own label. Function and seniority come from the title alone
(:func:`netanalytics.recognition.titles.read_titles`).

>>> import pandas as pd
>>> people = recognise_people(
...     pd.Series(["Stripe", "Harbor & Stone LLC", "Harbor & Stone LLC", "Self-employed"]),
...     pd.Series(["Sr. PM", "Underwriter II", "Senior Actuary", "Registered Nurse"]),
... )
>>> people[["industry", "industry_source", "function", "seniority"]].values.tolist()
[['fintech', 'gazetteer', 'product_management', 'senior'], ['insurance', 'colleagues', 'finance', 'entry'], ['insurance', 'colleagues', 'finance', 'senior'], [None, None, 'healthcare_services', 'entry']]
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from netanalytics.batch import gc_paused
from netanalytics.recognition.companies import recognise_companies
from netanalytics.recognition.taxonomy import Industry
from netanalytics.recognition.titles import read_titles

__all__ = [
    "INDUSTRY_SOURCES",
    "RECOGNITION_COLUMNS",
    "ColleagueRule",
    "coverage_sentences",
    "industry_coverage",
    "recognise_people",
    "source_words",
]

#: Where an industry can come from, most trusted first.
INDUSTRY_SOURCES = ("user", "gazetteer", "pattern", "colleagues", "keyword")

_SOURCE_WORDS = {
    "user": "your own label",
    "gazetteer": "the bundled company list",
    "pattern": "the shape of its name",
    "colleagues": "the titles of the people who work there",
    "keyword": "a word in its name",
}

#: The columns :func:`recognise_people` returns.
RECOGNITION_COLUMNS = (
    "company_key", "unknowable", "industry", "industries", "industry_source", "industry_reason", "organisation",
    "function", "seniority", "title_reason",
)


def source_words(source: str | None) -> str:
    """Where an industry came from, in words.

    >>> source_words("colleagues")
    'the titles of the people who work there'
    >>> source_words(None)
    'unknown'
    """
    return _SOURCE_WORDS.get(source or "", "unknown")


@dataclass(frozen=True)
class ColleagueRule:
    """When the titles of a company's people tell its industry.

    At least ``min_support`` people with a telling title (an occupation that belongs to one
    industry: Underwriter, Associate Attorney, Registered Nurse, Teacher) must agree, and
    they must be at least ``min_share`` of the people there whose titles tell anything. One
    nurse at an unknown company is not enough (nurses also work in schools and prisons);
    three underwriters and an actuary are.
    """

    min_support: int = 2
    min_share: float = 2 / 3


def _labels_by_key(labels: Mapping[str, str | Sequence[str]] | None) -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for key, value in (labels or {}).items():
        keys = (value,) if isinstance(value, str) else tuple(value)
        if keys:
            out[key] = keys
    return out


def _colleague_answers(
    keys: np.ndarray, hints: np.ndarray, titles: np.ndarray, open_rows: np.ndarray, rule: ColleagueRule
) -> dict[str, tuple[str, str]]:
    """Company key -> (industry, reason) where the colleagues' telling titles agree."""
    rows = open_rows & pd.notna(hints)
    if not rows.any():
        return {}
    told = pd.DataFrame({"key": keys[rows], "hint": hints[rows], "title": titles[rows]})
    counts = told.groupby(["key", "hint"], sort=False).size().reset_index(name="support")
    counts["total"] = counts.groupby("key", sort=False)["support"].transform("sum")
    best = counts.sort_values("support", ascending=False, kind="stable").drop_duplicates("key")
    best = best[(best["support"] >= rule.min_support) & (best["support"] >= rule.min_share * best["total"])]
    if best.empty:
        return {}
    evidence = told.merge(best[["key", "hint"]], on=["key", "hint"])
    examples = evidence.groupby("key", sort=False)["title"].agg(
        lambda ts: list(dict.fromkeys(str(t).strip() for t in ts)))
    answers: dict[str, tuple[str, str]] = {}
    for key, hint, support, total in best[["key", "hint", "support", "total"]].itertuples(index=False):
        shown = examples[key]
        text = ", ".join(shown) if len(", ".join(shown)) <= 80 else ", ".join(shown[:3]) + ", …"
        if total > support:
            who = f"{support} of the {total} people there with telling titles work"
        else:
            who = "the one person there with a telling title works" if support == 1 else (
                f"{support} people there with telling titles work")
        answers[key] = (hint, f"{who} in {hint} ({text})")
    return answers


def recognise_people(
    companies: pd.Series,
    titles: pd.Series,
    *,
    labels: Mapping[str, str | Sequence[str]] | None = None,
    taxonomy: dict[str, Industry] | None = None,
    colleagues: ColleagueRule | None = None,
) -> pd.DataFrame:
    """Industry (with its source and reason), function and seniority of every person.

    ``companies`` and ``titles`` are aligned columns of a people table; ``labels`` maps a
    :func:`company_key` to the user's industry (or industries, primary first). Returns a
    frame aligned with ``companies`` with :data:`RECOGNITION_COLUMNS`; ``industries`` is a
    tuple (empty when unknown), ``unknowable`` says the company can tell no industry (blank,
    self-employed, stealth…), the other columns hold ``None`` when unknown.

    >>> import pandas as pd
    >>> from netanalytics.recognition.companies import company_key
    >>> out = recognise_people(pd.Series(["Brightline LLC"]), pd.Series(["Analyst"]),
    ...                        labels={company_key("Brightline"): "consulting"})
    >>> out.loc[0, ["industry", "industry_source", "industry_reason"]].tolist()
    ['consulting', 'user', 'Brightline LLC: consulting, from your own label']
    """
    companies = pd.Series(companies, copy=False)
    titles = pd.Series(titles, copy=False, index=companies.index) if not isinstance(titles, pd.Series) else titles
    if len(titles) != len(companies):
        raise ValueError(f"companies and titles differ in length ({len(companies)} and {len(titles)})")
    with gc_paused():  # hundreds of thousands of small objects, none in a cycle
        return _recognise_people(companies, titles, labels, taxonomy, colleagues or ColleagueRule())


def _recognise_people(
    companies: pd.Series,
    titles: pd.Series,
    labels: Mapping[str, str | Sequence[str]] | None,
    taxonomy: dict[str, Industry] | None,
    rule: ColleagueRule,
) -> pd.DataFrame:
    found = recognise_companies(companies, taxonomy)
    read = read_titles(pd.Series(titles.to_numpy(), index=companies.index))

    keys = found["company_key"].to_numpy(dtype=object)
    industry = found["industry"].to_numpy(dtype=object).copy()
    industries = found["industries"].to_numpy(dtype=object).copy()
    source = found["industry_source"].to_numpy(dtype=object).copy()
    reason = found["industry_reason"].to_numpy(dtype=object).copy()
    organisation = found["organisation"].to_numpy(dtype=object).copy()

    by_key = _labels_by_key(labels)
    if by_key:
        names = companies.to_numpy(dtype=object)
        for i in np.flatnonzero(pd.Series(keys, dtype=object, copy=False).isin(by_key).to_numpy()):
            chosen = by_key[keys[i]]
            industry[i], industries[i], source[i] = chosen[0], chosen, "user"
            reason[i] = f"{str(names[i]).strip()}: {', '.join(chosen)}, from your own label"
            organisation[i] = None

    # Colleagues speak for companies no trusted layer knows (nothing, or only a keyword).
    open_rows = (pd.isna(source) | (source == "keyword")) & ~found["unknowable"].to_numpy(dtype=bool)
    if open_rows.any():
        answers = _colleague_answers(
            keys, read["industry_hint"].to_numpy(dtype=object), titles.to_numpy(dtype=object), open_rows, rule
        )
        for i in np.flatnonzero(open_rows & pd.Series(keys, dtype=object, copy=False).isin(answers).to_numpy()):
            hint, why = answers[keys[i]]
            industry[i], industries[i], source[i], reason[i] = hint, (hint,), "colleagues", why
            organisation[i] = None

    index = companies.index
    columns = {
        "company_key": keys,
        "unknowable": found["unknowable"].to_numpy(dtype=bool),
        "industry": industry,
        "industries": industries,
        "industry_source": source,
        "industry_reason": reason,
        "organisation": organisation,
        "function": read["function"].to_numpy(dtype=object),
        "seniority": read["seniority"].to_numpy(dtype=object),
        "title_reason": read["title_reason"].to_numpy(dtype=object),
    }
    # Object columns stay object (None for unknown, tuples in ``industries``); the arrays
    # are this call's own, so the frame takes them without a copy.
    return pd.DataFrame(
        {name: pd.Series(values, index=index, dtype=values.dtype, copy=False) for name, values in columns.items()}
    )


def industry_coverage(companies: pd.Series, recognition: pd.DataFrame, *, top: int = 10) -> dict[str, object]:
    """How much of a network's industry is known, where from, and what to label next.

    ``recognition`` is :func:`recognise_people`'s frame for ``companies``. Returns
    ``people``; ``known`` and ``known_share``; ``by_source`` (counts per
    :data:`INDUSTRY_SOURCES`, most trusted first); ``unknowable`` (blank, self-employed,
    stealth…: nothing to label); ``unknown`` (a company no layer knows); and
    ``top_unknown``: the companies with the most unknown people, as ``(name, count)``, the
    name as most people write it — the ones worth labelling first.

    >>> import pandas as pd
    >>> companies = pd.Series(["Stripe", "Harlow & Finch", "Harlow and Finch", "Freelance", None])
    >>> cov = industry_coverage(companies, recognise_people(companies, pd.Series([None] * 5)))
    >>> cov["known"], cov["unknown"], cov["unknowable"], cov["top_unknown"]
    (1, 2, 2, [('Harlow & Finch', 2)])
    """
    n = len(recognition)
    source = recognition["industry_source"]
    known = int(source.notna().sum())
    by_source = {s: int((source == s).sum()) for s in INDUSTRY_SOURCES}
    names = pd.Series(companies, copy=False).set_axis(recognition.index)
    keys = recognition["company_key"]
    unknown_rows = source.isna() & ~recognition["unknowable"].astype(bool)
    unknown = int(unknown_rows.sum())
    top_unknown: list[tuple[str, int]] = []
    if unknown:
        frame = pd.DataFrame({"key": keys[unknown_rows], "name": names[unknown_rows].astype(str).str.strip()})
        counts = frame.groupby("key").size().sort_values(ascending=False, kind="stable").head(top)
        for key, count in counts.items():
            spelled = frame.loc[frame["key"] == key, "name"].value_counts()
            top_unknown.append((str(spelled.index[0]), int(count)))
    return {
        "people": n,
        "known": known,
        "known_share": known / n if n else 0.0,
        "by_source": by_source,
        "unknowable": n - known - unknown,
        "unknown": unknown,
        "top_unknown": top_unknown,
    }


def coverage_sentences(coverage: dict[str, object]) -> list[str]:
    """:func:`industry_coverage` in a few sentences a person reads.

    >>> coverage_sentences({"people": 10, "known": 7, "known_share": 0.7,
    ...                     "by_source": {"gazetteer": 5, "pattern": 2}, "unknown": 2, "unknowable": 1,
    ...                     "top_unknown": [("Harlow & Finch", 2)]})  # doctest: +NORMALIZE_WHITESPACE
    ['Industry known for 7 of 10 people (70%): 5 from the bundled company list, 2 from the shape of its name.',
     'Unknown for 2 people at companies nothing recognises; 1 has no company to go by (blank, self-employed, stealth…).',
     'Most unknown people: Harlow & Finch (2).']
    """
    n, known = int(coverage["people"]), int(coverage["known"])  # type: ignore[call-overload]
    by_source = coverage["by_source"]
    assert isinstance(by_source, dict)
    parts = ", ".join(f"{count:,} from {source_words(source)}" for source, count in by_source.items() if count)
    lines = [f"Industry known for {known:,} of {n:,} people ({float(coverage['known_share']):.0%})"  # type: ignore[arg-type]
             + (f": {parts}." if parts else ".")]
    unknown, unknowable = int(coverage["unknown"]), int(coverage["unknowable"])  # type: ignore[call-overload]
    if unknown or unknowable:
        lines.append(f"Unknown for {unknown:,} {'person' if unknown == 1 else 'people'} at companies nothing "
                     f"recognises; {unknowable:,} {'has' if unknowable == 1 else 'have'} no company to go by "
                     "(blank, self-employed, stealth…).")
    top = coverage["top_unknown"]
    if top:
        lines.append("Most unknown people: " + ", ".join(f"{name} ({count})" for name, count in top) + ".")  # type: ignore[union-attr]
    return lines
