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
netanalytics.errors.InputError: The target is empty: give at least one of industries, companies, titles, functions, seniority, locations, schools or near (for example industries fintech and titles 'product manager').
>>> TargetSpec(near="Boston, MA", within_km=25).validate().describe()
'near Boston, MA (within 25 km)'
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from netanalytics.errors import InputError
from netanalytics.safety import read_toml_input

__all__ = [
    "DEFAULT_FIT_WEIGHTS", "DEFAULT_NEAR_KM", "SENIORITY_ALIASES", "TargetSpec", "normalize_functions",
    "normalize_near", "normalize_seniority",
]

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
    "near": 0.5,
}
#: How far from a ``near`` place (km) counts as near, unless the spec says otherwise:
#: the coffee distance of :data:`netanalytics.recognition.places.COFFEE_RADIUS_KM`.
DEFAULT_NEAR_KM = 40.0
#: The largest radius a ``near`` place takes (half the Earth's circumference).
MAX_NEAR_KM = 20_000.0

#: Older or everyday words for LinkedIn's seniority levels
#: (:data:`netanalytics.recognition.titles.SENIORITIES`).
SENIORITY_ALIASES: dict[str, str] = {
    "intern": "training", "internship": "training", "trainee": "training", "apprentice": "training",
    "volunteer": "unpaid", "junior": "entry", "entry level": "entry", "entry-level": "entry",
    "associate": "entry", "head": "director", "vice president": "vp", "svp": "vp", "evp": "vp",
    "executive": "cxo", "c-level": "cxo", "c-suite": "cxo", "chief": "cxo", "founder": "owner",
}

_CRITERIA = ("industries", "companies", "titles", "functions", "seniority", "locations", "schools", "near")


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


def normalize_near(places: tuple[str, ...], within_km: Any) -> float:
    """Check ``near`` places and the radius: each place must be one the place data knows
    with a point on the map (a city or a metro area; a state or a country is too broad);
    returns the radius as a float.

    >>> normalize_near(("Cambridge, MA",), 10)
    10.0
    >>> normalize_near(("Massachusetts",), 40)
    Traceback (most recent call last):
    ...
    netanalytics.errors.InputError: near: expected a city or a metro area, found 'Massachusetts' (Massachusetts, US: a region, too broad to measure a distance from). For example 'Boston, MA' or 'Greater Seattle Area'.
    """
    if isinstance(within_km, bool) or not isinstance(within_km, int | float) or not 0 < within_km <= MAX_NEAR_KM:
        raise InputError("within_km", f"a distance in km, more than 0 and at most {MAX_NEAR_KM:,.0f}",
                         repr(within_km), param="within_km")
    if places:
        from netanalytics.recognition.places import normalize_location

        for text in places:
            place = normalize_location(text)
            if place is None:
                raise InputError("near", "a place netanalytics knows (a city or a metro area)", repr(text),
                                 hint="Write it as LinkedIn does, e.g. 'Boston, MA' or 'Greater Seattle Area'.",
                                 param="near")
            if not place.has_coordinates:
                raise InputError("near", "a city or a metro area",
                                 f"'{text}' ({place.label}: a {place.kind}, too broad to measure a distance from)",
                                 hint="For example 'Boston, MA' or 'Greater Seattle Area'.", param="near")
    return float(within_km)


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

    ``locations`` match the location's text; ``near`` places (cities or metro areas)
    match people whose place lies within ``within_km`` of one of them (or in the same metro
    area as a metro given), by :func:`netanalytics.recognition.places.within`. ``schools``
    match the schools people studied at (saved profiles, your own word) or work at.

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
    near: tuple[str, ...] = ()
    within_km: float = DEFAULT_NEAR_KM
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
                "functions, seniority, locations, schools or near (for example industries fintech and titles "
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
        within_km = normalize_near(self.near, self.within_km)
        return replace(self, industries=industries, seniority=seniority, functions=functions, within_km=within_km)

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], *, where: str = "target") -> TargetSpec:
        """A spec from a dict such as ``{"industries": ["fintech"], "titles": [...]}``.

        Singular keys (``industry``, ``company``, ``title``, ``location``, ``school``) are
        accepted too; ``near`` takes places and ``within_km`` the radius around them.
        Raises :class:`InputError` for unknown keys or an empty spec.
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
            elif name == "within_km":
                values["within_km"] = value
            else:
                allowed = ", ".join((*_CRITERIA, "within_km", "weights", "taxonomy"))
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
        ``seniority``, ``location``, ``school``, ``near``, ``within_km``, ``target_file``,
        ``taxonomy``): the target file is read first, the other values add to it."""
        base: dict[str, Any] = {}
        target_file = getattr(args, "target_file", None)
        if target_file:
            spec = cls.from_toml(target_file)
            base = {f.name: getattr(spec, f.name) for f in fields(spec)}
        for name, attr in (
            ("industries", "industry"), ("companies", "company"), ("titles", "title"), ("functions", "function"),
            ("seniority", "seniority"), ("locations", "location"), ("schools", "school"), ("near", "near"),
        ):
            extra = _as_tuple(getattr(args, attr, None), name, "target")
            base[name] = tuple(base.get(name, ())) + extra
        if getattr(args, "within_km", None) is not None:
            base["within_km"] = args.within_km
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
        if self.near:
            parts.append("near " + " or ".join(self.near) + f" (within {self.within_km:g} km)")
        return "; ".join(parts)
