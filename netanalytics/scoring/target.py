"""What the user is looking for: a target spec of industries, companies, titles and more.

Build it from code, a TOML file, CLI flags or a mapping (the widgets use that). An empty
spec, an unknown industry or an unknown key is a clear :class:`InputError`.

>>> spec = TargetSpec.from_mapping({"industries": ["Fintech"], "titles": ["product manager"]})
>>> spec.industries, spec.titles
(('fintech',), ('product manager',))
>>> TargetSpec().validate()
Traceback (most recent call last):
...
netanalytics.errors.InputError: The target is empty: give at least one of industries, companies, titles, seniority, locations or schools (for example --industry fintech --title "product manager").
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from netanalytics.errors import InputError, NotFoundError
from netanalytics.safety import read_text_input

__all__ = ["DEFAULT_FIT_WEIGHTS", "SENIORITY_LEVELS", "TargetSpec"]

#: How much each criterion counts in :func:`netanalytics.scoring.fit.fit` (a weighted mean
#: over the criteria the spec uses).
DEFAULT_FIT_WEIGHTS: dict[str, float] = {
    "industries": 1.0,
    "companies": 1.0,
    "titles": 1.0,
    "seniority": 0.5,
    "locations": 0.5,
    "schools": 0.5,
}

#: Seniority levels and the title words that signal them.
SENIORITY_LEVELS: dict[str, tuple[str, ...]] = {
    "intern": ("intern", "internship", "trainee", "apprentice"),
    "junior": ("junior", "associate", "assistant", "entry level", "graduate"),
    "mid": ("analyst", "specialist", "engineer", "manager", "consultant", "designer"),
    "senior": ("senior", "sr", "lead", "principal", "staff"),
    "manager": ("manager", "head", "supervisor", "team lead"),
    "director": ("director", "head of", "vp", "vice president"),
    "executive": ("chief", "ceo", "cto", "cfo", "coo", "cpo", "president", "founder", "partner", "owner"),
}

_CRITERIA = ("industries", "companies", "titles", "seniority", "locations", "schools")


def _as_tuple(value: Any, name: str, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise InputError(where, "a string or a list of strings", repr(value), field=name)
    return tuple(" ".join(v.split()) for v in value if v and v.strip())


@dataclass(frozen=True)
class TargetSpec:
    """A target: any of industries, companies, titles, seniority, locations, schools.

    ``weights`` overrides :data:`DEFAULT_FIT_WEIGHTS` per criterion. ``taxonomy_path``
    names a user TOML file that extends the shipped industry taxonomy.
    """

    industries: tuple[str, ...] = ()
    companies: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()
    seniority: tuple[str, ...] = ()
    locations: tuple[str, ...] = ()
    schools: tuple[str, ...] = ()
    weights: Mapping[str, float] = field(default_factory=dict)
    taxonomy_path: str | None = None

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
                "seniority, locations or schools (for example --industry fintech --title "
                '"product manager").'
            )
        for key, value in dict(self.weights).items():
            if key not in DEFAULT_FIT_WEIGHTS:
                raise InputError("target weights", f"one of {', '.join(DEFAULT_FIT_WEIGHTS)}", repr(key))
            if not isinstance(value, int | float) or value < 0:
                raise InputError("target weights", "a number >= 0", repr(value), field=key)
        industries = tuple(i.strip().lower().replace(" ", "_").replace("-", "_") for i in self.industries)
        if industries:
            if taxonomy is None:
                from netanalytics.scoring.taxonomy import load_taxonomy

                taxonomy = load_taxonomy(self.taxonomy_path)
            for ind in industries:
                if ind not in taxonomy:
                    from rapidfuzz import process

                    close = [m[0] for m in process.extract(ind, list(taxonomy), limit=3, score_cutoff=50)]
                    hint = f"Did you mean {', '.join(close)}?" if close else ""
                    raise InputError(
                        "target industry", "an industry of the taxonomy (see `netanalytics industries`)",
                        f"'{ind}'", hint=hint or "Run `netanalytics industries` to list them.",
                    )
        seniority = tuple(s.strip().lower() for s in self.seniority)
        for level in seniority:
            if level not in SENIORITY_LEVELS:
                raise InputError(
                    "target seniority", f"one of {', '.join(SENIORITY_LEVELS)}", f"'{level}'"
                )
        return replace(self, industries=industries, seniority=seniority)

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], *, where: str = "target") -> TargetSpec:
        """A spec from a dict such as ``{"industries": ["fintech"], "titles": [...]}``.

        Singular keys (``industry``, ``company``, ``title``, ``location``, ``school``) are
        accepted too. Raises :class:`InputError` for unknown keys or an empty spec.
        """
        aliases = {
            "industry": "industries", "company": "companies", "title": "titles",
            "location": "locations", "school": "schools", "level": "seniority",
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
        try:
            data = tomllib.loads(read_text_input(file))
        except NotFoundError:
            raise InputError(f"Target file {file} does not exist.") from None
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise InputError(str(file), "a TOML target file", f"invalid TOML ({exc})") from None
        if isinstance(data.get("target"), dict):
            data = data["target"]
        return cls.from_mapping(data, where=str(file))

    @classmethod
    def from_cli_args(cls, args: Any) -> TargetSpec:
        """A spec from parsed CLI flags; ``--target-file`` is read first, flags add to it."""
        base: dict[str, Any] = {}
        target_file = getattr(args, "target_file", None)
        if target_file:
            spec = cls.from_toml(target_file)
            base = {f.name: getattr(spec, f.name) for f in fields(spec)}
        for name, attr in (
            ("industries", "industry"), ("companies", "company"), ("titles", "title"),
            ("seniority", "seniority"), ("locations", "location"), ("schools", "school"),
        ):
            extra = _as_tuple(getattr(args, attr, None), f"--{attr}", "command line")
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
        if self.seniority:
            parts.append("seniority " + " or ".join(self.seniority))
        if self.locations:
            parts.append("in " + " or ".join(self.locations))
        if self.schools:
            parts.append("school " + " or ".join(self.schools))
        return "; ".join(parts)
