"""The hand-written vocabularies behind :mod:`netanalytics.recognition.titles`.

Everything here is ours, written from knowledge of how people title themselves on
LinkedIn in English, Spanish, Portuguese, French and German. The open occupational data
(O*NET, ESCO) bundled in ``netanalytics/data/titles.json`` adds the long tail; these rules
come first because they carry the traps ("Product Marketing Manager" is marketing,
"Talent Acquisition Partner" is not a partner, "Executive Assistant" is not an executive).

Phrases are written in plain words and normalised when the module loads (lower case, no
accents), so ``"Gerente de Producto"`` and ``"gerente de producto"`` are the same entry.

Decisions written down once (the docstring of :mod:`netanalytics.recognition.titles`
repeats them for users):

- **Data Scientist / Data Analyst** are *research* (they analyse and model; *Data Engineer*
  and *Machine Learning Engineer* are engineering; BI analysts are information technology).
- **Managing Director** is *vp*: it ranks above Vice President in banks and is the chief
  executive in UK and German firms, so director is too low and cxo too high by default;
  "Managing Director & CEO" still reads cxo from the CEO.
- **Head of X** (Portuguese and Spanish "Head de X") and **X Director** are *director*; a
  **General Manager** is *director*; **Deputy X** takes X's level ("Deputy Director" is
  director) and says nothing of the work by itself (not a sheriff's deputy).
- **Team Lead / Team Leader** manage people: *manager*. **Lead X** and **Tech Lead** are
  senior individual contributors: *senior*. **X Lead** (Product Lead, Design Lead) leads an
  area: *manager*.
- **A title with Manager** is *manager* (LinkedIn's rule: Marketing Manager, Sales Manager,
  Operations Manager), except the individual-contributor roles that carry the word —
  Product, Project, Program, Account, Customer Success, Community, Brand, Office Manager
  and their translations: their level comes from their other words (Senior Product
  Manager is senior, a plain Product Manager is entry, Group Product Manager is manager).
- **No level word** in a title whose function is known: *entry*, LinkedIn's level for an
  individual contributor (Software Engineer, Accountant, Enfermera, Softwareentwickler).
  Not entry by nature, so written here as level words: **physicians, surgeons, dentists**
  and their specialties (Cardiologist, Consultant Anaesthetist, Médico, Médecin, Arzt,
  Oberarzt, Facharzt) are *senior*, a **Chefarzt** *director*; **residents** and medical
  interns (Resident, Assistenzarzt, Interne en médecine, Médico Residente) *training*;
  **professors** of every rank (Assistant, Associate, Full; Professorin, Catedrático,
  Maître de conférences) *senior*, but Portuguese "Professor de …" and Spanish "Profesor"
  are school teachers (entry); **postdocs, research and teaching fellows** *training*, a
  Fellow alone (IBM Fellow) *senior*; **judges** and **Of Counsel** *senior*; **Chief of
  Staff** *senior*; **Art Director** (Director de Arte, Directeur artistique) names a
  creative role: *senior*, while a Creative Director or Artistic Director is *director*.
- **Schools and universities**: a school's **Principal** (Headteacher, Schulleiter, Director
  de escuela, Diretor escolar, Proviseur; vice and assistant principals too) is *director*
  in education, and "Principal" alone is read as the one who leads (director); a Principal
  Engineer or Principal Consultant is *senior*. A **Dean** is *director*, a **Provost** or
  Vice-Rector *vp*, a university's **President, Rector, Reitor, Rektor or
  Vice-Chancellor** (the UK's head) *cxo*.
- **C-level without a listed phrase**: any Chief … Officer (Chief Accounting, Sustainability,
  Diversity Officer) is *cxo*, but not a Chief Petty or Warrant Officer; **Editor-in-Chief**
  (Chefredakteur, Redactor jefe) and **General Counsel** are *cxo* (LinkedIn treats GC as
  C-level), a Deputy General Counsel *vp*, an Associate General Counsel *director*;
  **Chairman** and **Chair of the Board** *cxo*, a **Board Member** *director*.
- **Owners without the word**: Entrepreneur, Solopreneur, Empresario, Unternehmer,
  Geschäftsführender Gesellschafter, Gérant (of their own firm; a "Gérant de magasin" runs
  a shop: manager), Sócio-administrador; and the **self-employed** — Freelancer,
  Self-employed, Autónomo, Freiberufler, Indépendant, Independent Consultant — are *owner*
  (LinkedIn counts the self-employed as owners); a freelancer's function comes from the
  rest ("Freelance Designer" is arts and design). **Product Owner** (Dueño de Producto,
  Process Owner) and **Founder's Associate** are not owners. **Angel Investor** is *owner*;
  **General Partner** is *partner* in finance.
- **German -leiter compounds** (Vertriebsleiter, Filialleiterin, Schichtleiter, Werkleiter)
  are *manager*, like "X Manager", and so is "IT-Leiter" written with a hyphen; "Leiter X"
  or "Leitung X", opening the title, is "Head of X", *director*; a department head (Abteilungsleiter) is *manager* too, while a division
  head (Bereichsleiter, Hauptabteilungsleiter) and a school's (Schulleiter) are *director*.
- **Intern, trainee, apprentice, working student** (Praktikant, Stagiaire, Estagiário,
  Becario, Werkstudent, Azubi) are *training*; **volunteers and students** are *unpaid*;
  **PhD candidates** are *training* in research; **Research Assistant** is *entry*.
- **Associate** alone or before a role (Associate, Associate Consultant, Associate
  Attorney) is *entry*; before a level it takes that level (Associate Director ->
  director, Associate Partner -> partner); **Senior Associate** is *senior*.
- **Area words** name a function in all five languages, feminine and plural forms
  included (Nómina, Folha de Pagamento, Paie, Lohnbuchhaltung: accounting; Selección,
  Recrutamento, Recrutement: human resources; Almacén, Entrepôt, Lager: operations). A
  generic role noun gives way to the area beside it: Specialist, Consultant, Advisor,
  Administrator, Sachbearbeiter ("Payroll Administrator" is accounting). Employers' words
  (school, hospital, bank, university) are not area words: "Analista de Sistemas en Banco
  X" names an employer, not the work.
- **Areas added in the third pass**: sustainability, ESG reporting and the environment are
  *operations* (ESG investing and fraud are finance); **policy** (Policy Analyst, Policy
  Advisor) is *research*, government and public affairs *media and communication*;
  **litigation** is legal; **e-commerce** and **audience development** are marketing;
  **merchandising** is sales (visual merchandising arts and design); **acquisitions** and
  real-estate or land development are *real estate* (Mergers and Acquisitions stays
  finance); a **studio** is arts and design; "**Development**" alone before a role is the
  fundraising and business sense (Development Manager, Development Associate:
  business development), while Software, Application, Web or Product Development say
  otherwise; a **Project Developer** (energy, real estate) is business development;
  **production and warehouse** workers (Forklift Operator, Cariste, Staplerfahrer,
  Operador de empilhadeira) and the building, repair and transport trades of the open data
  are *operations*.
- **Partner** is a level only when it heads the title and is not a kind of work (Partner,
  Managing Partner, Equity Partner, Tax Partner, Sócio, Associé); HR Business Partner,
  Talent Acquisition Partner, Partner Manager are not partners.
- **MD** with medicine around it (MD, Internal Medicine; Physician, MD) is a physician;
  otherwise Managing Director.
- **Fourth pass (German levels and compounds)**: a German *area compound* reads as its
  area word (Kreditorenbuchhaltung is accounting, Unternehmenskommunikation media, a
  Rechtsabteilung or Büromanagement the area before the tail); a compound head that names no
  work takes it from the part before it, an area word or a known part it ends with
  (Redaktionsleiter, Gebietsverkaufsleiter), and keeps its level when that part is unknown
  (Standortleiter, Teamleitung: manager; Finanzdirektor: director; Hauptgeschäftsführer,
  Finanzvorstand: cxo). Feminine nouns and "-e" adjectives read as the "-er" phrases
  (Wissenschaftliche Mitarbeiterin, Kaufmännische Geschäftsführerin: finance, cxo).
  **Leitende/r X** is *senior* (a Leitender Angestellter *manager*); **Junior** caps a
  manager or senior word at *entry* (Junior Sales Manager), not a higher level (Junior
  Partner). Whom an assistant works for is not their level (Assistentin der Geschäftsleitung:
  administrative, entry), while a Mitglied der Geschäftsleitung or des Vorstands is *cxo*, of
  an Aufsichtsrat or Verwaltungsrat *director*. "Partner" after "und"/"and" is a second role
  (Rechtsanwältin und Partnerin: partner). A closing "Principal" after a role noun is the
  Romance order of a senior title (Investigador Principal). A school's Rektor is *director*.
  Swiss and Austrian forms: Lernende/r and Lehrling *training*, Primar(arzt) *director*,
  Turnusarzt *training*. Business Developer is *business development*.
- **Founder, Co-founder, Owner** are *owner* in *entrepreneurship*; CEO/President and
  Chief X Officer are *cxo*; a CEO has no function of their own, a CFO is finance, a CTO
  engineering, and so on.
- **A founder with another role** ("Co-Founder & COO", "Co-founder | CTO", "Founder,
  Head of Product") is *owner* (the founder wins the level) in the other role's function
  (operations, engineering, product management): the level already says founder, and the
  function says what they do. With no other role ("Founder & CEO", "Founder and Managing
  Partner") the function stays entrepreneurship. A founder query still finds them all.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "ABBREVIATIONS",
    "CREDENTIALS",
    "DECORATION_WORDS",
    "DOMAINS",
    "FUNCTION_LABELS",
    "GERMAN_AREA_TAILS",
    "GERMAN_PREFIXES",
    "GERMAN_SUFFIXES",
    "INDUSTRY_HINTS",
    "LEVEL_NEUTRAL",
    "ROLES",
    "SENIORITY_LABELS",
    "SENIORITY_WORDS",
    "fold",
    "word_set",
]

#: LinkedIn's job functions, with the labels users see.
FUNCTION_LABELS: dict[str, str] = {
    "accounting": "Accounting",
    "administrative": "Administrative",
    "arts_and_design": "Arts and Design",
    "business_development": "Business Development",
    "community_and_social_services": "Community and Social Services",
    "consulting": "Consulting",
    "customer_success_and_support": "Customer Success and Support",
    "education": "Education",
    "engineering": "Engineering",
    "entrepreneurship": "Entrepreneurship",
    "finance": "Finance",
    "healthcare_services": "Healthcare Services",
    "human_resources": "Human Resources",
    "information_technology": "Information Technology",
    "legal": "Legal",
    "marketing": "Marketing",
    "media_and_communication": "Media and Communication",
    "military_and_protective_services": "Military and Protective Services",
    "operations": "Operations",
    "product_management": "Product Management",
    "program_and_project_management": "Program and Project Management",
    "purchasing": "Purchasing",
    "quality_assurance": "Quality Assurance",
    "real_estate": "Real Estate",
    "research": "Research",
    "sales": "Sales",
}

#: LinkedIn's seniority levels, lowest first, with the labels users see.
SENIORITY_LABELS: dict[str, str] = {
    "unpaid": "Unpaid",
    "training": "Training",
    "entry": "Entry",
    "senior": "Senior",
    "manager": "Manager",
    "director": "Director",
    "vp": "VP",
    "cxo": "CXO",
    "partner": "Partner",
    "owner": "Owner",
}


def fold(text: str) -> str:
    """Lower case, accents off (ß -> ss), anything but letters and digits to one space.

    >>> fold("Gérant(e) — Straße")
    'gerant e strasse'
    """
    text = text.lower().replace("ß", "ss").replace("æ", "ae").replace("œ", "oe").replace("ø", "o")
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def word_set(text: str) -> frozenset[str]:
    """The folded words of a space-separated list, as a set.

    >>> sorted(word_set("Ärzt MBA"))
    ['arzt', 'mba']
    """
    return frozenset(fold(w) for w in text.split())


# --------------------------------------------------------------------------------------
# Abbreviations: one token -> its words. Context-dependent ones are resolved in titles.py.
# --------------------------------------------------------------------------------------
ABBREVIATIONS: dict[str, str] = {
    "pm": "product manager", "apm": "associate product manager", "gpm": "group product manager",
    "spm": "senior product manager", "tpm": "technical program manager",
    "po": "product owner", "swe": "software engineer", "sde": "software development engineer",
    "sdet": "software development engineer in test", "sre": "site reliability engineer",
    "sse": "senior software engineer", "mts": "member of technical staff",
    "smts": "senior member of technical staff", "pmts": "principal member of technical staff",
    "em": "engineering manager", "vp": "vice president", "svp": "senior vice president",
    "evp": "executive vice president", "avp": "assistant vice president",
    "sr": "senior", "snr": "senior", "sen": "senior", "jr": "junior", "jnr": "junior",
    "mgr": "manager", "mngr": "manager", "mgmt": "management", "dir": "director",
    "engr": "engineer", "assoc": "associate", "asst": "assistant", "exec": "executive",
    "hd": "head", "mktg": "marketing", "mkt": "marketing", "ops": "operations",
    "dev": "developer", "devs": "developers", "bizdev": "business development",
    "bd": "business development", "bdr": "business development representative",
    "bdm": "business development manager", "sdr": "sales development representative",
    "ae": "account executive", "kam": "key account manager", "csm": "customer success manager",
    "qa": "quality assurance", "qc": "quality control", "ux": "user experience",
    "ui": "user interface", "hr": "human resources", "hrbp": "human resources business partner",
    "pr": "public relations", "ceo": "chief executive officer", "cto": "chief technology officer",
    "cfo": "chief financial officer", "coo": "chief operating officer",
    "cpo": "chief product officer", "cmo": "chief marketing officer",
    "cio": "chief information officer", "ciso": "chief information security officer",
    "cro": "chief revenue officer", "chro": "chief human resources officer",
    "cdo": "chief data officer", "caio": "chief ai officer", "cco": "chief commercial officer",
    "gm": "general manager", "rn": "registered nurse", "np": "nurse practitioner",
    "lpn": "licensed practical nurse", "cna": "certified nursing assistant",
    "emt": "emergency medical technician", "postdoc": "postdoctoral researcher",
    "ml": "machine learning", "sw": "software", "hw": "hardware", "ba": "business analyst",
    "bi": "business intelligence", "coord": "coordinator", "rep": "representative",
    "reps": "representatives", "comms": "communications", "biz": "business",
    "sys": "systems", "sysadmin": "system administrator", "dba": "database administrator",
    "intl": "international", "svcs": "services", "svc": "services", "dept": "department",
    "fpa": "financial planning and analysis", "cs": "customer success",
    "pmo": "pmo", "md": "managing director",
    "ra": "research assistant", "gra": "graduate research assistant",
    "rrhh": "recursos humanos", "ceo's": "chief executive officer",
    "frontend": "frontend", "backend": "backend", "fullstack": "fullstack",
    "pmm": "product marketing manager", "mle": "machine learning engineer",
    "rssi": "chief information security officer", "drh": "directeur des ressources humaines",
    "daf": "directeur administratif et financier", "dsi": "directeur des systemes d information",
    "gc": "general counsel", "agc": "associate general counsel", "dgc": "deputy general counsel",
}

#: Whole phrases rewritten before reading (after abbreviations): joined spellings.
PHRASE_REWRITES: dict[str, str] = {
    "co founder": "cofounder", "co founders": "cofounder", "co owner": "coowner",
    "front end": "frontend", "back end": "backend", "full stack": "fullstack",
    "e commerce": "ecommerce", "dev ops": "devops", "fp and a": "financial planning and analysis",
    "m and a": "mergers and acquisitions", "r and d": "research and development",
    "vice presidente": "vicepresidente", "vice president e": "vice president",
    "vice presidenta": "vicepresidente", "vice presidente executivo": "vicepresidente",
    "co fundador": "cofundador", "co fundadora": "cofundador", "co fondateur": "cofondateur",
    "co fondatrice": "cofondateur", "socio fundador": "cofundador", "socia fundadora": "cofundador",
    "fp a": "financial planning and analysis", "p and l": "profit and loss",
    "human resource": "human resources", "dev rel": "developer relations", "devrel": "developer relations",
    "founder s associate": "founders associate", "founder associate": "founders associate",
    "founder s office": "founders office", "founder office": "founders office",
    "co gerant": "cogerant", "co gerante": "cogerant", "self employed": "selfemployed",
    "post doc": "postdoc", "post doctoral": "postdoctoral", "pos doutorando": "posdoutorando",
    "pos doutoranda": "posdoutorando", "post doctorant": "postdoctorant", "post doctorante": "postdoctorant",
    "vice chancellor": "vicechancellor", "vice rector": "vicerrector", "vice rectora": "vicerrector",
    "vice provost": "viceprovost", "vice reitor": "vicereitor", "vice reitora": "vicereitor",
    "vice recteur": "vicerecteur", "vice rectrice": "vicerecteur",
}

#: Credentials stripped when they stand alone after a comma or a bar ("…, CPA | MBA").
CREDENTIALS: frozenset[str] = word_set("""
mba phd ph d dphil cpa pmp cfa caia frm cisa cism cissp ccna ccnp aws pe p eng peng eit jd
llm llb esq md do rn bsn msn dnp np pa c lcsw lmft lpc sphr phr shrm cp shrm scp cma cia
acca aca cima csm cspo psm safe itil six sigma lean ms msc bsc ba bs ma mpa mph edd mha mhsa
mfa cfp chfa cfe cams aml clu chfc rics fca mcips cips pharmd dds dmd od dvm faia aia leed ap
cpcu aipm cdmp gphr sphri ctp crpc ms ed m ed ma ed pgce qts
""")

#: Segments made only of these (and company-like words after them) are decorations.
DECORATION_WORDS: frozenset[str] = word_set("""
hiring we re were are is i am im open to work opentowork looking for new opportunities
opportunity seeking available actively job search searching career break on sabbatical
top voice linkedin influencer speaker keynote podcast host author of award winning
he him his she her hers they them their pronouns
""")

#: Phrases that mean "no current title" — read as nothing, never as a guess.
NO_TITLE: frozenset[str] = frozenset(fold(p) for p in [
    "unemployed", "retired", "between jobs", "open to work", "looking for work", "seeking opportunities",
    "career break", "sabbatical", "stealth", "stealth mode",
    "stealth startup", "confidential", "n a", "na", "none", "-", "desempleado", "jubilado",
    "desempregado", "aposentado", "retraite", "retraitee", "arbeitssuchend", "im ruhestand",
    "rentner",
])

# --------------------------------------------------------------------------------------
# Roles: what a person *is* (head nouns with their modifiers). "function | role | phrases".
# The role names a family of equivalent titles, used to match a user's target title.
# --------------------------------------------------------------------------------------
_ROLE_TABLE = """
product_management | product manager | product manager; product managers; associate product manager; group product manager; technical product manager; product owner; principal product manager; gerente de producto; gerente de produto; gestor de produto; gestor de producto; gerente de produtos; product owner; dueno de producto; produktmanager; produktmanagerin; produktmanagement; produkt manager; produktverantwortlicher; produkteigner; chef de produit; cheffe de produit; responsable produit; chef de produits; lider de produto; lider de producto; pm de produto; proprietaire du produit; responsable de produit
product_management | product analyst | analista de produto; analista de producto; product analyst; product specialist; product strategist; product operations manager
product_management | product manager | dueno del producto; duena de producto; dono do produto; dona do produto; dono de produto; proprietario do produto; proprietaria do produto; product development; product development manager; desarrollo de producto; desarrollo de productos; desenvolvimento de produto; developpement produit; produktentwicklung
engineering | software engineer | software engineer; software engineers; software development engineer; software developer; developer; developers; programmer; coder; web developer; frontend engineer; frontend developer; backend engineer; backend developer; fullstack engineer; fullstack developer; mobile engineer; mobile developer; ios engineer; ios developer; android engineer; android developer; application developer; applications developer; member of technical staff; site reliability engineer; devops engineer; devops; platform engineer; infrastructure engineer; cloud engineer; software architect; solutions architect; technical architect; game developer; embedded software engineer; firmware engineer; ingeniero de software; ingeniera de software; desarrollador; desarrolladora; desarrollador de software; programador; programadora; ingeniero de desarrollo; desenvolvedor; desenvolvedora; engenheiro de software; engenheira de software; desenvolvedor de software; programador de software; developpeur; developpeuse; developpeur logiciel; ingenieur logiciel; ingenieure logiciel; ingenieur developpement; ingenieur developpeur; concepteur developpeur; softwareentwickler; softwareentwicklerin; entwickler; entwicklerin; softwareingenieur; software ingenieur; anwendungsentwickler; programmierer; webentwickler; informatiker; frontend entwickler; backend entwickler; fullstack entwickler; technical lead; lead developer; lead engineer; staff engineer; principal engineer; distinguished engineer; software craftsman; fachinformatiker anwendungsentwicklung; arquitecto de software; arquitecta de software; arquiteto de software; arquiteta de software; arquitecto de soluciones; arquitecta de soluciones; arquiteto de solucoes; arquiteta de solucoes; architecte logiciel; architecte solutions; architecte technique; arquiteto de nuvem; arquiteta de nuvem; arquitecto cloud; arquitecta cloud; architecte cloud
engineering | data engineer | data engineer; data engineers; analytics engineer; big data engineer; etl developer; ingeniero de datos; engenheiro de dados; ingenieur data; data ingenieur; dateningenieur; ingeniera de datos; engenheira de dados; ingenieure data; ingenieure donnees; arquitecto de datos; arquitecta de datos; arquiteto de dados; arquiteta de dados; architecte de donnees; architecte data; datenarchitekt
engineering | machine learning engineer | machine learning engineer; ml engineer; ai engineer; artificial intelligence engineer; deep learning engineer; computer vision engineer; nlp engineer; mlops engineer; ingeniero de machine learning; engenheiro de machine learning; ingenieur machine learning
engineering | machine learning engineer | machine learning; ml engineering; ingeniera de machine learning; engenheira de machine learning; ingenieure machine learning; ml ingenieur
engineering | software engineer | founding engineer; software development; web development; application development; mobile development; game development; software development manager; frontend development; backend development; fullstack development; desarrollo web; desenvolvimento web; developpement web; webentwicklung
engineering | engineer | engineer; engineers; ingeniero; ingeniera; engenheiro; engenheira; ingenieur; ingenieure; ingenieurin; mechanical engineer; electrical engineer; civil engineer; chemical engineer; hardware engineer; process engineer; manufacturing engineer; industrial engineer; structural engineer; design engineer; project engineer; field engineer; systems engineer; biomedical engineer; aerospace engineer; electronics engineer; robotics engineer; controls engineer; automation engineer; rf engineer; asic engineer; verification engineer; reliability engineer; validation engineer; ingeniero mecanico; ingeniero civil; ingeniero industrial; ingeniero electrico; engenheiro mecanico; engenheiro civil; engenheiro de producao; engenheiro eletricista; ingenieur mecanique; maschinenbauingenieur; bauingenieur; elektroingenieur; konstrukteur
engineering | engineer | conducteur de travaux; conductrice de travaux; jefe de obra; jefa de obra; mestre de obras; projektingenieur; projektingenieurin; development engineer; process development; energy engineer; solar engineer; resident engineer
engineering | software engineer | fachinformatiker fur anwendungsentwicklung; fachinformatiker anwendungsentwicklung
information_technology | it specialist | mesa de ayuda; mesa de servicio; service desk analyst; sap berater; sap beraterin; sap entwickler; ingeniero de sistemas; ingeniera de sistemas; ingeniero en sistemas; ingeniera en sistemas; engenheiro de sistemas; engenheira de sistemas; ingeniero en sistemas computacionales; ingeniero informatico; ingeniera informatica; security engineer; cybersecurity engineer; information security engineer; information technology; it; ti; tic; informatica; informatique; edv; it support; it support specialist; it specialist; it technician; it administrator; it manager; it director; help desk; helpdesk; service desk; desktop support; technical support specialist; system administrator; systems administrator; network administrator; database administrator; it analyst; systems analyst; it consultant; it operations; chief information officer; chief information security officer; information security analyst; security analyst; cybersecurity analyst; cyber security analyst; soc analyst; cybersecurity; cyber security; information security; infosec; it security; network engineer; network architect; cloud administrator; salesforce administrator; sap consultant; erp consultant; business intelligence analyst; business intelligence developer; bi developer; soporte tecnico; tecnico de soporte; analista de sistemas; administrador de sistemas; suporte tecnico; analista de suporte; analista de ti; tecnico de informatica; tecnico informatico; administrateur systeme; administrateur systemes et reseaux; technicien informatique; technicien support; systemadministrator; it administrator; fachinformatiker; fachinformatiker systemintegration; it systemadministrator; netzwerkadministrator; it berater; it leiter; technical support engineer; administratrice systeme; administratrice systemes et reseaux; technicienne informatique; technicienne support; ingenieur reseaux; ingenieure reseaux; ingeniero de redes; ingeniera de redes; engenheiro de redes; engenheira de redes; netzwerkingenieur; analista de soporte; tecnica de soporte; tecnico de suporte; administradora de sistemas; administradora de redes; administrador de redes; arquitecto de sistemas; arquitecta de sistemas; arquiteto de sistemas; arquiteta de sistemas; architecte systemes; architecte reseau; arquitecto de redes; arquiteto de redes; security administrator; it security administrator; ict security administrator
quality_assurance | quality assurance engineer | test engineer; software development engineer in test; quality assurance; quality assurance engineer; quality assurance analyst; quality engineer; quality control; quality control analyst; quality control inspector; quality manager; quality specialist; qa tester; tester; software tester; test analyst; test automation engineer; automation tester; software development engineer in test; quality inspector; quality auditor; analista de calidad; analista de qualidade; analista de testes; engenheiro de qualidade; ingeniero de calidad; ingenieur qualite; responsable qualite; qualitatsmanager; qualitaetsmanager; qualitatssicherung; qualitaetssicherung; softwaretester; testingenieur; qa engineer; qa analyst; qa lead; qa manager
research | data scientist | data scientist; data scientists; data science; cientifico de datos; cientista de dados; data scientifique; datenwissenschaftler; machine learning scientist; applied scientist; research scientist; ai researcher; ai scientist; decision scientist; quantitative researcher; statistician; estadistico; estatistico; statisticien; statistiker; cientifica de datos; cientifico de dados; scientifique des donnees; data scientiste
research | data analyst | data analyst; data analysts; analytics; data analytics; analytics manager; analista de datos; analista de dados; analyste de donnees; data analyste; datenanalyst; datenanalystin; insights analyst; reporting analyst; marketing analyst; people analyst
research | researcher | principal investigator; researcher; research; research assistant; research associate; research fellow; research engineer; postdoctoral researcher; postdoctoral fellow; postdoctoral research associate; phd candidate; phd student; phd researcher; doctoral candidate; doctoral researcher; doctoral student; graduate research assistant; scientist; chemist; biologist; physicist; economist; research analyst; user researcher; ux researcher; user experience researcher; design researcher; lab technician; laboratory technician; research technician; investigador; investigadora; pesquisador; pesquisadora; cientifico; cientista; chercheur; chercheuse; doctorant; doctorante; ingenieur de recherche; forscher; forscherin; wissenschaftler; wissenschaftlerin; wissenschaftlicher mitarbeiter; wissenschaftliche mitarbeiterin; doktorand; doktorandin; research and development; clinical research associate; clinical research coordinator
research | researcher | masterand; masterandin; bachelorand; bachelorandin; postdoc; postdoctoral; postdoctoral scholar; postdoctoral research fellow; research fellow; senior research fellow; clinical fellow; graduate fellow; posdoutorando; pos doutorado; posdoctorado; investigador posdoctoral; investigadora posdoctoral; chercheur postdoctoral; chercheuse postdoctorale; postdoctorant; postdoctorante; postdoktorand; postdoktorandin; mestrando; mestranda; doutorando; doutoranda; doctorando; doctoranda; candidato a doutor; candidata a doutora; laborant; laborantin; chemielaborant; biologielaborant; laborantinnen; technicien de laboratoire; technicienne de laboratoire; tecnico de laboratorio; tecnica de laboratorio; clinical development; drug development
research | researcher | charge d etudes; chargee d etudes; charge d etudes marketing; chargee d etudes statistiques
research | policy analyst | policy analyst; policy advisor; policy adviser; policy officer; policy researcher; policy associate; policy manager; public policy; public policy manager; policy; analista de politicas publicas; analista de politica publica; charge de mission politiques publiques; politikreferent; politikreferentin; energy analyst; energy market analyst; analista de energia; analyste energie; energieanalyst
arts_and_design | designer | designer; designers; design; ux designer; ui designer; user experience designer; user interface designer; user interface user experience designer; user experience user interface designer; product designer; interaction designer; visual designer; graphic designer; web designer; motion designer; brand designer; industrial designer; interior designer; fashion designer; service designer; content designer; ux writer; design lead; head of design; creative director; art director; illustrator; animator; artist; photographer; architect; architecte; arquitecto; arquiteto; architekt; architektin; disenador; disenadora; disenador grafico; disenador ux; designer grafico; designer de produto; designer de interacao; graphiste; designer produit; concepteur ux; mediengestalter; grafikdesigner; produktdesigner; gestalter; musician; actor; actress; creative; 3d artist; video editor; arquitecta; arquiteta; director de arte; directora de arte; diretor de arte; diretora de arte; directeur artistique; directrice artistique; disenadora grafica; designer grafica; grafikdesignerin
arts_and_design | designer | visual merchandiser; visual merchandising; studio; studio manager; studio director; studio head; artistic director; directeur artistique adjoint; kunstlerischer leiter; direccion de arte; direcao de arte; direction artistique
human_resources | recruiter | recruiter; recruiters; technical recruiter; talent acquisition; talent acquisition partner; talent acquisition specialist; talent acquisition manager; talent partner; recruiting; recruitment; recruiting coordinator; recruitment consultant; sourcer; talent sourcer; headhunter; executive search; reclutador; reclutadora; recrutador; recrutadora; charge de recrutement; chargee de recrutement; recruteur; recruteuse; personalberater; personalberaterin; recruiterin; analista de seleccion; analista de selecao; analista de recrutamento; analista de reclutamiento; analista de recrutamento e selecao; analista de reclutamiento y seleccion
human_resources | human resources | people operations manager; people operations specialist; human resources; human resources business partner; people partner; people operations; people and culture; talent; talent management; learning and development; compensation; benefits; compensation and benefits; payroll and benefits; hris; hr generalist; human resources generalist; human resources manager; human resources specialist; employer branding; organizational development; diversity equity and inclusion; chief human resources officer; chief people officer; recursos humanos; rh; ressources humaines; personalwesen; personalreferent; personalreferentin; personalleiter; personalleiterin; personalentwicklung; personalsachbearbeiter; analista de recursos humanos; analista de rh; generaliste rh; charge de rh; responsable rh; responsable des ressources humaines; gestionnaire rh; business partner rh; hr business partner; hr manager
human_resources | human resources | generalista de recursos humanos; generalista de rh; analista de departamento pessoal; asistente de recursos humanos; assistente de recursos humanos; auxiliar de recursos humanos; tecnico de seleccion; tecnica de seleccion; tecnico de recursos humanos; tecnica de recursos humanos; psicologa organizacional; psicologo organizacional; psicologa laboral; psicologo laboral; gestor de pessoas; gestora de pessoas; jefe de personal; jefa de personal; business partner de recursos humanos; diversity; diversity and inclusion; diversidad e inclusion; diversidade e inclusao; diversite et inclusion; leadership development; talent development
accounting | accountant | gestionnaire de paie; paie; accountant; accountants; accounting; staff accountant; senior accountant; controller; financial controller; comptroller; bookkeeper; bookkeeping; auditor; audit; audit associate; assurance associate; assurance; external auditor; internal auditor; tax; tax associate; tax consultant; tax advisor; tax manager; accounts payable; accounts receivable; payroll; payroll specialist; certified public accountant; chartered accountant; contador; contadora; contable; contabilidad; contador publico; auditor externo; contabilidade; analista contabil; analista fiscal; auditoria; comptable; expert comptable; auditeur; auditrice; controleur de gestion; buchhalter; buchhalterin; buchhaltung; finanzbuchhalter; bilanzbuchhalter; wirtschaftsprufer; wirtschaftspruefer; steuerberater; steuerberaterin; steuerfachangestellte; steuerfachangestellter; revisor; prufungsassistent; controlling; controllerin; controleuse de gestion; analista de nomina; analista de nominas; analista de folha de pagamento; gestionnaire paie; contadora publica; contadora general; contador general
accounting | accountant | chief accounting officer
finance | financial analyst | finance; financial; financial analyst; finance analyst; financial planning and analysis; treasury; treasurer; investment banking; investment banker; investment analyst; investment associate; investments; investor; venture capital; venture capitalist; private equity; hedge fund; portfolio manager; asset management; wealth management; wealth advisor; financial advisor; financial planner; investment advisor; trader; trading; equity research; equity research analyst; credit analyst; credit; risk analyst; risk; risk management; underwriter; underwriting; actuary; actuarial analyst; loan officer; mortgage loan officer; mortgage advisor; bank teller; teller; banker; personal banker; relationship banker; private banker; quantitative analyst; quant; financial services; corporate finance; mergers and acquisitions; corporate development; claims adjuster; claims examiner; claims specialist; analista financiero; analista de finanzas; finanzas; financas; analista financeiro; analista de investimentos; analyste financier; finance d entreprise; charge d affaires bancaire; finanzanalyst; finanzen; finanzwesen; bankkaufmann; bankkauffrau; anlageberater; kundenberater bank; credit risk; fraud analyst; fraud; chief financial officer; tesorero; tesorera; tesoureiro; tesoureira; tresorier; tresoriere; analista de credito; analista de riesgos; analista de riscos
finance | financial analyst | general partner; limited partner; venture partner; angel investor; business angel; esg analyst; esg; analista de fraude; analista de fraudes; analyste fraude; fraude; fraud prevention; betrugsbekampfung; analista de risco; analista de riesgo; analyste risques; analyste risque; analyste des risques; risikoanalyst; risikomanager; risikocontroller; energy trader
legal | lawyer | syndikusrechtsanwalt; syndikusrechtsanwaltin; legal; lawyer; attorney; associate attorney; attorney at law; counsel; general counsel; associate general counsel; legal counsel; in house counsel; corporate counsel; solicitor; barrister; trainee solicitor; paralegal; legal assistant; legal secretary; law clerk; judicial clerk; judge; notary; compliance; compliance officer; compliance analyst; compliance manager; privacy counsel; regulatory affairs; contracts manager; abogado; abogada; asesor juridico; advogado; advogada; juridico; avocat; avocate; juriste; notaire; rechtsanwalt; rechtsanwaltin; jurist; juristin; syndikusanwalt; rechtsreferendar; justiziar; chief legal officer; asesora juridica; assessora juridica; assessor juridico; oficial de cumplimiento; analista de compliance
legal | lawyer | litigation; litigation associate; litigation attorney; litigation paralegal; litigator; trial attorney; corporate associate; chief counsel; deputy general counsel; assistant general counsel; juez; jueza; juiz; juiza; juge; richter; richterin; magistrate; magistrado; magistrada; magistrat; magistrate judge
marketing | marketing | chef de produit marketing; marketing; marketer; marketing manager; digital marketing; growth; growth marketing; growth marketer; growth hacker; brand; brand manager; brand marketing; product marketing; product marketing manager; content marketing; content marketer; performance marketing; marketing operations; demand generation; lifecycle marketing; email marketing; seo; sem; search engine optimization; social media; social media manager; community manager; marketing coordinator; marketing specialist; marketing analyst; field marketing; partner marketing; event marketing; events; marketing communications; advertising; media buyer; chief marketing officer; mercadeo; mercadotecnia; analista de marketing; mercadologo; charge de marketing; chargee de marketing; responsable marketing; chef de projet marketing; marketingmanager; marketing manager in; online marketing; onlinemarketing; marketingleiter; werbung; copywriter; influencer marketing
marketing | marketing | audience development manager; audience development specialist; audience development director; audience development coordinator; audience development editor; ecommerce; ecommerce manager; ecommerce specialist; head of ecommerce; audience development; audience engagement; audience growth; customer acquisition; user acquisition; comercio electronico; comercio eletronico; commerce en ligne; onlinehandel; product marketing manager
sales | sales | sales; seller; salesperson; sales representative; sales associate; sales executive; sales manager; sales director; account executive; account manager; key account manager; account director; enterprise account executive; sales development representative; inside sales; outside sales; territory manager; regional sales manager; sales engineer; solutions engineer; presales; pre sales; solutions consultant; sales consultant; relationship manager; client executive; commercial; chief revenue officer; chief commercial officer; revenue; retail sales; store associate; cashier; insurance agent; sales agent; vendedor; vendedora; ventas; ejecutivo de ventas; ejecutivo de cuentas; ejecutiva de cuentas; ejecutivo comercial; asesor comercial; representante de ventas; comercial; executivo de vendas; executivo de contas; consultor de vendas; vendas; representante comercial; gerente de contas; gerente comercial; commerciale; ingenieur commercial; charge d affaires; chargee d affaires; attache commercial; technico commercial; vertrieb; vertriebsmitarbeiter; vertriebsmitarbeiterin; vertriebsleiter; verkauf; verkaufer; verkauferin; verkaeufer; kundenberater; aussendienst; aussendienstmitarbeiter; innendienst; account manager in; gerente de cuentas; gerente de cuenta; gerente de conta; ejecutiva de ventas; ejecutivo de cuenta; ejecutiva de cuenta; executiva de vendas; executiva de contas; executivo de conta; executiva de conta; gerente de relacionamento; asesora comercial; consultora comercial; consultora de vendas; attachee commerciale; technico commerciale; representante de vendas; vendedor externo; vendedora externa; promotor de ventas; promotora de ventas; handelsvertreter; handelsvertreterin; vendeur; vendeuse; conseiller de vente; conseillere de vente; conseiller commercial; conseillere commerciale; asistente de tienda; auxiliar de tienda; dependiente; dependienta; employe de magasin; employee de magasin; atendente de loja; vendedor de loja; vendedora de loja; vendedor de tienda; vendedora de tienda
sales | sales | kaufmann im einzelhandel; kauffrau im einzelhandel; verkaufer im einzelhandel; verkauferin im einzelhandel; firmenkundenbetreuer; firmenkundenbetreuerin; firmenkundenberater; firmenkundenberaterin; merchandising; merchandiser; merchandising manager; merchandise manager; gerente de merchandising; executivo de negocios; executiva de negocios; ejecutivo de negocios; ejecutiva de negocios; privatkundenbetreuer; privatkundenbetreuerin; privatkundenberater; privatkundenberaterin; geschaftskundenbetreuer; geschaftskundenbetreuerin; charge de clientele professionnelle
business_development | business development | business development; business development representative; business development manager; business development executive; business developer; partnerships; partnership; partner manager; partnerships manager; alliances; alliance manager; channel partner manager; channel manager; strategic partnerships; strategy; corporate strategy; strategy and operations; strategy manager; chief strategy officer; desarrollo de negocio; desarrollo de negocios; desenvolvimento de negocios; desenvolvimento de negocio; developpement commercial; business development rh; geschaftsentwicklung; geschaeftsentwicklung; business development manager in; fundraising; fundraiser; grants manager; grant writer
business_development | business development | fund development; resource development; major gifts; major gifts officer; project developer; project development; project development manager; renewable energy developer; wind developer; solar developer; desarrollador de proyectos; desarrolladora de proyectos; desenvolvedor de projetos; developpeur de projets; developpeuse de projets; charge d affaires developpement; gerente de negocios; gerente de negocio; negocios; novos negocios; market development
customer_success_and_support | customer success | customer success; customer success manager; customer success specialist; customer support; customer service; customer service representative; customer care; customer experience; client services; client success; client support; support; support engineer; support specialist; support agent; technical support; call center agent; contact center; customer operations; account management support; implementation specialist; implementation manager; onboarding specialist; atencion al cliente; servicio al cliente; atendimento; atendimento ao cliente; sucesso do cliente; analista de sucesso do cliente; customer success analyst; service client; charge de clientele; conseiller client; conseillere client; kundenservice; kundenbetreuer; kundenbetreuerin; kundendienst; kundensupport
operations | operations | operations; operations manager; operations specialist; operations analyst; operations associate; business operations; sales operations; revenue operations; supply chain; supply chain manager; logistics; logistics manager; logistician; warehouse manager; warehouse associate; distribution; fulfillment; production manager; plant manager; production supervisor; manufacturing manager; facilities manager; facility manager; office operations; chief operating officer; chief of staff; general manager; store manager; branch manager; restaurant manager; operaciones; gerente de operaciones; logistica; cadena de suministro; operacoes; gerente de operacoes; analista de logistica; analista de operacoes; responsable des operations; responsable logistique; logisticien; chef d exploitation; betriebsleiter; logistiker; lagerleiter; produktionsleiter; disponent; disponentin; filialleiter; dispatcher; trust and safety; almacenista; almoxarife; magasinier; magasiniere; jefe de almacen; jefa de almacen
operations | operations | sustainability; sustainability manager; sustainability analyst; sustainability specialist; sustainability coordinator; sustainability consultant; chief sustainability officer; corporate social responsibility; csr; environmental health and safety; sostenibilidad; sustentabilidad; sustentabilidade; durabilite; developpement durable; rse; charge de mission rse; responsable rse; nachhaltigkeit; nachhaltigkeitsmanager; nachhaltigkeitsmanagerin; founders associate; founders office; werkleiter; schichtleiter; schichtfuhrer; schichtfuhrerin; schichtleitung; gruppenfuhrer; vorarbeiter; vorarbeiterin; shift lead; shift leader; shift supervisor; shift manager; plant director; directeur d usine; directrice d usine; jefe de planta; gerente de planta; gerente de fabrica; chef d atelier; chef d equipe production
operations | production and warehouse worker | chofer; chofer repartidor; repartidor; repartidora; motorista; motorista entregador; entregador; obrero; obrera; industriemeister; industriemeisterin; forklift operator; forklift driver; order picker; picker; packer; picker packer; material handler; machine operator; production operator; production worker; production associate; manufacturing associate; manufacturing technician; assembler; line operator; warehouse worker; warehouse operative; warehouse clerk; stocker; maintenance technician; solar installer; solar panel installer; solar pv installer; pv installer; solar technician; operador de montacargas; operadora de montacargas; montacarguista; carretillero; carretillera; operador de carretilla elevadora; preparador de pedidos; preparadora de pedidos; mozo de almacen; auxiliar de almacen; operario de almacen; operaria de almacen; operario; operaria; operario de produccion; operaria de produccion; operador de produccion; operadora de produccion; operador de maquinas; operadora de maquinas; auxiliar de produccion; ayudante de produccion; operador de empilhadeira; operadora de empilhadeira; empilhadeirista; auxiliar de almoxarifado; conferente; separador de mercadorias; estoquista; operador de producao; operadora de producao; auxiliar de producao; auxiliar de logistica; ajudante geral; operador de maquina; cariste; preparateur de commandes; preparatrice de commandes; operateur de production; operatrice de production; agent de production; agent logistique; conducteur de ligne; conductrice de ligne; manutentionnaire; ouvrier; ouvriere; ouvrier de production; staplerfahrer; staplerfahrerin; gabelstaplerfahrer; kommissionierer; kommissioniererin; lagerarbeiter; lagermitarbeiter; lagermitarbeiterin; produktionsmitarbeiter; produktionsmitarbeiterin; produktionshelfer; produktionshelferin; maschinenfuhrer; maschinenfuhrerin; maschinenbediener; maschinenbedienerin; anlagenfuhrer; anlagenfuhrerin; fachkraft fur lagerlogistik; fachlagerist; fachlageristin
administrative | administrative assistant | kaufmann fur buromanagement; kauffrau fur buromanagement; industriekaufmann; industriekauffrau; administrador; administradora; administrative assistant; executive assistant; personal assistant; office manager; office administrator; administrator; receptionist; secretary; front desk; clerk; office assistant; data entry; administrative coordinator; administrative officer; virtual assistant; asistente administrativo; asistente administrativa; asistente ejecutiva; secretaria; recepcionista; auxiliar administrativo; assistente administrativo; assistente administrativa; assistente executiva; secretaria executiva; auxiliar administrativa; assistante administrative; assistant administratif; assistante de direction; secretaire; office manager; sekretar; sekretarin; sekretaerin; assistenz der geschaftsfuhrung; assistentin der geschaftsfuhrung; burokauffrau; burokaufmann; kaufmannische angestellte; sachbearbeiter; sachbearbeiterin; teamassistenz; empfang; asistente de gerencia; asistente de direccion; assistente de diretoria; assistente de direcao; secretario; secretaria ejecutiva; chargee d accueil; charge d accueil; empfangsmitarbeiterin; grabador de datos; grabadora de datos; digitador; digitadora; digitador de dados; operador de datos; saisie de donnees; operateur de saisie; operatrice de saisie; datenerfasser; data entry clerk; agent d accueil; agente d accueil; hote d accueil; hotesse d accueil
program_and_project_management | project manager | project manager; project managers; project management; project coordinator; project lead; project leader; project director; program manager; programme manager; program management; program coordinator; program director; technical program manager; scrum master; agile coach; delivery manager; pmo; pmo manager; pmo analyst; project management professional; release manager; implementation lead; gerente de proyectos; gerente de proyecto; jefe de proyecto; jefe de proyectos; coordinador de proyectos; lider de proyecto; gerente de projetos; gerente de projeto; coordenador de projetos; gestor de projetos; analista de projetos; chef de projet; cheffe de projet; chef de projets; directeur de projet; responsable de projet; projektleiter; projektleiterin; projektmanager; projektmanagerin; projektkoordinator; projekt manager; programmmanager
purchasing | buyer | purchasing; purchasing manager; purchasing agent; procurement; procurement manager; procurement specialist; procurement analyst; buyer; buyers; senior buyer; sourcing; sourcing manager; strategic sourcing; category manager; category management; vendor manager; supplier manager; comprador; compradora; compras; analista de compras; jefe de compras; gerente de compras; acheteur; acheteuse; achats; responsable achats; einkaufer; einkauferin; einkaeufer; einkauf; strategischer einkaufer; chief procurement officer; approvisionneur; approvisionneuse
purchasing | buyer | compradora tecnica; comprador tecnico; analista de suprimentos; comprador senior; compradora senior
consulting | consultant | consultant; consultants; consulting; management consultant; strategy consultant; associate consultant; senior consultant; business consultant; business analyst; engagement manager; advisory; advisor; adviser; consultor; consultora; consultoria; consultor de negocios; consultant en strategie; conseil; berater; beraterin; unternehmensberater; unternehmensberaterin; consultante; senior berater
consulting | consultant | consultora de negocios; consultor de negocio; consultora de negocio; analista de negocios; analista de negocio; independent consultant; freelance consultant; consultor independiente; consultora independiente; consultor independente; consultora independente; consultant independant; consultante independante; freiberuflicher berater; freiberufliche beraterin; selbststandiger berater
education | teacher | teacher; teachers; teaching; educator; professor; assistant professor; associate professor; lecturer; senior lecturer; instructor; tutor; teaching assistant; teaching fellow; faculty; dean; principal of school; school principal; headteacher; head teacher; school counselor; librarian; special education teacher; substitute teacher; kindergarten teacher; preschool teacher; early childhood educator; trainer; corporate trainer; instructional designer; curriculum developer; academic advisor; profesor; profesora; maestro; maestra; docente; catedratico; professora; coordenador pedagogico; pedagogo; pedagoga; enseignant; enseignante; professeur; professeure; maitre de conferences; formateur; formatrice; institutrice; instituteur; lehrer; lehrerin; dozent; dozentin; lehrkraft; erzieher; erzieherin; hochschullehrer; studienrat; studienratin; ausbilder; coordenadora pedagogica; coordinadora pedagogica; coordinador pedagogico; docente universitaria; profesora universitaria; professora universitaria
education | teacher | decano; decana; doyen; doyenne; dekan; dekanin; lehramtsanwarter; lehramtsanwarterin; professorin; full professor; adjunct professor; visiting professor; clinical professor; research professor; distinguished professor; professor emeritus; emeritus professor; juniorprofessor; juniorprofessorin; universitatsprofessor; universitatsprofessorin; professor universitario; professora universitaria; profesor universitario; profesor titular; profesora titular; catedratica; professeur des universites; professeur d universite; teaching fellow; school principal; elementary school principal; high school principal; middle school principal; primary school principal; assistant principal; vice principal; deputy headteacher; deputy head teacher; headmaster; headmistress; head of school; schulleiter; schulleiterin; konrektor; konrektorin; rektor; rektorin; director de escuela; directora de escuela; director de colegio; directora de colegio; director escolar; directora escolar; diretor escolar; diretora escolar; diretor de escola; diretora de escola; directeur d ecole; directrice d ecole; proviseur; proviseure; proviseur adjoint; proviseure adjointe; principal de college; principale de college; chef d etablissement; provost; viceprovost; rector; rectora; reitor; reitora; recteur; rectrice; vicechancellor; pro vicechancellor; deputy vicechancellor; vicerrector; vicereitor; vicerecteur; prorektor; prorektorin; university president; president of the university; dean of engineering
healthcare_services | nurse | nurse; nurses; registered nurse; nurse practitioner; licensed practical nurse; staff nurse; charge nurse; nursing; nurse manager; certified nursing assistant; nursing assistant; enfermero; enfermera; enfermeiro; enfermeira; tecnico de enfermagem; infirmier; infirmiere; krankenpfleger; krankenschwester; pflegefachkraft; pflegefachfrau; pflegefachmann; gesundheits und krankenpfleger; gesundheits und krankenpflegerin; altenpfleger; altenpflegerin; tecnica de enfermagem; auxiliar de enfermagem; auxiliar de enfermeria; tecnica en enfermeria; tecnico en enfermeria; aide soignante; aide soignant; infirmiere puericultrice
healthcare_services | physician | physician; doctor; medical doctor; surgeon; resident physician; medical resident; resident; attending physician; hospitalist; general practitioner; family physician; pediatrician; psychiatrist; anesthesiologist; cardiologist; radiologist; oncologist; dermatologist; internist; internal medicine; family medicine; emergency medicine; pediatrics; medicine; medico; medica; medico cirujano; medecin; chirurgien; arzt; arztin; facharzt; fachaerztin; fachartzin; assistenzarzt; assistenzarztin; oberarzt; oberarztin; chefarzt; chefarztin; physician assistant; chief medical officer
healthcare_services | physician | anaesthetist; anesthetist; anaesthesiologist; anesthesiologist; paediatrician; pediatrician; neurologist; gastroenterologist; endocrinologist; nephrologist; pulmonologist; rheumatologist; urologist; ophthalmologist; gynaecologist; gynecologist; obstetrician; obstetrician gynecologist; haematologist; hematologist; pathologist; histopathologist; neurosurgeon; intensivist; geriatrician; cardiologist; radiologist; oncologist; dermatologist; psychiatrist; orthopaedic surgeon; orthopedic surgeon; cardiothoracic surgeon; general surgeon; plastic surgeon; vascular surgeon; emergency physician; pediatra; cardiologo; cardiologa; psiquiatra; anestesiologo; anestesiologa; anestesista; ginecologo; ginecologa; dermatologo; dermatologa; radiologista; radiologo; oncologista; oncologo; ortopedista; traumatologo; neurologista; neurologo; pediatre; cardiologue; psychiatre; anesthesiste; gynecologue; dermatologue; radiologue; kinderarzt; kinderarztin; kardiologe; kardiologin; psychiater; psychiaterin; anasthesist; anasthesistin; radiologe; radiologin; frauenarzt; frauenarztin; attending; attending surgeon; consultant physician; consultant surgeon; interne en medecine; interne des hopitaux; medico residente; medica residente; medico interno residente; arzt in weiterbildung; arztin in weiterbildung; zahnarzt; zahnarztin; dentist; dentista; dentiste; chirurgien dentiste; cirurgiao dentista; cirurgia dentista; odontologo; odontologa; orthodontist; periodontist; endodontist; oral surgeon; cirujano; cirujana; cirurgiao; chirurgienne; chirurg; chirurgin; medecin generaliste; medico general; medica general; medico de familia; medica de familia; hausarzt; hausarztin; allgemeinmediziner; allgemeinmedizinerin; internal medicine resident; chief resident
healthcare_services | healthcare professional | healthcare; health care; pharmacist; pharmacy technician; dentist; dental hygienist; dental assistant; therapist; physical therapist; physiotherapist; occupational therapist; speech therapist; speech language pathologist; respiratory therapist; psychologist; clinical psychologist; counselor; mental health counselor; medical assistant; paramedic; emergency medical technician; radiologic technologist; sonographer; phlebotomist; optometrist; veterinarian; dietitian; nutritionist; caregiver; home health aide; medical scribe; patient care technician; midwife; chiropractor; audiologist; farmaceutico; farmaceutica; fisioterapeuta; psicologo; psicologa; odontologo; dentista; nutricionista; veterinario; pharmacien; pharmacienne; kinesitherapeute; psychologue; sage femme; apotheker; apothekerin; physiotherapeut; physiotherapeutin; psychologe; psychologin; zahnarzt; zahnarztin; tierarzt; tierarztin; ergotherapeut; logopade; medizinische fachangestellte; medical affairs; odontologa; fonoaudiologa; fonoaudiologo; logopeda; orthophoniste; nutriologa; kinesiologa; kinesiologo
healthcare_services | healthcare professional | pharmd; doctor of pharmacy; clinical pharmacist; farmaceutica clinica; farmaceutico clinico
community_and_social_services | social worker | resident assistant; resident advisor; residence hall director; social worker; social work; case manager; caseworker; case worker; community organizer; community outreach; outreach coordinator; youth worker; family support worker; counsellor; substance abuse counselor; pastor; minister; chaplain; priest; rabbi; imam; missionary; volunteer coordinator; volunteer manager; community development; community engagement; nonprofit; non profit; program officer; trabajador social; trabajadora social; asistente social; assistente social; educador social; travailleur social; travailleuse social; assistant social; assistante sociale; educateur specialise; educatrice specialisee; sozialarbeiter; sozialarbeiterin; sozialpadagoge; sozialpadagogin; sozialpaedagoge; conseiller en insertion professionnelle; conseillere en insertion professionnelle; educadora social; social security administrator
media_and_communication | communications | communications; communication; communications manager; communications specialist; communications director; corporate communications; internal communications; public relations; media relations; press officer; spokesperson; journalist; reporter; correspondent; editor; editor in chief; managing editor; copy editor; writer; content writer; technical writer; author; producer; video producer; podcast producer; news anchor; anchor; broadcaster; presenter; translator; interpreter; content creator; content manager; content strategist; videographer; photojournalist; periodista; redactor; redactora; comunicacion; comunicaciones; jornalista; redator; redatora; comunicacao; assessor de imprensa; analista de comunicacao; journaliste; redacteur; redactrice; charge de communication; chargee de communication; responsable communication; traducteur; traductrice; journalist; journalistin; redakteur; redakteurin; pressesprecher; pressesprecherin; kommunikation; ubersetzer; ubersetzerin; texter; texterin; volontar; volontarin; assessora de imprensa; jefe de prensa; jefa de prensa; attache de presse; attachee de presse; responsable de prensa; encargado de prensa; encargada de prensa
media_and_communication | communications | chief editor; redactor jefe; redactora jefe; editor chefe; editora chefe; redacteur en chef; redactrice en chef; chefredakteur; chefredakteurin; government affairs; government relations; public affairs; asuntos publicos; relacoes governamentais; relations institutionnelles; affaires publiques
military_and_protective_services | protective services | military; army; navy; air force; marine corps; marines; coast guard; national guard; soldier; infantry; infantryman; sergeant; staff sergeant; lieutenant; colonel; lieutenant colonel; corporal; admiral; commander; special forces; police officer; police; police detective; detective; sheriff; deputy sheriff; state trooper; trooper; firefighter; fire fighter; paramedic firefighter; security guard; security officer; correctional officer; border patrol agent; special agent; bodyguard; security; loss prevention; emergency management; militar; soldado; policia; bombero; bombeiro; policial; gendarme; pompier; sapeur pompier; militaire; soldat; polizist; polizistin; polizeibeamter; feuerwehrmann; bundeswehr; offizier; veteran; teniente; tenente; sargento; capitan; capitao; capitaine; policier; policiere; vigilante; guardia de seguridad; guarda de seguranca; agent de securite; agente de seguridad; agente de seguranca; sicherheitsmitarbeiter; polizeibeamtin; policial militar; jefe de seguridad fisica; vigia; portero
military_and_protective_services | protective services | fire chief; police chief; chief of police; fire captain; police captain; police lieutenant; police sergeant
real_estate | real estate agent | real estate; real estate agent; real estate broker; realtor; realtor associate; broker associate; listing agent; leasing consultant; leasing agent; leasing manager; property manager; property management; asset manager real estate; real estate developer; real estate analyst; appraiser; mortgage broker; title officer; escrow officer; agente inmobiliario; agente imobiliario; corretor de imoveis; corretora de imoveis; inmobiliaria; imobiliaria; agent immobilier; negociateur immobilier; gestionnaire immobilier; immobilienmakler; immobilienmaklerin; makler; immobilienkaufmann; immobilienkauffrau; hausverwalter; corredor de propiedades; corredora de propiedades; negociatrice immobiliere; agente inmobiliaria; asesor inmobiliario; asesora inmobiliaria; consultor imobiliario; consultora imobiliaria
entrepreneurship | founder | founder; cofounder; founding; owner; coowner; business owner; proprietor; entrepreneur; solopreneur; serial entrepreneur; founding partner; fundador; fundadora; cofundador; dueno; duena; propietario; propietaria; emprendedor; emprendedora; empresario; empresaria; socio fundador; dono; dona; proprietario; proprietaria; empreendedor; empreendedora; fondateur; fondatrice; cofondateur; entrepreneur individuel; createur; creatrice; grunder; grunderin; gruender; mitgrunder; mitgrunderin; mitgruender; inhaber; inhaberin; unternehmer; unternehmerin; geschaftsinhaber; cofundadora; cofondatrice; socia fundadora
entrepreneurship | founder | serial entrepreneur; entrepreneuse; solopreneure; gesellschafter; gesellschafterin; geschaftsfuhrender gesellschafter; geschaftsfuhrende gesellschafterin; geschaeftsfuehrender gesellschafter; gerant; gerante; cogerant; gerant associe; gerante associee; gerant de societe; gerante de societe; socio propietario; socia propietaria; socio gerente; socia gerente; socio administrador; socia administradora; socio proprietario; socia proprietaria; empresaria; micro entrepreneur; auto entrepreneur; autoentrepreneur
engineering | engineer | mechatroniker; elektroniker; elektroniker fur betriebstechnik; kfz mechatroniker; technischer leiter; technische leitung; technischer geschaftsfuhrer; technischer direktor; technischer vorstand
finance | financial analyst | kaufmannischer leiter; kaufmannische leitung; kaufmannischer geschaftsfuhrer; kaufmannischer direktor; kaufmannischer vorstand; souscripteur; souscriptrice; vermogensberater; anlageberater; finanzberater
administrative | administrative assistant | assistent; assistenz; teamassistenz; teamassistent; assistent der geschaftsleitung; assistent der geschaftsfuhrung; assistenz der geschaftsleitung; assistenz der geschaftsfuhrung; referent der geschaftsfuhrung; referent der geschaftsleitung; referent des vorstands; vorstandsreferent; sekretar der geschaftsleitung; sekretarin der geschaftsleitung; kaufmann efz; kauffrau efz
research | researcher | wissenschaftlicher mitarbeiter; bolseiro de investigacao; bolseira de investigacao; bolseiro; bolseira; bolsista de pesquisa; bolsista
education | teacher | lehrbeauftragter; lehrbeauftragte; maitresse de conferences; profesor asociado; profesora asociada; profesor adjunto; profesora adjunta; profesor agregado; profesora agregada; profesor contratado doctor; profesora contratada doctora
healthcare_services | healthcare professional | biomedico; biomedica; fachfrau gesundheit; fachmann gesundheit; cadre de sante; cirurgia; primar; primararzt; turnusarzt; medico interno; medica interna
customer_success_and_support | customer success | atendente; teleconseiller; teleconseillere; teleoperateur; teleoperatrice; teleoperador; teleoperadora; conseiller client; conseillere client
quality_assurance | quality assurance engineer | testeur; testeuse; testeur logiciel; testeuse logicielle; testador; testadora
arts_and_design | designer | monteur video; monteuse video; editor de video; editora de video; videomaker
sales | sales | ingenieur d affaires; ingenieure d affaires
marketing | marketing | gestor de trafego; gestora de trafego; gestor de trafego pago; analista de trafego; analista de trafego pago
entrepreneurship | founder | mitinhaber; praxisinhaber
media_and_communication | communications | chef vom dienst; chefin vom dienst
engineering | engineer | dipl ing; diplom ingenieur; diplomingenieur; diplom ingenieurin; diplomingenieurin
healthcare_services | physician | dr med; dr med dent
operations | production and warehouse worker | polier; polierin; hausmeister; hausmeisterin
finance | financial analyst | actuaire; actuario; actuaria; atuario; atuaria; aktuar
"""

# --------------------------------------------------------------------------------------
# Domains: areas of work that name a function when a role noun is generic
# ("Head of Product", "VP Sales", "Director, Finance", "Leiter Marketing").
# --------------------------------------------------------------------------------------
_DOMAIN_TABLE = """
product_management | product; products; product management; product leadership; product operations; product ops; produto; produtos; producto; productos; produkt; produit; produits; gestion de producto; gestao de produto; gestion de produit; produktmanagement
engineering | engineering; software engineering; softwareentwicklung; anwendungsentwicklung; software; technology; technique; tecnico; technisch; technical; tech; r and d; platform; infrastructure; ingenieria; engenharia; ingenierie; entwicklung; technik; desarrollo; desenvolvimento; developpement; technologie; tecnologia; data engineering; ingenieria de software; engenharia de software; genie logiciel; infraestructura; infraestrutura; infrastruktur; plataforma; plateforme; plattform; desarrollo de software; desenvolvimento de software; developpement logiciel
information_technology | systems; it; ti; informatica; sistemas; informatique; systemes; tecnologias de la informacion; tecnologia de la informacion; tecnologia da informacao; technologies de l information; informationstechnik; informationstechnologie; soporte; suporte; redes; reseaux; netzwerk; netzwerke; ciberseguridad; ciberseguranca; cybersecurite; cybersicherheit; seguridad informatica; seguranca da informacao; securite informatique; informationssicherheit; it sicherheit; base de datos; bases de datos; banco de dados; bases de donnees; datenbank; datenbanken; sistemas de informacion; sistemas de informacao; systemes d information; base de donnees; centro de datos; centro de dados; centre de donnees; rechenzentrum; arquitectura empresarial; arquitetura empresarial; architecture d entreprise
research | research; science; sciences; data; data science; analytics; insights; investigacion; pesquisa; recherche; forschung; laboratory; lab; investigacion y desarrollo; pesquisa e desenvolvimento; recherche et developpement; forschung und entwicklung; datos; dados; donnees; daten; ciencia; ciencias; ciencia de datos; ciencia de dados; science des donnees; datenwissenschaft; laboratorio; laboratoire; investigaciones; pesquisas
education | curriculum development; curriculum developer; instructional development
engineering | development team; development teams; development lead; lead development
research | policy; public policy; politicas publicas; politiques publiques
marketing | marketing; brand; growth; digital; communications marketing; mercadeo; publicidad; publicidade; werbung; mercadotecnia; publicite; marca; marcas; marque; marques; marke; social media; redes sociales; redes sociais; reseaux sociaux; soziale medien; numerique; marketing digital; trade marketing
marketing | ecommerce; e business; comercio electronico; comercio eletronico; commerce en ligne; audience; audiences
sales | sales; commercial; revenue; accounts; ventas; vendas; ventes; vertrieb; verkauf; comercial; commerciale; cuentas; cuenta; contas; conta; comptes; grands comptes; grandes cuentas; cuentas clave; contas chave; venta; venda; vente; comerciales; commerciales; aussendienst; innendienst; key account
sales | merchandising
sales | telemarketing; televendas; televentas; televente
business_development | partnerships; strategy; estrategia; strategie; corporate development; new business; nuevos negocios; novos negocios; nouvelles affaires; neugeschaft; alianzas; alianzas estrategicas; aliancas; alliances; partenariats; partenariat; partnerschaften; expansion; expansao; desarrollo comercial
business_development | development; negocios; fundraising; captacion de fondos; captacao de recursos; collecte de fonds
finance | finance; financial; financiere; financier; financiero; financeiro; financeira; financas; finanzas; finances; finanzen; investments; treasury; tesoreria; risk; credit; banking; financiera; financieras; financeiras; financieres; tesouraria; tresorerie; riesgos; riesgo; riscos; risco; risques; risque; risiko; risikomanagement; credito; creditos; kredit; cobranza; cobranzas; cobranca; recouvrement; inkasso; inversiones; investimentos; investissements
finance | bancaire; bancaires; bancario; bancaria; bancarios; conseiller bancaire; conseillere bancaire; fraud; fraude; esg; anti money laundering; aml; prevencion de fraude; prevencao a fraude; betrug
accounting | accounting; contabilidad; contabilidade; comptabilite; rechnungswesen; tax; impuestos; fiscal; audit; nomina; nominas; folha de pagamento; folha de pagamentos; paie; lohnbuchhaltung; gehaltsabrechnung; entgeltabrechnung; lohnabrechnung; payroll; tributario; tributaria; tributos; impostos; fiscalidad; fiscalite; steuern; auditoria; cuentas por pagar; cuentas por cobrar; contas a pagar; contas a receber; facturacion; faturamento; facturation; fakturierung; controladoria; control de gestion; controle de gestion; buchhaltung; costos; custos
human_resources | pessoas; gestao de pessoas; gente e pessoas; personas; gestion de personas; desarrollo de personas; people and culture; people operations
human_resources | people; talent; human resources; recursos humanos; ressources humaines; personal; hr operations; rh; talento; talentos; gestion del talento; gestao de talentos; seleccion; selecao; reclutamiento; recrutamento; recrutement; recruiting; recruitment; formacion; capacitacion; treinamento; formation; weiterbildung; personalentwicklung; treinamento e desenvolvimento; formacion y desarrollo; capacitacion y desarrollo; formation et developpement; desarrollo organizacional; desenvolvimento organizacional; developpement rh; departamento pessoal; departamento de pessoal; departamento de personal; relaciones laborales; relacoes trabalhistas; beneficios; compensaciones; remuneracion; remuneracao; remuneration; verguetung; gente e gestao; gente e cultura; gente; personalwesen; personalabteilung; desenvolvimento humano; desarrollo humano
operations | operations; supply chain; logistics; manufacturing; production; facilities; fulfillment; operaciones; operacoes; exploitation; betrieb; produktion; logistik; servicios generales; logistica; logistique; cadena de suministro; cadena de abastecimiento; cadeia de suprimentos; cadeia de abastecimento; chaine d approvisionnement; lieferkette; almacen; almacenes; armazem; entrepot; lager; warehouse; warehousing; produccion; producao; manufactura; fabricacion; fabricacao; fabrication; fertigung; mantenimiento; manutencao; maintenance; instandhaltung; planta; usine; tienda; tiendas; loja; lojas; magasin; filiale; store; servicos gerais; services generaux; transporte; transportes; distribucion; distribuicao; seguridad industrial; seguranca do trabalho; seguridad y salud en el trabajo; securite au travail; arbeitssicherheit; health and safety; ehs
operations | hse; sst; prevention des risques
operations | sustainability; sostenibilidad; sustentabilidad; sustentabilidade; durabilite; developpement durable; rse; csr; nachhaltigkeit; environmental; environment; medio ambiente; meio ambiente; environnement; umwelt; plant; shift; turno; equipe de production
customer_success_and_support | customer; customers; client; clients; support; service; cliente; clientes; clientele; kunden; atencion al cliente; servicio al cliente; atendimento; atendimento ao cliente; sucesso do cliente; exito del cliente; experiencia del cliente; experiencia do cliente; service client; relation client; relations clients; experience client; kundenservice; kundendienst; kundenbetreuung; kundensupport; customer experience; customer service
legal | legal; juridico; juridique; recht; compliance; regulatory; juridica; juridicos; derecho; direito; droit; cumplimiento; conformidade; conformite; regulatorio; regulatoria; reglementaire; contratos; contrats; vertragsmanagement
legal | litigation; litigios; litigio; contencioso; contentieux; prozessfuhrung
administrative | administrative; administration; administracion; administracao; administratif; verwaltung; administrativo; administrativa; administrativos; administrativas; recepcion; recepcao; empfang; oficina; escritorio; secretariado; secretariat; sekretariat
media_and_communication | communications; media; press; content; editorial; comunicacion; comunicacao; presse; comunicaciones; imprensa; relaciones publicas; relacoes publicas; relations publiques; relations presse; offentlichkeitsarbeit; pressearbeit; periodismo; jornalismo; journalisme; journalismus; contenido; contenidos; conteudo; conteudos; contenu; contenus; inhalte; redaccion; redacao; redaction; redaktion; audiovisual; audiovisuel; kommunikation; communication; gabinete de prensa; oficina de prensa; relaciones con la prensa
arts_and_design | design; creative; ux; user experience; diseno; criacao; creation; gestaltung; diseno grafico; design grafico; design graphique; grafikdesign; arte; kunst; fotografia; photographie; fotografie; arquitectura; arquitetura; architektur; diseno industrial; design industriel
arts_and_design | studio; studios; estudio; estudio de diseno
program_and_project_management | projects; programs; programmes; project; program; proyectos; projetos; projets; projekte; proyecto; projeto; projet; projekt; projektmanagement; gestion de proyectos; gestao de projetos; gestion de projet
purchasing | purchasing; procurement; sourcing; compras; achats; einkauf; adquisiciones; aquisicoes; suprimentos; abastecimiento; abastecimento; approvisionnement; approvisionnements; beschaffung; compra
quality_assurance | qhse; qse; qualite securite environnement
quality_assurance | quality; calidad; qualidade; qualite; qualitat; qualitaet; control de calidad; controle de qualidade; controle qualite; qualitatskontrolle; aseguramiento de la calidad; garantia da qualidade; assurance qualite; pruebas; testes; qualitatssicherung; qualitatsmanagement
education | academica; academico; academic; academique; academics affairs; akademisch
education | education; learning; academics; educacion; educacao; enseignement; bildung; docencia; ensino; ensenanza; pedagogia; padagogik; pedagogie
healthcare_services | clinical; nursing; medical; patient care; health; salud; saude; sante; pflege; enfermeria; enfermagem; soins infirmiers; soins; medicina; medecine; medizin; farmacia; pharmacie; apotheke; odontologia; odontologie; zahnmedizin; fisioterapia; physiotherapie; kinesitherapie; psicologia; psychologie; nutricion; nutricao; ernahrung; salud mental; saude mental
real_estate | real estate; property; properties; leasing; inmobiliario; imobiliario; immobilier; immobilien; inmobiliaria; imobiliaria; immobiliere; bienes raices; bienes inmuebles; propiedades; imoveis; immobilienverwaltung
real_estate | acquisitions; land acquisition; property acquisition; real estate development; land development; property development; projektentwicklung; projektentwickler; projektentwicklerin; promocion inmobiliaria; incorporacao imobiliaria; promotion immobiliere
community_and_social_services | community; social services; impact; social impact; trabajo social; servicio social; servicos sociais; servico social; action sociale; travail social; sozialarbeit; soziale arbeit; comunidad; comunidade; communaute; desarrollo comunitario; insertion professionnelle; ong; voluntariado; benevolat
community_and_social_services | international development; economic development; youth development
consulting | consultoria; conseil; beratung; consulting
military_and_protective_services | seguridad; vigilancia; defensa; defesa; defense; verteidigung; ejercito; exercito; armee; seguridad fisica; seguranca patrimonial; securite privee; seguridad privada; seguranca privada; objektschutz; werkschutz
entrepreneurship | emprendimiento; empreendedorismo; entrepreneuriat; entrepreneurship
healthcare_services | gesundheit; gesundheitswesen; cardiologia; cardiologie; kardiologie; pediatria; pediatrie; padiatrie; oncologia; oncologie; onkologie; neurologia; neurologie; radiologia; radiologie; ginecologia; gynecologie; gynakologie; anestesia; anestesiologia; anesthesie; anasthesie; anasthesiologie; urgencias; urgences; notaufnahme; chirurgie; cirugia; psiquiatria; psychiatrie; dermatologia; dermatologie; traumatologia; orthopadie; intensivmedizin; innere medizin; medicina interna; medicina familiar; medicina de familia; geriatrie; geriatria
information_technology | business intelligence; inteligencia de negocios; inteligencia de negocio; soc; informatik; wirtschaftsinformatik
marketing | market intelligence; trafego pago; midia paga
operations | limpeza; limpieza; nettoyage; reinigung; sucursal; sucursales; standort; standorte
education | kita; kindertagesstatte; kindergarten
legal | datenschutz
accounting | interne revision; innenrevision; konzernrevision
engineering | maschinenbau; elektrotechnik; bauingenieurwesen; verfahrenstechnik; fahrzeugtechnik; medizintechnik
business_development | unternehmensentwicklung; unternehmensstrategie
finance | sinistres; sinistre; siniestros; sinistros
"""

# --------------------------------------------------------------------------------------
# Seniority words. Levels come from these; a few words need context (titles.py):
# partner, associate, assistant, head, lead, staff, principal, executive, director.
# --------------------------------------------------------------------------------------
_SENIORITY_TABLE = """
owner | founder; cofounder; owner; coowner; business owner; proprietor; fundador; fundadora; cofundador; dueno; duena; propietario; propietaria; dono; dona; proprietario; proprietaria; fondateur; fondatrice; cofondateur; grunder; grunderin; gruender; mitgrunder; mitgrunderin; mitgruender; inhaber; inhaberin; geschaftsinhaber; founding partner; socio fundador; cofundadora; cofondatrice; socia fundadora
owner | independiente; independente; entrepreneur; entrepreneurs; serial entrepreneur; solopreneur; solopreneure; entrepreneuse; empreendedor; empreendedora; emprendedor; emprendedora; empresario; empresaria; unternehmer; unternehmerin; freelancer; freelance; freelancers; selfemployed; self employed; autonomo; autonoma; trabajador independiente; trabajadora independiente; trabajador autonomo; trabajadora autonoma; profissional autonomo; profissional autonoma; freiberufler; freiberuflerin; freiberuflich; freiberuflicher; freiberufliche; selbststandig; selbstandig; selbststaendig; selbststandiger; selbststandige; independant; independante; auto entrepreneur; autoentrepreneur; micro entrepreneur; independent consultant; consultor independiente; consultora independiente; consultor independente; consultora independente; consultant independant; consultante independante; independent contractor; gesellschafter; gesellschafterin; geschaftsfuhrender gesellschafter; geschaftsfuhrende gesellschafterin; geschaeftsfuehrender gesellschafter; gerant; gerante; cogerant; gerant associe; gerante associee; socio propietario; socia propietaria; socio gerente; socia gerente; socio administrador; socia administradora; socio proprietario; socia proprietaria; angel investor; business angel
cxo | chief executive officer; chief technology officer; chief financial officer; chief operating officer; chief product officer; chief marketing officer; chief information officer; chief information security officer; chief revenue officer; chief human resources officer; chief people officer; chief data officer; chief ai officer; chief commercial officer; chief strategy officer; chief legal officer; chief medical officer; chief nursing officer; chief procurement officer; chief security officer; chief compliance officer; chief risk officer; chief digital officer; chief design officer; chief growth officer; chief scientific officer; chief science officer; chief customer officer; chief business officer; chief investment officer; chief of operations; president; presidente; president directeur general; pdg; directeur general; directrice generale; director general; directora general; director ejecutivo; directora ejecutiva; diretor executivo; diretora executiva; diretor presidente; ceo; geschaftsfuhrer; geschaftsfuhrerin; geschaeftsfuehrer; vorstand; vorstandsvorsitzender; vorstandsmitglied; managing director and chief executive officer
cxo | editor in chief; chief editor; redactor jefe; redactora jefe; editor chefe; editora chefe; redacteur en chef; redactrice en chef; chefredakteur; chefredakteurin; general counsel; chief counsel; chief legal counsel; chairman; chairwoman; chairperson; chair of the board; executive chairman; executive chair; presidente del consejo; presidenta del consejo; presidente do conselho; presidente du conseil; president du conseil d administration; aufsichtsratsvorsitzender; aufsichtsratsvorsitzende; vorsitzender des vorstands; vorsitzende des vorstands; vorstandsvorsitzende; rector; rectora; reitor; reitora; recteur; rectrice; rektor; rektorin; university president; president of the university; vicechancellor; chief executive; directeur general delegue; directrice generale deleguee
vp | vice president; senior vice president; executive vice president; assistant vice president; group vice president; regional vice president; vicepresidente; vice presidente; vice president e; vice presidente executivo; managing director; superintendente; bereichsvorstand
vp | provost; viceprovost; vicerrector; vicereitor; vicerecteur; prorektor; prorektorin; pro vicechancellor; deputy vicechancellor; vicechancellor for; deputy general counsel; vizeprasident; vizepraesident; vizeprasidentin; senior managing director
director | dean; dean of students; director; directors; senior director; associate director; executive director; group director; regional director; head of; head; general manager; directora; diretor; diretora; directeur; directrice; direktor; direktorin; bereichsleiter; bereichsleiterin; hauptabteilungsleiter; leiter; leiterin; gerente general; gerente geral; country manager; prokurist; prokuristin
director | leitung; trustee; board trustee; decano; decana; doyen; doyenne; dekan; dekanin; chefarzt; chefarztin; chefaerztin; arztlicher direktor; arztliche direktorin; medical director; associate general counsel; school principal; principal of school; elementary school principal; high school principal; middle school principal; primary school principal; headteacher; head teacher; headmaster; headmistress; head of school; vice principal; assistant principal; deputy headteacher; deputy head teacher; schulleiter; schulleiterin; konrektor; konrektorin; director de escuela; directora de escuela; director de colegio; directora de colegio; director escolar; directora escolar; diretor escolar; diretora escolar; diretor de escola; diretora de escola; directeur d ecole; directrice d ecole; proviseur; proviseure; proviseur adjoint; proviseure adjointe; principal de college; principale de college; chef d etablissement; fire chief; police chief; chief of police; board member; member of the board; board of directors; board director; non executive director; beiratsmitglied; aufsichtsrat; aufsichtsratsmitglied; membro do conselho; miembro del consejo; membre du conseil d administration; colonel; lieutenant colonel; coronel; oberst; artistic director; plant director; directeur d usine; directrice d usine
manager | manager; managers; group product manager; engineering manager; leader; leaders; senior manager; management; supervisor; supervisora; team lead; team leader; teamleiter; teamleiterin; gruppenleiter; gruppenleiterin; projektleiter; projektleiterin; filialleiter; filialleiterin; gerente; subgerente; jefe; jefa; coordinador; coordinadora; coordenador; coordenadora; lider de equipo; lider de equipe; lider; responsable; chef; cheffe; encargado; encargada; encarregado; encarregada; superviseur; superviseure; manager in; managerin; head nurse; charge nurse; nurse manager; foreman; superintendent; area manager
manager | chefe; chefe de equipe; chefe de setor; chefe de departamento; abteilungsleiter; abteilungsleiterin; agent de maitrise; conducteur de travaux; conductrice de travaux; jefe de obra; encarregado de obra; mestre de obras; industriemeister; industriemeisterin; stationsleitung; stationsleiter; stationsleiterin; managing editor; executive chef; head chef; chef de cuisine; lieutenant; captain; capitan; capitana; capitao; capitaine; leutnant; oberleutnant; hauptmann; schichtfuhrer; schichtfuhrerin; gruppenfuhrer; gruppenfuhrerin; vorarbeiter; vorarbeiterin; shift lead; shift leader; werkleiter; werkleiterin
senior | lider tecnico; lider tecnica; lider tecnico de software; of counsel; managing consultant
senior | senior; sr; staff; principal; lead; principal investigator; expert; experienced; senior associate; specialist senior; senior specialist; sennior; sénior; experto; experta; especialista senior; sènior; seniorberater; principal consultant; distinguished; fellow
senior | anaesthetist; anesthetist; anaesthesiologist; anesthesiologist; paediatrician; pediatrician; neurologist; gastroenterologist; endocrinologist; nephrologist; pulmonologist; rheumatologist; urologist; ophthalmologist; gynaecologist; gynecologist; obstetrician; obstetrician gynecologist; haematologist; hematologist; pathologist; histopathologist; neurosurgeon; intensivist; geriatrician; cardiologist; radiologist; oncologist; dermatologist; psychiatrist; orthopaedic surgeon; orthopedic surgeon; cardiothoracic surgeon; general surgeon; plastic surgeon; vascular surgeon; emergency physician; pediatra; cardiologo; cardiologa; psiquiatra; anestesiologo; anestesiologa; anestesista; ginecologo; ginecologa; dermatologo; dermatologa; radiologista; radiologo; oncologista; oncologo; ortopedista; traumatologo; neurologista; neurologo; pediatre; cardiologue; psychiatre; anesthesiste; gynecologue; dermatologue; radiologue; kinderarzt; kinderarztin; kardiologe; kardiologin; psychiater; psychiaterin; anasthesist; anasthesistin; radiologe; radiologin; frauenarzt; frauenarztin; physician; physicians; doctor; medical doctor; surgeon; surgeons; attending; attending physician; attending surgeon; consultant physician; consultant surgeon; general practitioner; family physician; hospitalist; internist; dentist; dentists; orthodontist; periodontist; endodontist; oral surgeon; medico; medica; medico cirujano; medica cirujana; medico general; medica general; medico de familia; medica de familia; cirujano; cirujana; cirurgiao; cirurgia dentista; cirurgiao dentista; dentista; odontologo; odontologa; medecin; medecin generaliste; chirurgien; chirurgienne; chirurgien dentiste; dentiste; arzt; arztin; zahnarzt; zahnarztin; facharzt; fachaerztin; fachartzin; facharztin; oberarzt; oberarztin; oberaerztin; chirurg; chirurgin; hausarzt; hausarztin; allgemeinmediziner; allgemeinmedizinerin; professor; professors; professorin; associate professor; assistant professor; full professor; adjunct professor; visiting professor; clinical professor; research professor; distinguished professor; professor emeritus; emeritus professor; juniorprofessor; juniorprofessorin; universitatsprofessor; universitatsprofessorin; professor universitario; professora universitaria; profesor universitario; profesora universitaria; profesor titular; profesora titular; catedratico; catedratica; professeur des universites; professeur d universite; maitre de conferences; hochschullehrer; hochschullehrerin; senior research fellow; chief of staff; judge; juez; jueza; juiz; juiza; juge; richter; richterin; magistrate; magistrado; magistrada; magistrat; sergeant; staff sergeant; sargento; art director; director de arte; directora de arte; diretor de arte; diretora de arte; directeur artistique; directrice artistique; assistant general counsel; technical fellow; distinguished fellow
entry | junior; entry level; associate; volunteer coordinator; executive assistant; administrative assistant; representante; recepcionista; asociado; asociada; associado; associada; analyste; assistant social worker; assistant; analyst; analista; assistente; asistente; auxiliar; assistant e; assistante; assistent; assistentin; graduate; coordinator; representative; clerk; cashier; teller; receptionist; junior associate; new grad; early career; staff accountant; staff auditor; staff nurse; sachbearbeiter; sachbearbeiterin; mitarbeiter; mitarbeiterin; employe; empleado; empleada; funcionario
training | intern; interns; internship; trainee; apprentice; apprenticeship; working student; werkstudent; werkstudentin; praktikant; praktikantin; praktikum; auszubildender; auszubildende; azubi; stagiaire; stage; alternant; alternante; apprenti; apprentie; estagiario; estagiaria; estagio; jovem aprendiz; aprendiz; becario; becaria; practicante; pasante; residente; phd candidate; phd student; doctoral candidate; doctoral student; doctoral researcher; doktorand; doktorandin; doctorant; doctorante; graduate research assistant; graduate teaching assistant; teaching assistant; summer analyst; summer associate; fellow intern; referendar; rechtsreferendar; volontar; volontarin; co op; coop student; resident physician; medical resident; residency
training | fellow physician; medical fellow; clinical research fellow; dualer student; duale studentin; duales studium; dual student; masterand; masterandin; bachelorand; bachelorandin; studentische hilfskraft; wissenschaftliche hilfskraft; hiwi; lehramtsanwarter; lehramtsanwarterin; resident; interne; postdoc; postdoctoral; postdoctoral researcher; postdoctoral fellow; postdoctoral scholar; postdoctoral research associate; postdoctoral research fellow; research fellow; teaching fellow; clinical fellow; graduate fellow; posdoutorando; pos doutorado; posdoctorado; investigador posdoctoral; investigadora posdoctoral; chercheur postdoctoral; chercheuse postdoctorale; postdoctorant; postdoctorante; postdoktorand; postdoktorandin; mestrando; mestranda; doutorando; doutoranda; doctorando; doctoranda; candidato a doutor; candidata a doutora; interne en medecine; interne des hopitaux; medico residente; medica residente; medico interno residente; assistenzarzt; assistenzarztin; assistenzaerztin; arzt in weiterbildung; arztin in weiterbildung; internal medicine resident; chief resident
unpaid | volunteer; volunteering; voluntario; voluntaria; volontaire; benevole; ehrenamtlich; ehrenamt; freiwilliger; student; students; estudiante; estudante; etudiant; etudiante; studentin; undergraduate; undergraduate student; graduate student; masters student; mba candidate; mba student; alumno; aluno; pro bono
cxo | geschaftsleitung; geschaftsfuhrung; mitglied der geschaftsleitung; mitglied der geschaftsfuhrung; mitglied des vorstands; mitglied des vorstandes; vorsitzender der geschaftsleitung; vorsitzende der geschaftsleitung; vorsitzender der geschaftsfuhrung; verwaltungsratsprasident; verwaltungsratsprasidentin; prasident des verwaltungsrates; presidente del directorio; presidenta del directorio
director | mitglied des aufsichtsrats; mitglied des aufsichtsrates; verwaltungsrat; verwaltungsratin; verwaltungsratsmitglied; mitglied des verwaltungsrats; mitglied des verwaltungsrates; beirat; bereichsleitung; geschaftsbereichsleiter; geschaftsbereichsleitung; miembro del directorio; miembro de directorio; miembro de la junta directiva; miembro del consejo de administracion; consejero independiente; consejera independiente; conselheiro de administracao; conselheira de administracao; membro do conselho de administracao; subdirector; subdirectora; subdiretor; subdiretora; sous directeur; sous directrice; primar; primararzt
manager | teamleitung; gruppenleitung; abteilungsleitung; responsavel; cadre de sante; chef de service
training | praktikum; pflichtpraktikum; lernende; lernender; lehrling; lehrtochter; practicas; en practicas; turnusarzt; bolseiro; bolseira; bolsista; medico interno; medica interna; mir; rechtsreferendar; rechtsreferendarin; referendarin
owner | mitinhaber; praxisinhaber
cxo | hauptgeschaftsfuhrer; hauptgeschaftsfuhrerin
vp | generalbevollmachtigter; generalbevollmachtigte
director | beiratsvorsitzender; beiratsvorsitzende; vorsitzender des beirats; vorsitzende des beirats
manager | dezernent; dezernentin; chef vom dienst; chefin vom dienst; polier; polierin; meister; meisterin; handlungsbevollmachtigter; handlungsbevollmachtigte
training | ausbildung zum; ausbildung zur; ausbildung als; in ausbildung; umschulung; umschuler; umschulerin; umschueler
unpaid | schuler; schulerin; schueler; schuelerin
senior | privatdozent; privatdozentin; leitender; leitende; experte; expertin; dr med; dr med dent
manager | leitender angestellter; leitende angestellte
cxo | finanzvorstand; personalvorstand
owner | mitgesellschafter; mitgesellschafterin
senior | maitresse de conferences; profesor asociado; profesora asociada; profesor adjunto; profesora adjunta; profesor agregado; profesora agregada; profesor contratado doctor; profesora contratada doctora; cirurgia plastica; cirurgia geral; cirurgia vascular; cirurgia pediatrica; cirurgia cardiaca
"""

#: Words that *are* a kind of work, so a level word beside them is not a level:
#: "HR Business Partner" is human resources, "Account Executive" is sales, not an executive.
#: The phrases listed here hide their level words from the seniority reading.
LEVEL_NEUTRAL: tuple[str, ...] = (
    "business partner", "human resources business partner", "talent acquisition partner",
    "talent partner", "people partner", "recruiting partner", "learning partner", "finance business partner",
    "partner manager", "partnerships manager", "channel partner", "partner marketing", "partner success",
    "partner engineer", "partner solutions", "partner sales", "partner development", "strategic partner",
    "alliance partner", "implementation partner", "customer partner", "hr partner", "business partner rh",
    "account executive", "executive assistant", "executive search", "sales executive", "executive chef",
    "executive recruiter", "business development executive", "marketing executive", "client executive",
    "executive producer", "executive coordinator", "executive administrator", "account director",
    "executive administrative assistant", "ejecutivo de cuentas", "ejecutiva de cuentas",
    "ejecutivo comercial", "ejecutivo de ventas", "executivo de contas", "executivo de vendas",
    # Individual contributors whose title says Manager: their level comes from other words
    # ("Senior Product Manager" is senior; a plain "Product Manager" has no level).
    "product manager", "technical product manager", "project manager", "program manager",
    "programme manager", "technical program manager", "account manager", "key account manager",
    "customer success manager", "community manager", "social media manager", "relationship manager",
    "case manager", "product marketing manager", "brand manager", "content manager", "office manager",
    "territory manager", "category manager", "portfolio manager", "property manager",
    "gerente de producto", "gerente de produto", "gerente de produtos", "produktmanager",
    "chef de produit", "cheffe de produit", "chef de projet", "cheffe de projet", "projektmanager",
    "gerente de proyectos", "gerente de proyecto", "gerente de projetos", "gerente de projeto",
    "gerente de contas", "gerente de cuentas", "gestor de produto", "gestor de projetos",
    "gerente de conta", "gerente de cuenta", "gerente de relacionamento", "ejecutiva de ventas",
    "executiva de vendas", "executiva de contas", "ejecutivo de cuenta", "ejecutiva de cuenta",
    "responsable produit", "product owner", "chef de produit marketing", "expert comptable",
    "assistente social", "assistant social", "assistante sociale", "asistente social",
    "chief of staff", "managing editor", "editor in chief", "musical director", "casting director",
    "director of photography",
    # Owners of a thing, not of a business: the level comes from other words.
    "product owner", "process owner", "service owner", "data owner", "platform owner", "business process owner",
    "technical product owner", "dueno de producto", "dueno del producto", "duena de producto", "dono do produto",
    "dona do produto", "dono de produto", "proprietario do produto", "proprietaria do produto",
    "proprietaire du produit", "produkteigner",
    # Not the physician, the resident or the captain the word says alone.
    "physician assistant", "physician associate", "physician liaison", "doctor assistant",
    "artist in residence", "entrepreneur in residence", "team captain",
    "professor de", "professora de", "professor da", "professora da", "professor do", "professora do",
    "founders associate", "founders office", "founding engineer",
    "head chef", "head coach", "head teacher", "headteacher", "head nurse", "head of school",
    "associate professor", "assistant professor", "full professor", "physician assistant",
    "volunteer coordinator", "volunteer manager",
    "student affairs", "student services", "student success", "student recruitment", "student advisor",
    "internal", "internship coordinator", "staff sergeant", "chief engineer",
    "lead generation", "leader development", "principal of school", "school principal",
    "legal secretary", "vice principal", "assistant principal",
    # The one a German assistant works for, not their own level ("Assistentin der Geschäftsleitung").
    "der geschaftsleitung", "der geschaftsfuhrung", "des vorstands", "des vorstandes", "der direktion",
    "der bereichsleitung", "der werkleitung",
    # Not a master craftsman's level: a caretaker, a mayor.
    "hausmeister", "hausmeisterin", "burgermeister", "burgermeisterin", "oberburgermeister", "oberburgermeisterin",
)

# --------------------------------------------------------------------------------------
# Industry hints: telling occupations that say what kind of employer a person works for.
# Only where most people with the title work in that industry. Pharmacists are left out
# on purpose (retail chains and hospitals split them); so are accountants, in-house
# counsel, recruiters, engineers and other roles found in every industry.
# --------------------------------------------------------------------------------------
_INDUSTRY_TABLE = """
insurance | underwriter; insurance underwriter; actuary; actuarial analyst; claims adjuster; claims examiner; claims specialist; claims representative; loss adjuster; insurance agent; insurance broker; insurance account manager
banking | bank teller; teller; personal banker; relationship banker; loan officer; mortgage loan officer; mortgage underwriter; branch manager bank; bankkaufmann; bankkauffrau; banker; private banker; cajero bancario; bancario; bancaria
legal | attorney; associate attorney; attorney at law; lawyer; paralegal; legal secretary; solicitor; barrister; trainee solicitor; law clerk; abogado; abogada; advogado; advogada; avocat; avocate; rechtsanwalt; rechtsanwaltin; notary; notaire
healthcare | registered nurse; nurse; nurse practitioner; licensed practical nurse; staff nurse; charge nurse; certified nursing assistant; nursing assistant; physician; surgeon; resident physician; medical resident; attending physician; hospitalist; internal medicine; family medicine; pediatrician; anesthesiologist; radiologist; cardiologist; oncologist; medical assistant; physician assistant; respiratory therapist; radiologic technologist; sonographer; phlebotomist; patient care technician; enfermero; enfermera; enfermeiro; enfermeira; infirmier; infirmiere; krankenpfleger; krankenschwester; pflegefachkraft; medico; medecin; arzt; arztin; facharzt; assistenzarzt; oberarzt
education | teacher; professor; assistant professor; associate professor; lecturer; senior lecturer; teaching assistant; school principal; principal of school; headteacher; head teacher; dean; kindergarten teacher; preschool teacher; substitute teacher; special education teacher; school counselor; profesor; profesora; maestro; maestra; professora; enseignant; enseignante; professeur; professeure; maitre de conferences; lehrer; lehrerin; dozent; dozentin; studienrat; hochschullehrer
accounting | audit associate; assurance associate; external auditor; audit senior; tax associate; audit manager; assurance manager; wirtschaftsprufer; wirtschaftspruefer; prufungsassistent; steuerberater; expert comptable; auditeur
government | police officer; police detective; state trooper; sheriff; deputy sheriff; firefighter; correctional officer; border patrol agent; soldier; infantryman; sergeant; staff sergeant; lieutenant colonel; colonel; polizist; polizistin; polizeibeamter; bundeswehr; policial; gendarme; civil servant; beamter; beamtin; fonctionnaire; funcionario publico; servidor publico
hospitality | chef; sous chef; head chef; executive chef; line cook; cook; bartender; barista; waiter; waitress; server; sommelier; concierge; hotel manager; front desk agent; housekeeper
real_estate | realtor; real estate agent; real estate broker; listing agent; leasing consultant; leasing agent; corretor de imoveis; agent immobilier; immobilienmakler
investment | portfolio manager; private equity associate; venture capitalist; equity research analyst; hedge fund analyst; investment associate
consulting | management consultant; strategy consultant; associate consultant; engagement manager; unternehmensberater
staffing | recruitment consultant; staffing specialist; staffing coordinator; staffing recruiter
media | journalist; reporter; news anchor; correspondent; periodista; jornalista; journaliste; redakteur
logistics | truck driver; forklift operator; dispatcher; warehouse associate
agriculture | farmer; agronomist; farm manager
nonprofit | fundraiser; grant writer; development director; development officer
"""

#: German compound parts: "Vertriebsleiter" = Vertrieb (sales) + Leiter (head). A compound
#: is read by its head (the longest known ending, see GERMAN_SUFFIXES) and, when the head
#: does not name the work by itself, by the area before it. Feminine forms are folded to
#: the masculine when titles are normalised ("Vertriebsleiterin" -> "vertriebsleiter",
#: "Lehrerinnen" -> "lehrer"); the few the folding cannot know are listed as heads.
GERMAN_PREFIXES: dict[str, str] = {
    # Sales, business, marketing, communication
    "software": "engineering", "vertriebs": "sales", "vertrieb": "sales", "verkaufs": "sales",
    "account": "sales", "handels": "sales", "aussendienst": "sales", "innendienst": "sales",
    "marketing": "marketing", "online": "marketing", "werbe": "marketing", "produktmarketing": "marketing",
    "kommunikations": "media_and_communication", "presse": "media_and_communication",
    "medien": "arts_and_design", "geschafts": "business_development",
    # People, finance, accounting, purchasing, legal, administration
    "personal": "human_resources", "recruiting": "human_resources", "ausbildungs": "human_resources",
    "finanz": "finance", "bank": "finance", "kredit": "finance", "controlling": "finance",
    "buchhaltungs": "accounting", "finanzbuchhaltungs": "accounting", "lohn": "accounting",
    "gehalts": "accounting", "steuer": "accounting",
    "einkaufs": "purchasing", "beschaffungs": "purchasing",
    "rechts": "legal", "rechtsanwalt": "legal", "rechtsanwalts": "legal", "compliance": "legal",
    "buro": "administrative", "verwaltungs": "administrative", "empfangs": "administrative",
    # Product, projects, engineering, IT, data, research, quality
    "produkt": "product_management", "projekt": "program_and_project_management",
    "entwicklungs": "engineering", "bau": "engineering", "maschinenbau": "engineering",
    "elektro": "engineering", "anwendungs": "engineering",
    "it": "information_technology", "system": "information_technology", "netzwerk": "information_technology",
    "daten": "research", "forschungs": "research", "labor": "research",
    "qualitats": "quality_assurance", "qualitaets": "quality_assurance", "test": "quality_assurance",
    # Operations, customers, real estate
    "logistik": "operations", "lager": "operations", "produktions": "operations", "betriebs": "operations",
    "filial": "operations", "speditions": "operations", "fertigungs": "operations", "versand": "operations",
    "kunden": "customer_success_and_support", "kundenservice": "customer_success_and_support",
    "kundendienst": "customer_success_and_support",
    "service": "customer_success_and_support", "immobilien": "real_estate",
    # Care, education, public service
    "pflege": "healthcare_services", "pflegedienst": "healthcare_services", "stations": "healthcare_services",
    "polizei": "military_and_protective_services", "kriminal": "military_and_protective_services",
    "sicherheits": "military_and_protective_services",
    # Third pass: shifts and plants, risk, sustainability, corporate and private clients
    "schicht": "operations", "werk": "operations", "produktion": "operations", "montage": "operations",
    "risiko": "finance", "risk": "finance", "betrugs": "finance", "nachhaltigkeits": "operations",
    "umwelt": "operations", "firmenkunden": "sales", "privatkunden": "sales", "geschaftskunden": "sales",
    "grosskunden": "sales", "gewerbekunden": "sales", "einzelhandels": "sales", "grosshandels": "sales",
    "aussenhandels": "sales", "versicherungs": "sales", "industrie": "administrative",
    # Fourth pass: regions, branches and sites, practices, teaching, wealth
    "gebiets": "sales", "niederlassungs": "operations", "standort": "operations", "praxis": "healthcare_services",
    "lehr": "education", "lehramts": "education", "vermogens": "finance", "anlage": "finance", "kita": "education", "veranstaltungs": "marketing", "ecommerce": "marketing",
}

#: German role endings: (function or None, level or None). A head with a function names the
#: work ("Grundschullehrer", "Altenpfleger"); one without takes it from the area before it
#: ("Personalreferent", "Vertriebsleiter"). An area before a head with a function still
#: wins ("Vertriebsingenieur" is sales).
GERMAN_SUFFIXES: dict[str, tuple[str | None, str | None]] = {
    # Heads that name the work
    "entwickler": ("engineering", None), "entwicklerin": ("engineering", None),
    "programmierer": ("engineering", None), "ingenieur": ("engineering", None),
    "ingenieurin": ("engineering", None), "techniker": ("engineering", None),
    "technikerin": ("engineering", None), "konstrukteur": ("engineering", None),
    "entwicklung": ("engineering", None), "informatiker": ("engineering", None),
    "architekt": ("arts_and_design", None), "architektin": ("arts_and_design", None),
    "designer": ("arts_and_design", None), "gestalter": ("arts_and_design", None),
    "grafiker": ("arts_and_design", None), "fotograf": ("arts_and_design", None),
    "fotografin": ("arts_and_design", None),
    "administrator": ("information_technology", None), "administratorin": ("information_technology", None),
    "lehrer": ("education", None), "lehrkraft": ("education", None), "erzieher": ("education", None),
    "dozent": ("education", None), "padagoge": ("education", None), "ausbilder": ("education", None),
    "sozialpadagoge": ("community_and_social_services", None),
    "sozialarbeiter": ("community_and_social_services", None),
    "pfleger": ("healthcare_services", None), "pflegekraft": ("healthcare_services", None),
    "krankenschwester": ("healthcare_services", None), "arzt": ("healthcare_services", None),
    "therapeut": ("healthcare_services", None), "apotheker": ("healthcare_services", None),
    "psychologe": ("healthcare_services", None), "logopade": ("healthcare_services", None),
    "hebamme": ("healthcare_services", None), "sanitater": ("healthcare_services", None),
    "verkaufer": ("sales", None), "vertreter": ("sales", None), "berater": ("consulting", None),
    "beraterin": ("consulting", None), "buchhalter": ("accounting", None), "controller": ("accounting", None),
    "revisor": ("accounting", None), "einkaufer": ("purchasing", None), "disponent": ("operations", None),
    "logistiker": ("operations", None), "lagerist": ("operations", None),
    "anwalt": ("legal", None), "jurist": ("legal", None), "notar": ("legal", None), "notarin": ("legal", None),
    "richter": ("legal", None), "redakteur": ("media_and_communication", None),
    "journalist": ("media_and_communication", None), "texter": ("media_and_communication", None),
    "ubersetzer": ("media_and_communication", None), "sprecher": ("media_and_communication", None),
    "forscher": ("research", None), "wissenschaftler": ("research", None), "statistiker": ("research", None),
    "sekretar": ("administrative", None), "sekretarin": ("administrative", None),
    "assistent": ("administrative", "entry"), "assistentin": ("administrative", "entry"),
    "assistenz": ("administrative", "entry"),
    "polizist": ("military_and_protective_services", None), "soldat": ("military_and_protective_services", None),
    "soldatin": ("military_and_protective_services", None),
    # Heads that take their work from the area before them
    "manager": (None, "manager"), "managerin": (None, "manager"),
    "leiter": (None, "manager"), "leiterin": (None, "manager"), "leitung": (None, "manager"),
    "laborant": ("research", None), "laborantin": ("research", None),
    "fahrer": ("operations", None), "fahrerin": ("operations", None),
    "referent": (None, None), "referentin": (None, None),
    "mitarbeiter": (None, "entry"), "mitarbeiterin": (None, "entry"),
    "sachbearbeiter": (None, "entry"), "sachbearbeiterin": (None, "entry"), "helfer": (None, "entry"),
    "spezialist": (None, None), "spezialistin": (None, None),
    "kaufmann": (None, None), "kauffrau": (None, None), "fachkraft": (None, None),
    "fachangestellte": (None, None), "fachangestellter": (None, None),
    "angestellte": (None, None), "angestellter": (None, None),
    "analyst": (None, "entry"), "analystin": (None, "entry"),
    "koordinator": (None, "entry"), "koordinatorin": (None, "entry"),
    "praktikant": (None, "training"), "praktikantin": (None, "training"),
    "werkstudent": (None, "training"), "werkstudentin": (None, "training"),
    "auszubildender": (None, "training"), "auszubildende": (None, "training"), "trainee": (None, "training"),
    "experte": (None, "senior"), "expertin": (None, "senior"),
    "beauftragter": (None, None), "beauftragte": (None, None),
    "verantwortlicher": (None, "manager"), "verantwortliche": (None, "manager"),
    "chef": (None, "manager"), "chefin": (None, "manager"), "meister": (None, "manager"),
    "geschaftsfuhrer": (None, "cxo"), "vorstand": (None, "cxo"),
    "gesellschafter": ("entrepreneurship", "owner"),
    "direktor": (None, "director"), "bereichsleiter": (None, "director"), "bereichsleitung": (None, "director"),
    "prasident": (None, "cxo"), "vizeprasident": (None, "vp"), "praktikum": (None, "training"),
    "inhaber": ("entrepreneurship", "owner"), "referendar": ("legal", "training"), "referendarin": ("legal", "training"),
    "betreuer": (None, None), "planer": (None, None), "prufer": (None, None), "kommissar": (None, None),
    "kommissarin": (None, None), "beamter": (None, None), "beamtin": (None, None), "makler": (None, None),
}


#: German area compounds: a word ending with one of these names an area of work, read as
#: the area words of the domain table are ("Kreditorenbuchhaltung", "Vertriebsinnendienst",
#: "Rechtsabteilung"). Each tail says (its function, whether the part before it decides
#: first): "Finanzbuchhaltung" is accounting whatever its first part, while a department
#: ("Rechtsabteilung") or a management ("Büromanagement") is the area before it.
GERMAN_AREA_TAILS: dict[str, tuple[str | None, bool]] = {
    "buchhaltung": ("accounting", False), "rechnungswesen": ("accounting", False),
    "kommunikation": ("media_and_communication", False), "innendienst": ("sales", False),
    "aussendienst": ("sales", False), "vertrieb": ("sales", False), "verkauf": ("sales", False),
    "marketing": ("marketing", False), "einkauf": ("purchasing", False), "beschaffung": ("purchasing", False),
    "logistik": ("operations", False), "controlling": ("finance", False), "informatik": ("information_technology", False),
    "recht": ("legal", False), "technik": ("engineering", False), "pflege": ("healthcare_services", False),
    "personalwesen": ("human_resources", False),
    "abteilung": (None, True), "bereich": (None, True), "wesen": (None, True), "management": (None, True),
    "entwicklung": (None, True), "organisation": (None, True), "verwaltung": ("administrative", True),
}

#: Roles so general that an area beside them says more: "Marketing Consultant" is marketing.
WEAK_ROLES: frozenset[str] = word_set("""
consultant consultants consultor consultora consultante berater beraterin advisor adviser
specialist especialista spezialist administrator administrador administradora administrateur
administratrice sachbearbeiter sachbearbeiterin
""")


def _phrases(cell: str) -> list[str]:
    return [p for p in (fold(x) for x in cell.split(";")) if p]


def _parse_roles(table: str) -> dict[str, tuple[str, str]]:
    out: dict[str, tuple[str, str]] = {}
    for line in table.strip().splitlines():
        function, role, cell = (part.strip() for part in line.split("|", 2))
        for phrase in _phrases(cell):
            out.setdefault(phrase, (function, role))
    return out


def _parse_keyed(table: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in table.strip().splitlines():
        key, cell = (part.strip() for part in line.split("|", 1))
        for phrase in _phrases(cell):
            out.setdefault(phrase, key)
    return out


#: phrase -> (function, role family).
ROLES: dict[str, tuple[str, str]] = _parse_roles(_ROLE_TABLE)
#: phrase -> function (areas of work).
DOMAINS: dict[str, str] = _parse_keyed(_DOMAIN_TABLE)
#: phrase -> seniority level.
SENIORITY_WORDS: dict[str, str] = _parse_keyed(_SENIORITY_TABLE)
#: phrase -> industry key of ``netanalytics/data/industries.toml``.
INDUSTRY_HINTS: dict[str, str] = _parse_keyed(_INDUSTRY_TABLE)
