"""What the user is looking for: a target spec of industries, companies, titles and more.

Build it from code, a TOML file, CLI flags or a mapping (the widgets use that). An empty
spec, an unknown industry or an unknown key is a clear :class:`InputError`.

>>> spec = TargetSpec.from_mapping({"industries": ["Fintech"], "titles": ["product manager"]})
>>> spec.industries, spec.titles
(('fintech',), ('product manager',))
>>> TargetSpec(industries="Fintech").validate().industries  # a single string is one value
('fintech',)
>>> TargetSpec().validate()
Traceback (most recent call last):
...
netanalytics.errors.InputError: The target is empty: give at least one of industries, companies, titles, functions, seniority, locations or schools (for example industries fintech and titles 'product manager').
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from netanalytics.errors import InputError
from netanalytics.safety import read_toml_input

__all__ = ["DEFAULT_FIT_WEIGHTS", "SENIORITY_ALIASES", "TargetSpec", "normalize_functions", "normalize_seniority"]

#: How much each criterion counts in :func:`netanalytics.scoring.fit.fit` (a weighted mean
#: over the criteria the spec uses).
DEFAULT_FIT_WEIGHTS: dict[str, float] = {
    "industries": 1.0,
    "companies": 1.0,
    "titles": 1.0,
    "functions": 1.0,
    "seniority": 0.5,
    "locations": 0.5,
    "schools": 0.5,
}

#: Older or everyday words for LinkedIn's seniority levels
#: (:data:`netanalytics.recognition.titles.SENIORITIES`).
SENIORITY_ALIASES: dict[str, str] = {
    "intern": "training", "internship": "training", "trainee": "training", "apprentice": "training",
    "volunteer": "unpaid", "junior": "entry", "entry level": "entry", "entry-level": "entry",
    "associate": "entry", "head": "director", "vice president": "vp", "svp": "vp", "evp": "vp",
    "executive": "cxo", "c-level": "cxo", "c-suite": "cxo", "chief": "cxo", "founder": "owner",
}

_CRITERIA = ("industries", "companies", "titles", "functions", "seniority", "locations", "schools")


def _vocabulary_key(value: str) -> str:
    return "_".join(value.strip().lower().replace("-", " ").replace("&", " and ").split())


def normalize_functions(values: tuple[str, ...]) -> tuple[str, ...]:
    """LinkedIn job-function keys from keys or labels ('Product Management', 'product-management').

    >>> normalize_functions(("Product Management", "engineering"))
    ('product_management', 'engineering')
    """
    from netanalytics.recognition.titles import FUNCTION_LABELS, FUNCTIONS

    by_label = {_vocabulary_key(label): key for key, label in FUNCTION_LABELS.items()}
    out: list[str] = []
    for value in values:
        key = by_label.get(_vocabulary_key(value), _vocabulary_key(value))
        if key not in FUNCTIONS:
            from rapidfuzz import process

            close = [m[0] for m in process.extract(key, list(FUNCTIONS), limit=3, score_cutoff=60)]
            raise InputError("functions", f"one of {', '.join(FUNCTIONS)}", f"'{value}'",
                             hint=f"Did you mean {', '.join(close)}?" if close else None, param="functions")
        if key not in out:
            out.append(key)
    return tuple(out)


def normalize_seniority(values: tuple[str, ...]) -> tuple[str, ...]:
    """LinkedIn seniority keys (unpaid … owner) from keys, labels or everyday words.

    >>> normalize_seniority(("Senior", "VP", "intern", "executive"))
    ('senior', 'vp', 'training', 'cxo')
    """
    from netanalytics.recognition.titles import SENIORITIES

    out: list[str] = []
    for value in values:
        word = " ".join(value.strip().lower().split())
        key = SENIORITY_ALIASES.get(word, word)
        if key not in SENIORITIES:
            raise InputError("seniority", f"one of {', '.join(SENIORITIES)}", f"'{value}'", param="seniority")
        if key not in out:
            out.append(key)
    return tuple(out)


def _as_tuple(value: Any, name: str, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise InputError(where, "a string or a list of strings", repr(value), field=name, param=name)
    return tuple(" ".join(v.split()) for v in value if v and v.strip())


@dataclass(frozen=True)
class TargetSpec:
    """A target: any of industries, companies, titles, functions, seniority, locations, schools.

    ``functions`` are LinkedIn's job functions and ``seniority`` its levels
    (:mod:`netanalytics.recognition.titles`), read from each person's title.

    ``weights`` overrides :data:`DEFAULT_FIT_WEIGHTS` per criterion. ``taxonomy_path``
    names a user TOML file that extends the shipped industry taxonomy.
    """

    industries: tuple[str, ...] = ()
    companies: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()
    functions: tuple[str, ...] = ()
    seniority: tuple[str, ...] = ()
    locations: tuple[str, ...] = ()
    schools: tuple[str, ...] = ()
    weights: Mapping[str, float] = field(default_factory=dict)
    taxonomy_path: str | None = None

    def __post_init__(self) -> None:
        # Checked where the spec is made: a lone string is one value, not its letters.
        for name in _CRITERIA:
            object.__setattr__(self, name, _as_tuple(getattr(self, name), name, "target"))

    def is_empty(self) -> bool:
        """True when no criterion is given."""
        return not any(getattr(self, c) for c in _CRITERIA)

    def fit_weights(self) -> dict[str, float]:
        """The weight of each criterion (defaults merged with ``weights``)."""
        return {**DEFAULT_FIT_WEIGHTS, **dict(self.weights)}

    def validate(self, taxonomy: Mapping[str, Any] | None = None) -> TargetSpec:
        """Check the spec; return it with industries and seniority normalised.

        Raises :class:`InputError` for an empty spec, an unknown industry (listing close
        matches), an unknown seniority level or a bad weight.
        """
        if self.is_empty():
            raise InputError(
                "The target is empty: give at least one of industries, companies, titles, "
                "functions, seniority, locations or schools (for example industries fintech and titles "
                "'product manager').",
                param="target",
            )
        for key, value in dict(self.weights).items():
            if key not in DEFAULT_FIT_WEIGHTS:
                raise InputError("weights", f"one of {', '.join(DEFAULT_FIT_WEIGHTS)}", repr(key), param="weights")
            if isinstance(value, bool) or not isinstance(value, int | float) or not value >= 0:
                raise InputError("weights", "a number >= 0", repr(value), field=key, param="weights")
        industries = tuple(i.strip().lower().replace(" ", "_").replace("-", "_") for i in self.industries)
        if industries:
            if taxonomy is None:
                from netanalytics.recognition.taxonomy import load_taxonomy

                taxonomy = load_taxonomy(self.taxonomy_path)
            for ind in industries:
                if ind not in taxonomy:
                    from rapidfuzz import process

                    close = [m[0] for m in process.extract(ind, list(taxonomy), limit=3, score_cutoff=50)]
                    hint = f"Did you mean {', '.join(close)}?" if close else None
                    raise InputError(
                        "industries", "an industry of the taxonomy (the industries list names them)",
                        f"'{ind}'", hint=hint, param="industries", next_step=None if close else "list_industries",
                    )
        seniority = normalize_seniority(self.seniority)
        functions = normalize_functions(self.functions)
        return replace(self, industries=industries, seniority=seniority, functions=functions)

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], *, where: str = "target") -> TargetSpec:
        """A spec from a dict such as ``{"industries": ["fintech"], "titles": [...]}``.

        Singular keys (``industry``, ``company``, ``title``, ``location``, ``school``) are
        accepted too. Raises :class:`InputError` for unknown keys or an empty spec.
        """
        aliases = {
            "industry": "industries", "company": "companies", "title": "titles",
            "location": "locations", "school": "schools", "level": "seniority", "function": "functions",
        }
        values: dict[str, Any] = {}
        for key, value in dict(data).items():
            name = aliases.get(key, key)
            if name in _CRITERIA:
                values[name] = values.get(name, ()) + _as_tuple(value, key, where)
            elif name == "weights":
                if not isinstance(value, Mapping):
                    raise InputError(where, "a table of weights", repr(value), field="weights")
                values["weights"] = dict(value)
            elif name in ("taxonomy", "taxonomy_path"):
                values["taxonomy_path"] = str(value) if value else None
            else:
                allowed = ", ".join((*_CRITERIA, "weights", "taxonomy"))
                raise InputError(where, f"keys among {allowed}", f"'{key}'")
        return cls(**values).validate()

    @classmethod
    def from_toml(cls, path: str | Path) -> TargetSpec:
        """A spec from a TOML file (top-level keys, or a ``[target]`` table)."""
        file = Path(path)
        data = read_toml_input(file, "target file")
        if isinstance(data.get("target"), dict):
            data = data["target"]
        return cls.from_mapping(data, where=str(file))

    @classmethod
    def from_cli_args(cls, args: Any) -> TargetSpec:
        """A spec from parsed command-line arguments (``industry``, ``company``, ``title``,
        ``seniority``, ``location``, ``school``, ``target_file``, ``taxonomy``): the target
        file is read first, the other values add to it."""
        base: dict[str, Any] = {}
        target_file = getattr(args, "target_file", None)
        if target_file:
            spec = cls.from_toml(target_file)
            base = {f.name: getattr(spec, f.name) for f in fields(spec)}
        for name, attr in (
            ("industries", "industry"), ("companies", "company"), ("titles", "title"), ("functions", "function"),
            ("seniority", "seniority"), ("locations", "location"), ("schools", "school"),
        ):
            extra = _as_tuple(getattr(args, attr, None), name, "target")
            base[name] = tuple(base.get(name, ())) + extra
        if getattr(args, "taxonomy", None):
            base["taxonomy_path"] = str(args.taxonomy)
        return cls(**base).validate()

    def describe(self) -> str:
        """The spec in a few words, for headings.

        >>> TargetSpec(industries=("fintech",), titles=("product manager",)).describe()
        "industry fintech; title 'product manager'"
        """
        parts = []
        if self.industries:
            parts.append("industry " + " or ".join(self.industries))
        if self.companies:
            parts.append("company " + " or ".join(self.companies))
        if self.titles:
            parts.append("title " + " or ".join(f"'{t}'" for t in self.titles))
        if self.functions:
            parts.append("function " + " or ".join(self.functions))
        if self.seniority:
            parts.append("seniority " + " or ".join(self.seniority))
        if self.locations:
            parts.append("in " + " or ".join(self.locations))
        if self.schools:
            parts.append("school " + " or ".join(self.schools))
        return "; ".join(parts)
