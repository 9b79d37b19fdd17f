"""The industry of an organisation, from the name an export gives, with a source and a reason.

Layers, most trusted first (the user's own labels and colleagues' titles are added above
and between them by the callers that own that data):

1. **unknowable** names ("Self-employed", "Stealth Startup", "Confidential", blank...) get
   no industry, never a guess;
2. the **gazetteer** bundled in ``netanalytics/data/organisations.tsv`` (built by
   ``scripts/build_organisations.py`` from a curated list, the S&P 500, a FinanceDatabase
   extract and a list of universities): exact on the normalised name or an alias;
3. **institution patterns** in several languages ("Universidad de Chile" reads as a
   university, "Klinikum Stuttgart" as a hospital);
4. **name keywords** of the taxonomy ("Bluefin Payments" contains 'payments'), last.

Matching is exact, never loose: a name is normalised (:func:`normalize_company`), then
looked up whole; the only other attempt drops a trailing country or region qualifier from
a fixed list ("PwC India", "Accenture in India", "KPMG US"). "Ramp" is never LiveRamp.

>>> recognise_company("Stripe, Inc.").industries
('fintech', 'software')
>>> recognise_company("Universidad de Chile").reason
"'Universidad de Chile' reads as a university (education)"
>>> recognise_company("Self-employed") is None
True
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np
import pandas as pd
from unidecode import unidecode

from netanalytics.recognition.taxonomy import Industry, company_keyword_match, load_taxonomy
from netanalytics.text import norm_text

__all__ = [
    "IndustryAnswer",
    "Organisation",
    "gazetteer",
    "is_unknowable",
    "lookup_key",
    "normalize_company",
    "recognise_companies",
    "recognise_company",
]

GAZETTEER_FILE = "data/organisations.tsv"

# --------------------------------------------------------------------------- normalising

# Legal forms stripped from the end of a name. The bulk comes from cleanco's term data (MIT),
# compiled once into one regex; a few of its two-letter terms are left out because they are
# also words or country codes people write after a name ("UK", "AT", "OK"), and a few common
# forms it lacks are added ("Pvt", "SE", "S.p.A.", "& Co.").
_LEGAL_EXTRA = (
    "pvt", "pvt ltd", "private ltd", "private limited", "pvt limited", "se", "spa", "sas",
    "sab de cv", "sa de cv", "s de rl de cv", "sapi de cv", "sab", "ltda", "eireli", "me",
    "and co", "and company", "and cie", "et cie", "and co kg", "co kg", "gmbh and co kg",
    "ag and co kg", "kgaa", "ohg", "gbr", "ug", "llc", "pllc", "inc", "corp", "co", "plc",
    "ltd", "limited", "lp", "llp", "lllp", "pc", "pa", "nv", "bv", "ab", "asa", "oyj", "as",
    "aps", "a s", "na", "sarl", "srl", "sl", "sa", "kk", "tbk", "bhd", "sdn bhd", "pte ltd", "pty ltd",
    "pte", "pty", "incorporated", "corporation", "company",
)
_LEGAL_EXCLUDED = frozenset({"uk", "at", "ok", "private", "unlimited", "ik", "fa", "ud", "xt", "et", "ei"})


def _legal_terms() -> list[str]:
    try:
        from cleanco.termdata import terms_by_country, terms_by_type
    except ImportError:  # pragma: no cover - cleanco is a declared dependency
        terms_by_country, terms_by_type = {}, {}
    raw = [t for terms in (*terms_by_type.values(), *terms_by_country.values()) for t in terms]
    out = set()
    for term in (*raw, *_LEGAL_EXTRA):
        norm = " ".join(_clean_text(term).split())
        if norm and norm not in _LEGAL_EXCLUDED and re.fullmatch(r"[a-z0-9 ]+", norm):
            out.add(norm)
    return sorted(out, key=lambda t: (-len(t), t))


_PARENS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_CUT = re.compile(r"\s+[·|•]\s.*$|\s*[·|•]\s*$")
_INNER_DOT = re.compile(r"(?<=\w)[.'’`´](?=\w)|(?<=\w)['’](?=\s|$)")
_NON_WORD = re.compile(r"[^a-z0-9]+")


def _clean_text(text: str) -> str:
    """Lower-case ASCII words: accents folded, '&' -> 'and', dots and apostrophes closed up."""
    if not text.isascii():
        text = unidecode(text)
    text = text.lower().replace("&", " and ")
    text = _INNER_DOT.sub("", text)
    return _NON_WORD.sub(" ", text)


@lru_cache(maxsize=1)
def _legal_suffix() -> re.Pattern[str]:
    body = "|".join(re.escape(t).replace(r"\ ", " ") for t in _legal_terms())
    return re.compile(rf"(?:\s(?:{body}))+$")


def normalize_company(name: object) -> str:
    """The comparable form of an organisation name: what the gazetteer is keyed on.

    Drops what follows a '·' or '|' and anything in brackets ("(The)", "(AWS)"), folds
    accents and case, writes '&' as 'and', closes up dots and apostrophes ("J.P." -> "jp",
    "Booking.com" -> "bookingcom": a domain is part of the name), drops a leading "The" and trailing legal forms
    ("Inc.", "GmbH", "S.A. de C.V.", "Pvt Ltd", "& Co."), keeping at least one word.
    Never raises; anything that is not text gives ''.

    >>> normalize_company("The Goldman Sachs Group, Inc.")
    'goldman sachs group'
    >>> normalize_company("Goldman Sachs Group, Inc. (The)")
    'goldman sachs group'
    >>> normalize_company("Nestlé S.A.")
    'nestle'
    >>> normalize_company("J.P. Morgan & Co.")
    'jp morgan'
    >>> normalize_company("Amazon Web Services (AWS)")
    'amazon web services'
    """
    if not isinstance(name, str):
        if name is None or (isinstance(name, float) and math.isnan(name)):
            return ""
        name = str(name)
    text = _CUT.sub("", _PARENS.sub(" ", _PARENS.sub(" ", name)))
    words = _clean_text(text).split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return _strip_legal(" ".join(words))


def _strip_legal(text: str) -> str:
    """``text`` without its trailing legal forms, keeping at least one word."""
    match = _legal_suffix().search(text)
    if match and match.start() > 0:
        return text[: match.start()]
    return text


def lookup_key(normalized: str) -> str:
    """The gazetteer key of a normalised name: its words run together ("jp morgan" = "jpmorgan").

    >>> lookup_key(normalize_company("JP Morgan")) == lookup_key(normalize_company("J.P. Morgan"))
    True
    """
    return normalized.replace(" ", "")


# A trailing country or region qualifier, tried only when the whole name is not in the
# gazetteer ("PwC India", "Accenture in India", "Volkswagen do Brasil", "KPMG US").
_QUALIFIERS = (
    "us", "usa", "u s", "u s a", "united states", "uk", "u k", "united kingdom", "great britain",
    "england", "scotland", "wales", "ireland", "india", "deutschland", "germany", "brasil",
    "brazil", "mexico", "argentina", "chile", "colombia", "peru", "uruguay", "ecuador",
    "france", "espana", "spain", "italia", "italy", "nederland", "netherlands", "the netherlands",
    "belgium", "belgique", "belgie", "switzerland", "schweiz", "suisse", "austria", "osterreich",
    "sweden", "sverige", "norway", "norge", "denmark", "danmark", "finland", "suomi", "poland",
    "polska", "portugal", "czech republic", "romania", "hungary", "greece", "turkey", "turkiye",
    "canada", "australia", "new zealand", "singapore", "japan", "china", "hong kong", "korea",
    "south korea", "taiwan", "philippines", "indonesia", "malaysia", "thailand", "vietnam",
    "pakistan", "bangladesh", "sri lanka", "israel", "uae", "united arab emirates", "dubai",
    "saudi arabia", "qatar", "egypt", "south africa", "nigeria", "kenya", "morocco",
    "emea", "apac", "latam", "latin america", "asia pacific", "asia", "europe", "north america",
    "americas", "nordics", "benelux", "dach", "middle east", "africa", "anz", "usa inc",
)
_QUALIFIER = re.compile(
    r"^(.+?)\s(?:(?:in|do|da|de|del|of|for)\s)?(?:"
    + "|".join(sorted((re.escape(q).replace(r"\ ", " ") for q in _QUALIFIERS), key=len, reverse=True))
    + r")$"
)


# --------------------------------------------------------------------------- unknowable

_UNKNOWABLE_EXACT = frozenset({
    "", "na", "n a", "none", "nil", "null", "nan", "unknown", "various", "various companies",
    "multiple", "multiple companies", "several", "misc", "miscellaneous", "confidential",
    "undisclosed", "private", "private company", "retired", "unemployed", "jobless",
    "open to work", "student", "students", "independent", "self", "myself", "me", "home",
    "homemaker", "housewife", "stay at home", "stay at home mom", "stay at home dad",
    "stay at home parent", "career break", "sabbatical", "parental leave", "maternity leave",
    "company", "my company", "my own company", "my own business", "own business",
    "own company", "family business", "tbd", "tba", "xxx", "x", "entrepreneur", "startup",
    "start up", "stealth", "consultant", "contractor", "freelance", "freelancer", "volunteer",
    "volunteering", "looking", "available", "seeking", "job seeker", "jobseeker",
    "in transition", "between jobs", "personal", "individual", "sole proprietor",
    "sole trader", "owner", "business owner", "founder", "self employed", "selfemployed",
    "not employed", "not working", "none currently", "currently unemployed", "n", "no",
    "formerly", "previous", "confidencial", "confidentiel", "vertraulich", "riservato",
    "particular", "privado", "prive", "privat",
    # other languages
    "autonomo", "autonoma", "autonomos", "trabajador independiente", "trabajador autonomo",
    "trabajadora autonoma", "cuenta propia", "por cuenta propia", "independiente",
    "profissional autonomo", "profissional liberal", "autonomo profissional", "freela",
    "selbststandig", "selbstandig", "selbststaendig", "selbstaendig", "freiberufler",
    "freiberuflerin", "freiberuflich", "freischaffend", "independant", "independante",
    "auto entrepreneur", "autoentrepreneur", "micro entrepreneur", "travailleur independant",
    "consultant independant", "libero professionista", "lavoratore autonomo", "zzp", "zzper",
    "zzp er", "zelfstandige", "zelfstandig ondernemer", "eigen bedrijf", "jubilado",
    "jubilada", "aposentado", "aposentada", "retraite", "retraitee", "en retraite", "rentner",
    "rentnerin", "im ruhestand", "ruhestand", "pensionato", "pensionata", "pensionista",
    "gepensioneerd", "desempregado", "desempregada", "desempleado", "desempleada",
    "arbeitslos", "arbeitssuchend", "sans emploi", "en recherche d emploi", "disoccupato",
    "werkzoekend", "estudiante", "estudante", "etudiant", "etudiante", "studentin",
    "studente", "studentessa", "universitario", "empreendedor", "emprendedor", "emprendedora",
    "empreendedora", "proprio", "propria", "eigenes unternehmen", "propia", "conta propria",
})
_UNKNOWABLE_START = re.compile(
    r"^(?:self\s?employed|freelanc|free\slance|stealth|confidential|looking\s(?:for|to)|"
    r"seeking\s|open\sto\s(?:work|new|opportunit)|career\s(?:break|transition|change)|"
    r"independent\s(?:consult|contract|advis|professional|research|investor|director|"
    r"writer|artist|designer|photograph|film|journalist|coach|trainer|recruit|worker|"
    r"business|practitioner|agent|developer|software|marketing|sales)|"
    r"selbst(?:st)?(?:a|ae)ndig|freiberuf|autonom[oa]s?\s|"
    r"trabajador(?:a)?\s(?:independiente|autonom)|independiente\s|"
    r"(?:consultant|consultor|consultora|conseil|berater|consulente)\s(?:independ|freelanc|autonom|selbst)|"
    r"independ[ae]nt[e]?\s(?:consult|contract)|auto\s?entrepreneur|micro\s?entrepreneur|"
    r"zzp|zelfstandig|libero\sprofessionista|retired\s(?:from|since|as)|"
    r"unemployed|currently\s(?:unemployed|looking|seeking|between|not|on|open)|"
    r"on\s(?:a\s)?(?:career|parental|maternity|paternity)\s|"
    r"not\s(?:applicable|employed|working|disclosed)|"
    r"sabbatical|between\s(?:jobs|roles|opportunities)|in\stransition|"
    r"student\s(?:at|of)\s|various\s|multiple\s(?:clients|companies|employers)|"
    r"(?:my\sown|own)\s(?:business|company|consult)|"
    r"startup\s(?:in\sstealth|stealth)|stealth\s|"
    r"(?:self|freelance)\s)"
)


def is_unknowable(name: object) -> bool:
    """True for names that say nothing about an industry: no answer, and never a guess.

    Self-employment, freelancing, stealth start-ups, confidential employers, retirement,
    unemployment, studies, placeholders ("N/A", "-", "Various", blank), in English,
    Spanish, Portuguese, French, German, Italian and Dutch.

    >>> [is_unknowable(n) for n in ["Self-Employed", "Stealth Startup", "Autónomo", "Stripe"]]
    [True, True, True, False]
    >>> is_unknowable("Independent Bank")
    False
    """
    norm = normalize_company(name)
    if norm in _UNKNOWABLE_EXACT:
        return True
    return bool(_UNKNOWABLE_START.match(norm)) or not any(ch.isalpha() for ch in norm)


# --------------------------------------------------------------------------- patterns


@dataclass(frozen=True)
class _Pattern:
    industry: str
    noun: str  # "a university": what the name reads as
    regex: re.Pattern[str]


def _words(*alternatives: str) -> str:
    return r"\b(?:" + "|".join(alternatives) + r")\b"


# Decided order (first match wins) and why:
#  1. savings banks and credit unions before universities and places ("University Federal
#     Credit Union", "Navy Federal Credit Union" are banks), food banks before banks;
#  2. hospitals and health systems before universities ("University Hospital", "UCSF Medical
#     Center": the workplace is a hospital);
#  3. universities, colleges and schools before banks and government ("Bank Street College
#     of Education" is a college; "Department of Physics, University of Oslo" a university);
#  4. law and accounting shapes before government and banks;
#  5. government, police, fire and the armed forces;
#  6. banks; 7. foundations, charities, churches and museums (non-profit).
# "& Co." is a legal form (banks, consultancies, jewellers, trading houses use it alike):
# it is stripped by the normaliser and signals no industry on its own.
_PATTERNS: tuple[_Pattern, ...] = tuple(
    _Pattern(industry, noun, re.compile(regex))
    for industry, noun, regex in (
        ("nonprofit", "a food bank", _words("food bank", "foodbank", "banco de alimentos", "tafel")),
        ("healthcare", "a blood bank", _words("blood bank", "banco de sangre", "banco de sangue")),
        ("banking", "a credit union or savings bank", _words(
            "credit union", "federal credit union", "caja", "caja rural", "caja de ahorros",
            "caixa economica", "caisse d epargne", "caisse populaire", "caisse desjardins",
            "credit agricole", "sparkasse", "stadtsparkasse", "kreissparkasse", "volksbank",
            "raiffeisenbank", "raiffeisenkasse", "genossenschaftsbank", "cassa di risparmio",
            "banca popolare", "banca di credito cooperativo", "savings bank", "savings and loan",
            "building society", "cooperativa de credito", "cooperativa de ahorro",
            r"\w+sparkasse", r"\w+volksbank")),
        ("healthcare", "a hospital or health system", _words(
            r"hospital\w*", "hopital", "hopitaux", "hospitais", "ospedale", "ospedali",
            "ziekenhuis", r"\w+ziekenhuis", "krankenhaus", r"\w+krankenhaus", "klinikum",
            r"\w*klinikum", "kliniken", "universitatsklinikum", "uniklinik", "clinic", "clinics",
            "clinica", "clinicas", "clinique", "klinik", "policlinico", "poliklinik",
            "health system", "health systems", "healthcare system", "health care system",
            "medical center", "medical centre", "medical centers", "health center",
            "health centre", "cancer center", "cancer centre", "cancer institute",
            "nhs trust", "nhs foundation trust", "foundation trust", "health board",
            "health service executive", "health services", "sanatorio", "santa casa",
            "hospital das clinicas", "ap hp", "assistance publique",
            "azienda ospedaliera", "azienda sanitaria", "azienda usl",
            "medisch centrum", "universitair medisch centrum", "chu de", "chu d", "chru de",
            "physicians group", "medical group", "surgery center", "nursing home",
            "care home", "senior living", "rehabilitation center", "urgent care")),
        ("education", "a university", _words(
            "university", "universities", "universidad", "universidade", "universite",
            "universitat", "universita", "universiteit", "universitet", "uniwersytet",
            "universitatea", "univerzita", "yliopisto", "egyetem", r"\w+universitat",
            r"\w+universiteit", "hochschule", r"\w+hochschule", "fachhochschule", "hogeschool",
            "politecnico", "polytechnic", "politecnica", "polytechnique", "ecole polytechnique",
            "institute of technology", "institut fur technologie", "instituto tecnologico",
            "instituto federal", "technische universitat", "tu", "eth", "epfl")),
        ("education", "a college or school", _words(
            "college", "colleges", "community college", r"school of \w+", "business school",
            "law school", "medical school", "graduate school", "high school", "middle school",
            "elementary school", "primary school", "secondary school", "grammar school",
            "public schools", "public school", "school district", "school board",
            "independent school district", "isd", "unified school district",
            "schools", "academy trust", "escuela", "escola", "ecole", "scuola", "colegio",
            "liceo", "lycee", "gymnasium", "grundschule", "gesamtschule", "realschule",
            "berufsschule", "instituto de educacion", "faculdade", "facultad", "faculte",
            "seminary", "conservatory", "conservatoire", "kindergarten", "preschool",
            "montessori", "day school", "charter school", "charter schools")),
        ("legal", "a law firm", _words(
            "law firm", "law firms", "law office", "law offices", "law group", "law practice",
            "law partners", "law chambers", "attorneys", "attorneys at law", "attorney at law",
            "lawyers", "solicitors", "barristers", "chambers", "abogados", "abogado",
            "advogados", "advogado", "advocacia", "sociedade de advogados", "avocats",
            "avocat", "cabinet d avocats", "rechtsanwalte", "rechtsanwalt",
            "rechtsanwaltsgesellschaft", "anwaltskanzlei", "kanzlei", "avvocati", "avvocato",
            "studio legale", "advocaten", "advocatenkantoor", "notaris", "notaires", "notariat",
            "legal services", "legal aid", "law partners")),
        ("legal", "a law firm (partners' names and LLP)", r"\band\b.*\bl ?l ?p$"),
        ("accounting", "an accounting firm", _words(
            "chartered accountants", "chartered accountant", "certified public accountants",
            "cpa", "cpas", "cpa firm", "accountants", "accounting firm", "accountancy",
            "wirtschaftsprufung", "wirtschaftsprufungsgesellschaft", "wirtschaftsprufer",
            "steuerberatung", "steuerberater", "steuerberatungsgesellschaft",
            "expert comptable", "experts comptables", "expertise comptable", "commissaires aux comptes",
            "contadores", "contadores publicos", "contabilidade", "contabilidad", "auditores",
            "commercialisti", "studio commercialista", "revisori", "accountantskantoor",
            "registeraccountants", "tax advisors", "tax advisers")),
        ("government", "a government body", _words(
            "department of", "dept of", "ministry", "ministries", "ministerio", "ministere",
            "ministerium", "bundesministerium", "ministero", "ministerie", "ministerstvo",
            "city of", "town of", "village of", "county of", "state of", "commonwealth of",
            "government of", "govt of", "government", "gobierno", "governo", "gouvernement",
            "regierung", "bundesamt", "landesamt", "bundesagentur", "prefeitura",
            "ayuntamiento", "municipalidad", "municipio", "alcaldia", "mairie", "gemeente",
            "comune di", "provincia di", "regione", "stadtverwaltung", "landratsamt",
            "secretaria de", "secretaria da", "secretariat", "county", "county government",
            "borough council", "city council", "county council", "district council",
            "town council", "parish council", "council", "municipality", "municipal",
            "police", "police department", "sheriff", "sheriffs office", "fire department",
            "fire rescue", "fire and rescue", "policia", "polizei", "gendarmerie", "carabinieri",
            "army", "navy", "air force", "marine corps", "marines", "coast guard",
            "national guard", "space force", "armed forces", "defence force", "defense force",
            "bundeswehr", "ejercito", "exercito", "armee", "marinha", "armada",
            "public service", "civil service", "federal agency", "state agency",
            "administration", "parliament", "senate", "house of representatives", "congress",
            "court", "courts", "judiciary", "tribunal", "embassy", "consulate", "united nations")),
        ("banking", "a bank", _words(
            "bank", "banks", "banking", "bancorp", "bancshares", "banco", "banca", "banque",
            "bankhaus", "bancorporation", r"\w+bank")),
        ("nonprofit", "a foundation or charity", _words(
            "foundation", "fundacion", "fundacao", "fondation", "stiftung", "fondazione",
            "stichting", "fundacja", "charity", "charities", "charitable trust",
            "nonprofit", "non profit", "not for profit", "ngo", "ong", "verein",
            "association", "asociacion", "associacao", "church", "iglesia", "igreja",
            "eglise", "kirche", "parish", "diocese", "museum",
            "museo", "musee", "red cross", "cruz roja", "croix rouge", "ymca", "ywca",
            "habitat for humanity", "united way", "humane society")),
    )
)
_ANY_PATTERN = re.compile("|".join(f"(?:{p.regex.pattern})" for p in _PATTERNS))


# --------------------------------------------------------------------------- gazetteer


@dataclass(frozen=True)
class Organisation:
    """One organisation of the bundled gazetteer."""

    name: str
    industries: tuple[str, ...]
    sub_industry: str | None
    country: str | None
    region: str | None
    kind: str
    source: str


_SOURCE_PHRASE = {
    "curated": "the bundled company list",
    "sp500": "the bundled company list",
    "financedatabase": "the bundled company list",
    "universities": "the bundled list of universities",
}


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, Organisation]:
    """The bundled organisations, by lookup key (loaded once, on first use).

    >>> gazetteer()[lookup_key(normalize_company("Kaiser Permanente"))].industries[0]
    'healthcare'
    """
    text = resources.files("netanalytics").joinpath(GAZETTEER_FILE).read_text("utf-8")
    rows: dict[str, Organisation] = {}
    interned: dict[tuple, Organisation] = {}
    for line in text.splitlines():
        if not line or line[0] == "#":
            continue
        key, name, industries, sub, country, region, kind, source = line.split("\t")
        record = (name, industries, sub, country, region, kind, source)
        org = interned.get(record)
        if org is None:
            org = Organisation(
                name, tuple(industries.split(",")), sub or None, country or None,
                region or None, kind, source,
            )
            interned[record] = org
        rows[key] = org
    return rows


# --------------------------------------------------------------------------- answers


@dataclass(frozen=True)
class IndustryAnswer:
    """The industry recognised for an organisation name, where it came from and why.

    ``industry`` is the primary taxonomy key, ``industries`` all of them (primary first);
    ``source`` is "gazetteer", "pattern" or "keyword"; ``reason`` is a sentence for the
    user; ``organisation`` the canonical name of a gazetteer hit; ``sub_industry`` a finer
    label where the source gives one.
    """

    industry: str
    industries: tuple[str, ...]
    source: str
    reason: str
    organisation: str | None = None
    sub_industry: str | None = None


def _gazetteer_answer(name: str, norm: str) -> IndustryAnswer | None:
    table = gazetteer()
    org = table.get(lookup_key(norm))
    if org is None:
        match = _QUALIFIER.match(norm)
        if match:  # "McKinsey & Company India" -> "mckinsey and company" -> "mckinsey"
            org = table.get(lookup_key(_strip_legal(match.group(1))))
    if org is None:
        return None
    said = name.strip()
    listed = ", ".join(org.industries)
    phrase = _SOURCE_PHRASE.get(org.source, "the bundled company list")
    reason = f"{org.name}: {listed}, from {phrase}"
    if lookup_key(norm) != lookup_key(normalize_company(org.name)):
        reason = f"'{said}' is {reason}"
    return IndustryAnswer(org.industries[0], org.industries, "gazetteer", reason, org.name, org.sub_industry)


def _pattern_answer(name: str) -> IndustryAnswer | None:
    # On the cleaned name with its legal form kept: "Latham & Watkins LLP" shows its LLP.
    text = " ".join(_clean_text(_PARENS.sub(" ", name)).split())
    if not _ANY_PATTERN.search(text):
        return None
    for pattern in _PATTERNS:
        if pattern.regex.search(text):
            reason = f"'{name.strip()}' reads as {pattern.noun} ({pattern.industry})"
            return IndustryAnswer(pattern.industry, (pattern.industry,), "pattern", reason)
    return None  # pragma: no cover - _ANY_PATTERN matched, so one of them does


def _keyword_answer(name: str, taxonomy: dict[str, Industry]) -> IndustryAnswer | None:
    found = company_keyword_match(norm_text(name), taxonomy)
    if found is None:
        return None
    industry, word = found
    return IndustryAnswer(industry, (industry,), "keyword", f"name contains '{word}'")


@lru_cache(maxsize=1)
def _shipped_taxonomy() -> dict[str, Industry]:
    return load_taxonomy()


def recognise_company(
    name: object, taxonomy: dict[str, Industry] | None = None
) -> IndustryAnswer | None:
    """The industry of one organisation name, or None when it is unknowable or unknown.

    Unknowable names first (None), then the gazetteer, institution patterns, name keywords.

    >>> recognise_company("PwC India").reason
    "'PwC India' is PwC: accounting, consulting, from the bundled company list"
    >>> recognise_company("Bluefin Payments").reason
    "name contains 'payments'"
    >>> recognise_company("Harlow & Finch") is None
    True
    """
    if not isinstance(name, str) or is_unknowable(name):
        return None
    norm = normalize_company(name)
    return (
        _gazetteer_answer(name, norm)
        or _pattern_answer(name)
        or _keyword_answer(name, taxonomy if taxonomy is not None else _shipped_taxonomy())
    )


COLUMNS = ("industry", "industries", "industry_source", "industry_reason", "organisation")


def recognise_companies(
    names: pd.Series, taxonomy: dict[str, Industry] | None = None
) -> pd.DataFrame:
    """:func:`recognise_company` over a column, aligned with it; each distinct name once.

    Unknown or unknowable rows have ``None`` everywhere and an empty ``industries`` tuple.

    >>> out = recognise_companies(pd.Series(["Stripe", None, "Stripe", "Freelance"]))
    >>> out["industry"].tolist()
    ['fintech', None, 'fintech', None]
    >>> out["industries"].iloc[0]
    ('fintech', 'software')
    """
    series = pd.Series(names, copy=False)
    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    tax = taxonomy if taxonomy is not None else _shipped_taxonomy()
    n = len(uniques)
    industry = np.full(n + 1, None, dtype=object)
    industries = np.empty(n + 1, dtype=object)
    industries[:] = [()] * (n + 1)
    source = np.full(n + 1, None, dtype=object)
    reason = np.full(n + 1, None, dtype=object)
    organisation = np.full(n + 1, None, dtype=object)
    for i, value in enumerate(uniques):
        answer = recognise_company(value, tax)
        if answer is not None:
            industry[i] = answer.industry
            industries[i] = answer.industries
            source[i] = answer.source
            reason[i] = answer.reason
            organisation[i] = answer.organisation
    pick = np.where(codes >= 0, codes, n)
    columns = (industry, industries, source, reason, organisation)
    return pd.DataFrame(
        {col: pd.Series(values[pick], index=series.index, dtype=object) for col, values in zip(COLUMNS, columns, strict=True)}
    )
