"""One voice for errors: the message template and the class hierarchy."""

from __future__ import annotations

from netanalytics.errors import AmbiguousPersonError, InputError, NetanalyticsError, NotFoundError


def test_input_error_names_place_expectation_and_finding():
    err = InputError("Connections.csv", "a date like 05 Nov 2023", "'yesterday'", line=7, field="Connected On",
                     hint="Fix the cell and import again.")
    assert str(err) == ("Connections.csv, line 7, field 'Connected On': expected a date like 05 Nov 2023, "
                        "found 'yesterday'. Fix the cell and import again.")
    assert isinstance(err, ValueError) and isinstance(err, NetanalyticsError)


def test_ambiguous_person_lists_candidates():
    err = AmbiguousPersonError("Sam Lee", [("p_1", "Sam Lee", "Acme"), ("p_2", "Sam Lee", "")])
    assert "matches 2 people: p_1 Sam Lee (Acme); p_2 Sam Lee (no company)" in str(err)
    assert isinstance(err, LookupError) and isinstance(err, InputError)
    assert issubclass(NotFoundError, LookupError)
