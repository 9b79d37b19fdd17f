"""What an import did, in words: the summary line, skip reasons worded for a count, and
the name of a source ("my LinkedIn archive", "Maya Chen's connections").

>>> print(ImportSummary("Connections.csv", "my LinkedIn connections", people_added=1, ties=1))
Imported Connections.csv (my LinkedIn connections): 1 person added, 0 updated, 1 tie
>>> reason_text("hidden or closed member", 5)
'hidden or closed members'
"""

from __future__ import annotations

from dataclasses import dataclass, field

from netanalytics.identity.normalize import short_name

__all__ = ["CONTACT_KINDS", "ImportSummary", "plural", "reason_text", "source_label"]

#: Source kinds that are contacts files (their people need not be on LinkedIn).
CONTACT_KINDS = ("vcard", "google_contacts")

_HEAD_ENDS = (" in ", " from ", " without ", " for ", " naming ", " known ", " with ", ", ")
_IRREGULAR = {"person": "people", "child": "children"}


def source_label(kind: str, owner_name: str | None, mine: bool) -> str:
    """How a source is named to the user: 'my LinkedIn archive', "Maya Chen's connections".

    >>> source_label("linkedin_archive", None, True)
    'my LinkedIn archive'
    >>> source_label("vcard", "Sam Lee", False)
    "Sam Lee's contacts"
    >>> source_label("profile_pdf", None, True)
    'saved LinkedIn profiles'
    """
    if kind == "profile_pdf":
        return "saved LinkedIn profiles"
    what = "contacts" if kind in CONTACT_KINDS else "connections"
    owner_name = short_name(owner_name) if owner_name else owner_name
    if mine:
        return {
            "linkedin_archive": "my LinkedIn archive",
            "connections_csv": "my LinkedIn connections",
        }.get(kind, "my contacts")
    return f"{owner_name or 'someone'}'s {what}"


def reason_text(reason: str, n: int) -> str:
    """A skip reason worded for ``n`` rows: the head noun pluralised when n != 1.

    >>> reason_text("message in a group conversation", 25)
    'messages in a group conversation'
    >>> reason_text("hidden or closed member", 1)
    'hidden or closed member'
    >>> reason_text("person known only from an invitation or endorsement", 2)
    'people known only from an invitation or endorsement'
    """
    if n == 1:
        return reason
    cut = min((i for i in (reason.find(m) for m in _HEAD_ENDS) if i > 0), default=len(reason))
    head, tail = reason[:cut], reason[cut:]
    words = head.split(" ")
    last = words[-1]
    if last in _IRREGULAR:
        words[-1] = _IRREGULAR[last]
    elif last and last[-1:].isalpha() and not last.endswith("s"):
        words[-1] = last + ("es" if last.endswith(("sh", "ch", "x")) else "s")
    return " ".join(words) + tail


def plural(n: int, word: str, plural_word: str | None = None) -> str:
    """'1 tie', '2 ties', '3 people'.

    >>> plural(1, "tie"), plural(3, "person", "people")
    ('1 tie', '3 people')
    """
    return f"{n} {word if n == 1 else (plural_word or word + 's')}"


@dataclass
class ImportSummary:
    """What one import did. ``str()`` gives the one-line summary the CLI prints."""

    name: str
    label: str
    people_added: int = 0
    people_updated: int = 0
    ties: int = 0
    message_only_ties: int = 0
    skipped: dict[str, int] = field(default_factory=dict)
    rows_read: int = 0
    source_id: int | None = None
    owner_id: str | None = None
    unchanged: bool = False
    previous_import: str | None = None
    relabelled: str | None = None
    warnings: list[str] = field(default_factory=list)
    #: Saved profile PDFs imported now, and those skipped because they were imported before.
    profiles: int = 0
    profiles_unchanged: int = 0

    @property
    def rows_skipped(self) -> int:
        """Rows left out, all reasons together."""
        return sum(self.skipped.values())

    def __str__(self) -> str:
        if self.unchanged:
            if self.relabelled:
                owner = self.label.rsplit("'s ", 1)[0]
                return (
                    f"{self.name} ({self.label}) was already imported on {self.previous_import} "
                    f"with the same content; only your relationship to {owner} changed, "
                    f"to {self.relabelled}."
                )
            return (
                f"{self.name} ({self.label}) was already imported on {self.previous_import} "
                "with the same content: nothing changed."
            )
        if self.profiles or self.profiles_unchanged:
            text = (
                f"Imported {self.name} ({self.label}): {plural(self.profiles, 'profile')} read, "
                f"{plural(self.people_added, 'person', 'people')} added, {self.people_updated} updated"
            )
            if self.profiles_unchanged:
                text += f"; {self.profiles_unchanged} imported before, skipped"
            return text
        ties = plural(self.ties, "tie")
        if self.message_only_ties:
            ties += f" (incl. {self.message_only_ties} from messages with people who are not connections)"
        text = (
            f"Imported {self.name} ({self.label}): "
            f"{plural(self.people_added, 'person', 'people')} added, "
            f"{self.people_updated} updated, {ties}"
        )
        if self.skipped:
            reasons = ", ".join(f"{n} {reason_text(reason, n)}" for reason, n in self.skipped.items())
            text += f"; skipped {plural(self.rows_skipped, 'row')} ({reasons})"
        return text
