"""The industry of an organisation, from the name an export gives, with a source and a reason.

Layers, most trusted first (the user's own labels and colleagues' titles are added above
and between them by the callers that own that data):

1. **unknowable** names ("Self-employed", "Stealth Startup", "Confidential", blank...) get
   no industry, never a guess;
2. the **gazetteer** bundled in ``netanalytics/data/organisations.tsv`` (built by
   ``scripts/build_organisations.py`` from a curated list, the S&P 500, a FinanceDatabase
   extract, the SEC's NYSE and Nasdaq filers with their SIC codes, a list of universities and
   one of US hospitals): exact on the normalised name or an alias;
3. **institution patterns** in several languages ("Universidad de Chile" reads as a
   university, "Klinikum Stuttgart" as a hospital);
4. **name keywords** of the taxonomy, last, and only the words that are precise on the
   gazetteer's own names ("Vantage Therapeutics" reads as biotech; "Group", "Partners",
   "Industries" say nothing and are not keywords; ``scripts/build_organisations.py keywords``
   prints the measurement).

Matching is exact, never loose: a name is normalised (:func:`normalize_company`), then
looked up whole; a name whose legal form leaves one word is first looked up with it ("Vertex
Inc" is the tax-software firm, bare "Vertex" the better-known drug maker); the only other
attempt drops a trailing country or region qualifier from a fixed list ("PwC India",
"Accenture in India", "KPMG US"). "Ramp" is never LiveRamp.

>>> recognise_company("Stripe, Inc.").industries
('fintech', 'software')
>>> recognise_company("Klinikum Stuttgart").reason
"'Klinikum Stuttgart' reads as a hospital or health system (healthcare)"
>>> recognise_company("Self-employed") is None
True
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

import numpy as np
import pandas as pd
from unidecode import unidecode

from netanalytics.batch import gc_paused
from netanalytics.recognition.taxonomy import Industry, keyword_matcher, load_taxonomy
from netanalytics.text import norm_text

__all__ = [
    "IndustryAnswer",
    "Gazetteer",
    "Organisation",
    "company_key",
    "gazetteer",
    "is_unknowable",
    "lookup_key",
    "normalize_company",
    "recognise_companies",
    "recognise_company",
    "recognise_pattern",
]

GAZETTEER_FILE = "data/organisations.tsv"

# --------------------------------------------------------------------------- normalising

# Legal forms stripped from the end of a name. The bulk comes from cleanco's term data (MIT),
# normalised once into a set of word sequences looked up from the end of a name (measured in
# benchmarks: over ten times faster than cleanco's own basename()); a few of its
# two-letter terms are left out because they are also words or country codes people write
# after a name ("UK", "AT", "OK"), and common forms it lacks are added ("Pvt", "SE", "& Co.").
# The bundled gazetteer is keyed with these same terms: a test rebuilds it byte for byte.
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
_ELISION = re.compile(r"\b([dljn]|qu)['’](?=\w)", re.IGNORECASE)  # d'Epargne -> d Epargne
_INNER_DOT = re.compile(r"(?<=\w)[.'’`´](?=\w)|(?<=\w)['’](?=\s|$)")
_NON_WORD = re.compile(r"[^a-z0-9]+")


def _clean_text(text: str) -> str:
    """Lower-case ASCII words: accents folded, '&' -> 'and', dots and apostrophes closed up."""
    if not text.isascii():  # lone surrogates (broken exports) are dropped, not guessed at
        text = unidecode(text.encode("utf-8", "ignore").decode("utf-8"))
    text = text.lower().replace("&", " and ")
    if "'" in text or "’" in text:
        text = _ELISION.sub(r"\1 ", text)
    if "." in text or "'" in text or "’" in text or "`" in text or "´" in text:
        text = _INNER_DOT.sub("", text)
    return _NON_WORD.sub(" ", text)


@lru_cache(maxsize=1)
def _legal_forms() -> tuple[frozenset[tuple[str, ...]], int, frozenset[str]]:
    terms = frozenset(tuple(t.split()) for t in _legal_terms())
    return terms, max(len(t) for t in terms), frozenset(t[-1] for t in terms)


def _strip_legal_words(words: list[str], kept: frozenset[str] = frozenset()) -> list[str]:
    """``words`` without trailing legal forms, keeping at least one word and the words in ``kept``."""
    terms, longest, last_words = _legal_forms()
    while len(words) > 1 and words[-1] in last_words and words[-1] not in kept:
        for size in range(min(longest, len(words) - 1), 0, -1):
            if tuple(words[-size:]) in terms:
                words = words[:-size]
                break
        else:
            return words
    return words


# Legal forms that are also words or abbreviations: "Indigo Ag" is an agtech firm, not an
# "Indigo" AG; "Serenity Spa" a spa. Such a form is stripped only when written as a legal form
# is (in capitals or with dots: "AG", "A.G.", "SpA", "S.p.A."), or when the whole name is in
# one case (then nobody can tell).
_WORDLIKE_FORMS = frozenset({
    "ag", "as", "ba", "da", "pa", "me", "na", "sa", "se", "sc", "ca", "ent", "coop", "koop",
    "ong", "sal", "sha", "spa", "sem", "vat", "og", "eg", "ec", "eu", "ss", "sp", "ps", "pp",
    "gp", "sd", "sf", "od", "oe", "ou", "ee", "ep", "bl", "bm", "ij", "dd", "kt", "kv", "ky",
    "hb", "oy", "ay", "ad", "ae", "ev", "bt", "pt", "ks", "kd",
})
_RAW_WORD = re.compile(r"[^\W\d_]+")
# Scripts written without spaces between words: their transliterated syllables ("ba", "da")
# are never legal forms; only these transliterated forms are (有限公司, 株式会社, 주식회사).
_CJK = re.compile(r"[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_CJK_FORMS = (
    ("gu", "fen", "you", "xian", "gong", "si"), ("you", "xian", "ze", "ren", "gong", "si"),
    ("you", "xian", "gong", "si"), ("gong", "si"), ("zhu", "shi", "hui", "she"), ("jusighoesa",),
)


def _kept_words(name: str) -> frozenset[str]:
    """The words of ``name`` that look like legal forms but are written as words ("Indigo Ag")."""
    if name.isupper() or name.islower():
        return frozenset()
    return frozenset(
        low for token in _RAW_WORD.findall(name)
        if (low := token.lower()) in _WORDLIKE_FORMS and token[1:] == low[1:]
    )


def _strip_cjk_forms(words: list[str]) -> list[str]:
    """``words`` of a name written in Chinese, Japanese or Korean without its legal forms."""
    changed = True
    while changed and len(words) > 1:
        changed = False
        for form in _CJK_FORMS:
            n = len(form)
            if len(words) > n and tuple(words[-n:]) == form:
                words, changed = words[:-n], True
            elif len(words) > n and tuple(words[:n]) == form:
                words, changed = words[n:], True
    return words


def _strip_legal(text: str) -> str:
    """``text`` (normalised) without its trailing legal forms, keeping at least one word."""
    return " ".join(_strip_legal_words(text.split()))


def _clean_words(name: str) -> list[str]:
    """The cleaned words of a name, legal forms kept (what the institution patterns read)."""
    if "(" in name or "[" in name:
        name = _PARENS.sub(" ", _PARENS.sub(" ", name))
    if "·" in name or "|" in name or "•" in name:
        name = _CUT.sub("", name)
    return _clean_text(name).split()


def _normalized_from_words(words: list[str], name: str = "") -> str:
    while len(words) > 1 and words[0] == "the":
        words = words[1:]
    if name and not name.isascii() and _CJK.search(name):
        return " ".join(_strip_cjk_forms(words))
    kept = _kept_words(name) if name and not _WORDLIKE_FORMS.isdisjoint(words) else frozenset()
    return " ".join(_strip_legal_words(words, kept))


def normalize_company(name: object) -> str:
    """The comparable form of an organisation name: what the gazetteer is keyed on.

    Drops what follows a '·' or '|' and anything in brackets ("(The)", "(AWS)"), folds
    accents and case, writes '&' as 'and', closes up dots and apostrophes ("J.P." -> "jp",
    "Booking.com" -> "bookingcom": a domain is part of the name; but "d'Epargne" -> "d
    epargne"), drops a leading "The" and trailing legal forms ("Inc.", "GmbH",
    "S.A. de C.V.", "Pvt Ltd", "& Co."), keeping at least one word. Never raises; anything
    that is not text gives ''.

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
    return _normalized_from_words(_clean_words(name), name)


def lookup_key(normalized: str) -> str:
    """The gazetteer key of a normalised name: its words run together ("jp morgan" = "jpmorgan").

    >>> lookup_key(normalize_company("JP Morgan")) == lookup_key(normalize_company("J.P. Morgan"))
    True
    """
    return normalized.replace(" ", "")



def company_key(name: object) -> str:
    """The key two spellings of one organisation share: what user labels are stored under.

    >>> company_key("J.P. Morgan & Co.") == company_key("JP Morgan")
    True
    >>> company_key(None)
    ''
    """
    return lookup_key(normalize_company(name))

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
    # the US states and regions big employers name their divisions after
    "california", "northern california", "southern california", "texas", "new york", "florida",
    "illinois", "massachusetts", "pennsylvania", "ohio", "georgia", "north carolina",
    "virginia", "new jersey", "washington state", "colorado", "arizona", "michigan",
    "minnesota", "oregon", "hawaii", "mid atlantic", "northwest", "pacific northwest",
)
_QUALIFIER_WORDS = frozenset(tuple(q.split()) for q in _QUALIFIERS)
_QUALIFIER_LONGEST = max(len(q) for q in _QUALIFIER_WORDS)
_CONNECTORS = frozenset({"in", "do", "da", "de", "del", "of", "for"})


def _without_qualifier(norm: str) -> str | None:
    """``norm`` without a trailing country or region qualifier (and its "in"/"do"/"of"), if any.

    >>> _without_qualifier("accenture in india"), _without_qualifier("toyota motor north america")
    ('accenture', 'toyota motor')
    """
    words = norm.split()
    for size in range(min(_QUALIFIER_LONGEST, len(words) - 1), 0, -1):
        if tuple(words[-size:]) in _QUALIFIER_WORDS:
            rest = words[:-size]
            if len(rest) > 1 and rest[-1] in _CONNECTORS:
                rest = rest[:-1]
            return " ".join(rest)
    return None


# --------------------------------------------------------------------------- unknowable

_UNKNOWABLE_EXACT = frozenset({
    "", "na", "n a", "none", "nil", "null", "nan", "unknown", "various", "various companies",
    "multiple", "multiple companies", "several", "misc", "miscellaneous", "confidential",
    "undisclosed", "private", "private company", "retired", "unemployed", "jobless",
    "open to work", "student", "students", "independent", "self", "myself", "me", "home",
    "homemaker", "housewife", "stay at home", "stay at home mom", "stay at home dad",
    "stay at home parent", "career break", "sabbatical", "parental leave", "maternity leave",
    "company", "my company", "my own company", "my own business", "own business",
    "own company", "family business", "tbd", "tba", "xxx", "entrepreneur", "startup",
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
    r"startup\s(?:in\sstealth|stealth)|stealth\s)"
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
    return _unknowable_normalized(normalize_company(name))


_LETTER = re.compile("[a-z]")


def _unknowable_normalized(norm: str) -> bool:
    if norm in _UNKNOWABLE_EXACT:
        return True
    return _UNKNOWABLE_START.match(norm) is not None or _LETTER.search(norm) is None


# --------------------------------------------------------------------------- patterns


@dataclass(frozen=True)
class _Pattern:
    """One institution shape: whole-word phrases, word endings or beginnings, or a regex."""

    industries: tuple[str, ...]  # primary first
    noun: str  # "a university": what the name reads as
    phrases: frozenset[tuple[str, ...]]
    endings: tuple[str, ...] = ()
    beginnings: tuple[str, ...] = ()
    regex: re.Pattern[str] | None = None

    @classmethod
    def build(cls, industry: str | tuple[str, ...], noun: str, spec: tuple[str, ...] | str) -> _Pattern:
        industries = (industry,) if isinstance(industry, str) else industry
        if isinstance(spec, str):
            return cls(industries, noun, frozenset(), regex=re.compile(spec))
        phrases, endings, beginnings = set(), [], []
        for alternative in spec:
            if alternative.startswith((r"\w+", r"\w*")):
                endings.append(alternative[3:])
            elif alternative.endswith(r"\w*"):
                beginnings.append(alternative[:-3])
            elif alternative.endswith(r" \w+"):
                phrases.add(tuple(alternative[:-4].split()))
            elif re.fullmatch(r"[a-z0-9 ]+", alternative):
                phrases.add(tuple(alternative.split()))
            else:  # pragma: no cover - a typo in the table below
                raise ValueError(f"unsupported pattern alternative {alternative!r}")
        return cls(industries, noun, frozenset(phrases), tuple(endings), tuple(beginnings))

    def matches(self, words: list[str], grams: set[tuple[str, ...]], text: str) -> bool:
        return (
            not self.phrases.isdisjoint(grams)
            or (bool(self.endings) and any(w.endswith(self.endings) for w in words))
            or (bool(self.beginnings) and any(w.startswith(self.beginnings) for w in words))
            or (self.regex is not None and self.regex.search(text) is not None)
        )


def _words(*alternatives: str) -> tuple[str, ...]:
    return alternatives


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
    _Pattern.build(industry, noun, spec)
    for industry, noun, spec in (
        ("nonprofit", "a food bank", _words("food bank", "foodbank", "banco de alimentos", "tafel")),
        ("healthcare", "a blood bank", _words("blood bank", "banco de sangre", "banco de sangue")),
        ("banking", "a credit union or savings bank", _words(
            "credit union", "federal credit union", "fcu", "institution for savings", "caja", "caja rural", "caja de ahorros",
            "caixa economica", "caisse d epargne", "caisse populaire", "caisse desjardins",
            "credit agricole", "sparkasse", "stadtsparkasse", "kreissparkasse", "volksbank",
            "raiffeisenbank", "raiffeisenkasse", "genossenschaftsbank", "cassa di risparmio",
            "banca popolare", "banca di credito cooperativo", "savings bank", "savings and loan",
            "building society", "cooperativa de credito", "cooperativa de ahorro",
            r"\w+sparkasse", r"\w+volksbank")),
        ("healthcare", "a hospital or health system", _words(
            "hospital", "hospitals", "hospitales", "hospitalar", "hospitalario", "hospitalaria",
            "hospitalier", "hopital", "hopitaux", "hospitais", "ospedale", "ospedali",
            "ziekenhuis", r"\w+ziekenhuis", "krankenhaus", r"\w+krankenhaus", "klinikum",
            r"\w*klinikum", "kliniken", "universitatsklinikum", "uniklinik", "clinic", "clinics",
            "clinica", "clinicas", "clinique", "klinik", "policlinico", "poliklinik",
            "health system", "health systems", "healthcare system", "health care system",
            "medical center", "medical centre", "medical centers", "health center",
            "health centre", "cancer center", "cancer centre", "cancer institute",
            "nhs", "nhs trust", "nhs foundation trust", "foundation trust", "health board",
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
            "montessori", "day school", "charter school", "charter schools", "school", "academy",
            "grammar school", "latin school", "prep school", "preparatory school")),
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
        (("energy", "government"), "a public utility", _words(
            "water district", "municipal water district", "utility district", "utilities district",
            "public utility district", "municipal utility district", "public utilities",
            "municipal utilities", "utilities commission", "utilities board", "utility board",
            "power authority", "public power district", "water authority", "water and power",
            "department of water", "water and sewer", "sewer district", "sanitation district",
            "irrigation district", "river authority", "electric cooperative",
            "electric membership corporation", "power and light", "light and power",
            "city light", "water board", "waterschap", "stadtwerke", r"\w+stadtwerke")),
        (("government", "logistics"), "a public transport or port authority", _words(
            "transit authority", "transportation authority", "transport authority",
            "port authority", "ports authority", "airport authority", "airports authority",
            "turnpike authority", "toll authority", "thruway authority", "bridge authority",
            "transit district", "transit system", "rapid transit", "regional transit",
            "area transit", "metro transit", "transit agency", "regional transportation district",
            "transportation district", "port of", "port district", "harbor district",
            "harbour authority", "verkehrsbetriebe", "verkehrsverbund")),
        ("government", "a government body", _words(
            "urzad", "urzad skarbowy", "urzad miasta", "urzad marszalkowski", "starostwo",
            "ministerstwo", "kementerian", "departemen", "pemerintah", "pemerintah kota",
            "pemerintah kabupaten", "pemerintah provinsi", "direktorat", "direktorat jenderal",
            "kommune", "kommun", "kunta", "kaupunki", "stad", "landkreis", "stadt",
            "landeshauptstadt", "finanzamt", "bezirksamt", "kreisverwaltung", "landesregierung",
            "senatsverwaltung", "mairie", "conseil departemental", "conseil regional",
            "conseil general", "prefecture", "generalitat", "junta de", "xunta",
            "diputacion", "consejeria", "intendencia", "gobernacion", "governo do estado",
            "gobierno de", "governo de", "governo do", "agencia tributaria", "agenzia delle entrate",
            "receita federal", "belastingdienst", "rijkswaterstaat", "rijksoverheid", "provincie",
            "skatteverket", "skatteetaten", "skattestyrelsen", "verohallinto", "hmrc",
            "hm revenue and customs", "revenue service", "tax administration", "tax authority",
            "tax office", "internal revenue service", r"\w+ministeriet", r"\w+ministerio",
            r"\w+departementet", r"\w+direktoratet", r"\w+styrelsen", r"\w+verket", r"\w+etaten",
            r"\w+tilsynet", r"\w+virasto", r"\w+ministerium",
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
            "court", "courts", "judiciary", "tribunal", "embassy", "consulate", "united nations",
            "authority", "housing authority", "commission", "bureau of", "office of the",
            "national laboratory", "national laboratories", "national lab",
            "attorney general", "district attorney", "public defender", "public library",
            "board of education", "department of education")),
        ("banking", "a bank", _words(
            "bank", "banks", "banking", "bancorp", "bancshares", "banco", "banca", "banque",
            "bankhaus", "bancorporation", r"\w+bank", "trust company", "trust bank", "trustco",
            "savings institution")),
        (("media", "nonprofit"), "a public broadcaster", _words(
            "public radio", "public media", "public broadcasting", "public television",
            "community radio", "npr station")),
        ("nonprofit", "a foundation or charity", _words(
            "foundation", "fundacion", "fundacao", "fondation", "stiftung", "fondazione",
            "stichting", "fundacja", "charity", "charities", "charitable trust",
            "nonprofit", "non profit", "not for profit", "ngo", "ong", "verein",
            "association", "asociacion", "associacao", "church", "iglesia", "igreja",
            "eglise", "kirche", "parish", "diocese", "museum",
            "museo", "musee", "red cross", "cruz roja", "croix rouge", "ymca", "ywca",
            "habitat for humanity", "united way", "humane society", "society", "boys and girls club",
            "boys and girls clubs", "big brothers big sisters", "food pantry", "catholic charities",
            "goodwill industries", "rescue mission", "community action", "coalition", "initiative",
            "center for", "centre for", "philanthropies", "charitable", "girl scouts", "boy scouts",
            "scouts", "rotary club", "lions club")),
        ("entertainment", "a sports club or league", _words(
            "fc", "f c", "cf", "afc", "football club", "futbol club", "club de futbol",
            "soccer club", "calcio", "sporting club", "athletic club", "rugby club",
            "rugby football club", "cricket club", "hockey club", "baseball club",
            "basketball club", "sports club", "esporte clube", "sport club", "clube de regatas",
            "football league", "premier league", "national football league",
            "basketball association", "national basketball association", "hockey league",
            "national hockey league", "major league baseball", "baseball league",
            "major league soccer", "soccer league", "la liga", "bundesliga", "ligue 1", "serie a",
            "football association", "olympic committee", "paralympic committee", "sports league",
            "athletics association")),
        ("healthcare", "a medical, dental or veterinary practice", _words(
            "dental", "dentistry", "dentist", "dentists", "orthodontics", "orthodontist",
            "endodontics", "periodontics", "oral surgery", "pediatrics", "paediatrics",
            "pediatric associates", "dermatology", "cardiology", "orthopedics", "orthopaedics",
            "ophthalmology", "optometry", "physical therapy", "physiotherapy", "physiotherapie",
            "occupational therapy", "speech therapy", "chiropractic", "chiropractor",
            "veterinary", "veterinarian", "veterinarians", "vet clinic", "tierarzt",
            "tierarztpraxis", "tierklinik", "zahnarzt", "zahnarzte", "zahnarztpraxis",
            "zahnklinik", "arztpraxis", "hausarztpraxis", "gemeinschaftspraxis", "praxis fur",
            "cabinet dentaire", "cabinet medical", "studio dentistico", "studio medico",
            "clinica dental", "clinica dentale", "odontologia", "odontologica", "consultorio",
            "family medicine", "internal medicine", "family practice", "home health",
            "home healthcare", "home care", "hospice", "assisted living", "behavioral health",
            "mental health", "psychiatry", "radiology", "imaging center", "dialysis",
            "fertility center", "medical practice", "medical clinic", "dental clinic",
            "dental care", "dental group", "dental practice", "eye care", "optometrists")),
        (("healthcare", "retail"), "a pharmacy", _words(
            "pharmacy", "pharmacies", "pharmacie", "farmacia", "farmacias", "apotheke",
            "drogaria", "drogarias", "chemist", "chemists", "drugstore")),
        ("construction", "a building trade or contractor", _words(
            "roofing", "plumbing", "plumbers", "hvac", "heating and cooling", "heating and air",
            "air conditioning", "landscaping", "landscape contractors", "lawn care",
            "electrical contractors", "electrical contractor", "electrical services",
            "general contractor", "general contractors", "contractors", "contracting",
            "remodeling", "renovations", "construction", "constructora", "construtora",
            "construcciones", "construcoes", "constructions", "bauunternehmen",
            "bauunternehmung", "baugesellschaft", "hochbau", "tiefbau", "batiment",
            "impresa edile", "edilizia", "bouwbedrijf", "aannemersbedrijf", "builders",
            "homebuilders", "home builders", "architects", "architecture", "architekten",
            "architekturburo", "arquitectos", "arquitetura", "arquitectura", "architectes",
            "architetti", "civil engineering", "structural engineers", "consulting engineers",
            "ingenieurburo", "ingenieria", "engenharia", "excavating", "paving", "masonry",
            "concrete contractors", "drywall", "flooring", "fencing")),
        ("real_estate", "an estate agency or property firm", _words(
            "realty", "realtors", "realtor", "real estate", "realestate", "inmobiliaria",
            "imobiliaria", "immobilien", "immobilier", "agence immobiliere", "immobiliare",
            "property management", "estate agents", "estate agent", "letting agents",
            "makelaardij", "makelaars", "sotheby s international realty", "keller williams",
            "re max", "remax", "coldwell banker", "century 21")),
        ("accounting", "an accounting or tax practice", _words(
            "steuerkanzlei", "tax services", "tax service", "tax preparation", "bookkeeping",
            "escritorio contabil", "escritorio de contabilidade", "contable", "asesoria fiscal",
            "asesores fiscales", "gestoria", "cabinet comptable", "enrolled agents")),
        ("legal", "a law practice", _words(
            "notario", "notaria", "notaris", "escritorio de advocacia", "law corporation",
            "legal group", "avocats associes", "notarkanzlei", "rechtsanwaltskanzlei")),
        ("marketing", "a marketing or advertising agency", _words(
            "marketing agency", "advertising agency", "digital agency", "creative agency",
            "media agency", "pr agency", "public relations", "werbeagentur", "agencia de publicidad",
            "agencia de marketing", "agence de communication", "agence de publicite",
            "agenzia di comunicazione", "reclamebureau")),
        ("staffing", "a staffing or recruitment firm", _words(
            "staffing agency", "staffing services", "recruitment agency", "recruiting firm",
            "recruitment consultants", "executive search", "personalvermittlung",
            "personaldienstleistungen", "personalberatung", "headhunters", "uitzendbureau")),
        ("investment", "an investment firm", _words(
            "venture capital", "private equity", "asset management", "wealth management",
            "investment management", "capital management", "hedge fund", "family office",
            "investment partners", "gestora de recursos", "vermogensverwaltung")),
        ("logistics", "a freight or logistics firm", _words(
            "freight forwarding", "freight forwarders", "logistics services", "trucking",
            "spedition", "transportes", "moving and storage", "courier services")),
        (("hospitality", "retail"), "a bakery, restaurant or cafe", _words(
            "boulangerie", "patisserie", "bakery", "bakeries", "panaderia", "padaria", "backerei",
            "baeckerei", "konditorei", "restaurant", "restaurants", "restaurante", "ristorante",
            "trattoria", "pizzeria", "cafe", "coffee shop", "coffee house", "bistro",
            "brasserie", "bar and grill", "catering", "gasthaus", "gasthof")),
        ("hospitality", "a hotel", _words(
            "hotel", "hotels", "hotel and spa", "motel", "hostel", "inn and suites", "resort",
            "resorts", "resort and spa", "bed and breakfast", "guest house", "pousada", "hostal")),
        (("automotive", "retail"), "a car dealer or garage", _words(
            "autohaus", "auto repair", "auto body", "car dealership", "dealership",
            "auto sales", "car sales", "concesionario", "automoviles", "autopecas",
            "auto parts", "collision center", "autowerkstatt", "kfz werkstatt")),
    )
)
_PHRASE_LONGEST = max(len(p) for pattern in _PATTERNS for p in pattern.phrases)
# Quick rejection: the first pattern (by order) owning each phrase, and all word endings
# and beginnings together; only names that pass are checked pattern by pattern.
_PHRASE_OWNER: dict[tuple[str, ...], int] = {}
for _index, _pattern in enumerate(_PATTERNS):
    for _phrase in _pattern.phrases:
        _PHRASE_OWNER.setdefault(_phrase, _index)
#: First word -> (size, phrase, owner) of the phrases it opens: where a phrase can start.
_PHRASE_STARTS: dict[str, list[tuple[int, tuple[str, ...], int]]] = {}
for _phrase, _index in _PHRASE_OWNER.items():
    _PHRASE_STARTS.setdefault(_phrase[0], []).append((len(_phrase), _phrase, _index))
_ALL_ENDINGS = tuple(e for p in _PATTERNS for e in p.endings)
_ALL_BEGINNINGS = tuple(b for p in _PATTERNS for b in p.beginnings)
_REGEX_HINT = re.compile(r"\bl ?l ?p$")


def _grams(words: list[str]) -> set[tuple[str, ...]]:
    return {
        tuple(words[i:i + size])
        for size in range(1, min(_PHRASE_LONGEST, len(words)) + 1)
        for i in range(len(words) - size + 1)
    }


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
    "sec": "the bundled company list",
    "universities": "the bundled list of universities",
    "cms_hospitals": "the bundled list of US hospitals",
}


def _record_fields(line: str) -> tuple[str, tuple[str, ...], str | None, str | None, str | None, str, str]:
    """An organisation line's fields as :class:`Organisation` holds them (blanks as None)."""
    name, industries, sub, country, region, kind, source = line.split("\t")
    return name, tuple(industries.split(",")), sub or None, country or None, region or None, kind, source


class Gazetteer:
    """The bundled organisations: a lookup from key (:func:`lookup_key`) to organisation.

    The file holds each organisation once and then its keys (name and aliases) with the
    organisation's line number; an :class:`Organisation` is built when first asked for.
    """

    def __init__(self, text: str) -> None:
        lines = text.split("\n")
        at = lines.index("#keys")
        self._records = [line for line in lines[:at] if line and line[0] != "#"]
        self._organisations: list[Organisation | None] = [None] * len(self._records)
        self._answers: list[tuple | None] = [None] * len(self._records)
        self._keys: dict[str, int] = {}
        for line in lines[at + 1:]:
            if line:
                key, _, index = line.partition("\t")
                self._keys[key] = int(index)

    def __len__(self) -> int:
        return len(self._keys)

    def __contains__(self, key: object) -> bool:
        return key in self._keys

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def get(self, key: str) -> Organisation | None:
        """The organisation of ``key``, or None."""
        index = self._keys.get(key)
        return None if index is None else self._organisation(index)

    def keys(self) -> list[str]:
        return list(self._keys)

    def answer(self, key: str) -> tuple | None:
        """The answer of the organisation of ``key``, or None: (primary industry,
        industries, "gazetteer", reason, name, sub-industry, source), built from its line
        once (a column of names meets thousands of organisations once each)."""
        index = self._keys.get(key)
        if index is None:
            return None
        found = self._answers[index]
        if found is None:
            name, industries, sub, _, _, _, source = _record_fields(self._records[index])
            found = (industries[0], industries, "gazetteer", _source_reason(name, industries, source),
                     name, sub, source)
            self._answers[index] = found
        return found

    def organisations(self) -> list[Organisation]:
        """Every organisation once."""
        return [self._organisation(i) for i in range(len(self._records))]

    def _organisation(self, index: int) -> Organisation:
        org = self._organisations[index]
        if org is None:
            org = Organisation(*_record_fields(self._records[index]))
            self._organisations[index] = org
        return org


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The bundled organisations (loaded once, on first use).

    >>> gazetteer().get(lookup_key(normalize_company("Kaiser Permanente"))).industries[0]
    'healthcare'
    """
    return Gazetteer(resources.files("netanalytics").joinpath(GAZETTEER_FILE).read_text("utf-8"))


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


#: An :class:`IndustryAnswer`'s fields as a plain tuple: what a column is built from.
_Answer = tuple[str, tuple[str, ...], str, str, "str | None", "str | None"]

# Sources whose organisations have no branches abroad people would name with a country:
# small US listed firms, single universities and hospitals.
_NO_BRANCHES = frozenset({"sec", "universities", "cms_hospitals"})


@cache
def _name_key(name: str) -> str:
    return lookup_key(normalize_company(name))


def _source_reason(name: str, industries: tuple[str, ...], source: str) -> str:
    """Why a gazetteer organisation has its industries: 'Stripe: fintech, software, from the
    bundled company list'."""
    return f"{name}: {', '.join(industries)}, from {_SOURCE_PHRASE.get(source, 'the bundled company list')}"


def _gazetteer_answer(name: str, norm: str, words: list[str]) -> _Answer | None:
    table = gazetteer()
    key = lookup_key(norm)
    found = None
    if " " not in norm and len(words) > 1:
        # a name whose legal form leaves a lone common word is keyed whole ("Southern Company",
        # "Vertex Inc" beside the bare "Vertex" of Vertex Pharmaceuticals): the whole form first
        start = 1 if words[0] == "the" else 0
        found = table.answer("".join(words[start:]))
    if found is None:
        found = table.answer(key)
    if found is None:
        rest = _without_qualifier(norm)
        if rest:  # "McKinsey & Company India" -> "mckinsey and company" -> "mckinsey"
            found = table.answer(lookup_key(_strip_legal(rest)))
            if found is not None and found[6] in _NO_BRANCHES:
                found = None  # "Innovate UK" is no branch of a US small cap called Innovate
    if found is None:
        return None
    industry, industries, _, reason, canonical, sub_industry, _ = found
    # The name as written is named in the reason when it is not the organisation's own
    # (the same text needs no second normalisation to tell).
    if name != canonical and key != _name_key(canonical):
        reason = f"'{name.strip()}' is {reason}"
    return (industry, industries, "gazetteer", reason, canonical, sub_industry)


def _clear_caches() -> None:
    """Forget what was learnt from names read so far (the benchmark measures first reads):
    the organisations and answers built from their lines, their name keys."""
    _name_key.cache_clear()
    if gazetteer.cache_info().currsize:
        table = gazetteer()
        table._organisations = [None] * len(table._records)
        table._answers = [None] * len(table._records)


# Words of scripts written without spaces (or transliterated into nothing telling), looked
# for inside the name as written: 北京大学 is a university, 中国工商银行 a bank.
_SCRIPT_WORDS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("大学", ("education",), "a university"), ("大學", ("education",), "a university"),
    ("대학교", ("education",), "a university"), ("대학", ("education",), "a university"),
    ("جامعة", ("education",), "a university"), ("جامعه", ("education",), "a university"),
    ("विश्वविद्यालय", ("education",), "a university"), ("มหาวิทยาลัย", ("education",), "a university"),
    ("医院", ("healthcare",), "a hospital"), ("醫院", ("healthcare",), "a hospital"),
    ("病院", ("healthcare",), "a hospital"), ("병원", ("healthcare",), "a hospital"),
    ("مستشفى", ("healthcare",), "a hospital"),
    ("银行", ("banking",), "a bank"), ("銀行", ("banking",), "a bank"), ("은행", ("banking",), "a bank"),
    ("بنك", ("banking",), "a bank"), ("مصرف", ("banking",), "a bank"),
    ("政府", ("government",), "a government body"), ("市役所", ("government",), "a government body"),
    ("وزارة", ("government",), "a government body"),
)


def _pattern_result(name: str, noun: str, industries: tuple[str, ...]) -> _Answer:
    reason = f"'{name.strip()}' reads as {noun} ({', '.join(industries)})"
    return (industries[0], industries, "pattern", reason, None, None)


def _pattern_answer(name: str, words: list[str]) -> _Answer | None:
    if not name.isascii():
        for word, industries, noun in _SCRIPT_WORDS:
            if word in name:
                return _pattern_result(name, noun, industries)
    # On the cleaned name with its legal form kept: "Latham & Watkins LLP" shows its LLP.
    text = " ".join(words)
    shaped = (
        any(w.endswith(_ALL_ENDINGS) or w.startswith(_ALL_BEGINNINGS) for w in words)
        or _REGEX_HINT.search(text) is not None
    )
    if shaped:  # a word ending or beginning, or a regex, may decide: every pattern in order
        grams = _grams(words)
        for pattern in _PATTERNS:
            if pattern.matches(words, grams, text):
                return _pattern_result(name, pattern.noun, pattern.industries)
        return None
    # Otherwise only whole phrases can: the first pattern (by order) owning one in the name.
    first = len(_PATTERNS)
    n = len(words)
    for i, word in enumerate(words):
        for size, phrase, owner in _PHRASE_STARTS.get(word, ()):
            if owner < first and size <= n - i and (size == 1 or tuple(words[i:i + size]) == phrase):
                first = owner
    if first == len(_PATTERNS):
        return None
    pattern = _PATTERNS[first]
    return _pattern_result(name, pattern.noun, pattern.industries)


def recognise_pattern(name: str) -> IndustryAnswer | None:
    """The institution-pattern layer alone: what the shape of ``name`` says, or None.

    >>> recognise_pattern("Chicago Transit Authority").industries
    ('government', 'logistics')
    >>> recognise_pattern("Stripe") is None
    True
    """
    found = _pattern_answer(name, _clean_words(name))
    return None if found is None else IndustryAnswer(*found)


def _keyword_answer(name: str, match_keywords: Callable[[str], tuple[str, str] | None]) -> _Answer | None:
    found = match_keywords(norm_text(name))
    if found is None:
        return None
    industry, word = found
    return (industry, (industry,), "keyword", f"a guess from the word '{word}' in the name", None, None)


@lru_cache(maxsize=1)
def _shipped_matcher() -> Callable[[str], tuple[str, str] | None]:
    return keyword_matcher(load_taxonomy())


def _matcher(taxonomy: dict[str, Industry] | None) -> Callable[[str], tuple[str, str] | None]:
    return _shipped_matcher() if taxonomy is None else keyword_matcher(taxonomy)


def _recognise(name: object, match_keywords: Callable[[str], tuple[str, str] | None]) -> IndustryAnswer | None:
    found = _recognise_keyed(name, match_keywords)[0]
    return None if found is None else IndustryAnswer(*found)


def _recognise_keyed(
    name: object, match_keywords: Callable[[str], tuple[str, str] | None]
) -> tuple[_Answer | None, str, bool]:
    """The answer, the :func:`company_key` and whether the name is unknowable, in one pass."""
    if not isinstance(name, str):
        return None, "", True
    words = _clean_words(name)
    norm = _normalized_from_words(words, name)
    key = lookup_key(norm)
    if _unknowable_normalized(norm):
        return None, key, True
    answer = (
        _gazetteer_answer(name, norm, words)
        or _pattern_answer(name, words)
        or _keyword_answer(name, match_keywords)
    )
    return answer, key, False


def recognise_company(
    name: object, taxonomy: dict[str, Industry] | None = None
) -> IndustryAnswer | None:
    """The industry of one organisation name, or None when it is unknowable or unknown.

    Unknowable names first (None), then the gazetteer, institution patterns, name keywords
    (of ``taxonomy``, the shipped one by default).

    >>> recognise_company("PwC India").reason
    "'PwC India' is PwC: accounting, consulting, from the bundled company list"
    >>> recognise_company("Vantage Therapeutics").reason
    "a guess from the word 'therapeutics' in the name"
    >>> recognise_company("Bluefin Group") is None  # "Group" tells no industry
    True
    >>> recognise_company("Harlow & Finch") is None
    True
    """
    return _recognise(name, _matcher(taxonomy))


def _objects(values: Sequence[object]) -> np.ndarray:
    """A 1-d object array of ``values`` (tuples stay elements, never a second axis)."""
    out = np.empty(len(values), dtype=object)
    out[:] = values
    return out


COLUMNS = ("industry", "industries", "industry_source", "industry_reason", "organisation", "company_key", "unknowable")


def recognise_companies(
    names: pd.Series, taxonomy: dict[str, Industry] | None = None
) -> pd.DataFrame:
    """:func:`recognise_company` over a column, aligned with it; each distinct name once.

    Unknown or unknowable rows have ``None`` everywhere and an empty ``industries`` tuple.
    ``company_key`` is each name's :func:`company_key` ('' when blank) and ``unknowable``
    whether the name can never tell an industry (blank included).

    >>> out = recognise_companies(pd.Series(["Stripe", None, "Stripe", "Freelance"]))
    >>> out["industry"].tolist()
    ['fintech', None, 'fintech', None]
    >>> out["industries"].iloc[0]
    ('fintech', 'software')
    >>> out["unknowable"].tolist()
    [False, True, False, True]
    """
    series = pd.Series(names, copy=False)
    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    match_keywords = _matcher(taxonomy)
    n = len(uniques)
    nothing = (None, (), None, None, None)
    answers, keys, unknowable_list = [], [], []
    with gc_paused():
        for value in np.asarray(uniques, dtype=object).tolist():
            answer, key, unknowable = _recognise_keyed(value, match_keywords)
            answers.append(nothing if answer is None else answer[:5])
            keys.append(key)
            unknowable_list.append(unknowable)
    answers.append(nothing)  # the blank rows' answer, at index n
    keys.append("")
    unknowable_list.append(True)
    industry, industries, source, reason, organisation = (_objects(column) for column in zip(*answers, strict=True))
    key = _objects(keys)
    unknowable = np.array(unknowable_list, dtype=bool)
    pick = np.where(codes >= 0, codes, n)
    columns = (industry, industries, source, reason, organisation, key, unknowable)
    return pd.DataFrame(
        {
            col: pd.Series(values[pick], index=series.index, dtype=bool if col == "unknowable" else object)
            for col, values in zip(COLUMNS, columns, strict=True)
        }
    )
