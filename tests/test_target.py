"""Target specs from code, TOML and CLI flags; clear errors."""

from __future__ import annotations

import argparse

import pytest

from netanalytics.errors import InputError
from netanalytics.scoring.target import TargetSpec


def test_from_mapping_normalises_and_accepts_singular_keys():
    spec = TargetSpec.from_mapping({"industry": "Real Estate", "title": ["product  manager"], "level": "Senior"})
    assert spec.industries == ("real_estate",) and spec.titles == ("product manager",)
    assert spec.seniority == ("senior",)


def test_empty_spec_is_a_clear_error():
    with pytest.raises(InputError, match="The target is empty"):
        TargetSpec.from_mapping({})


def test_unknown_industry_lists_close_matches():
    with pytest.raises(InputError, match="Did you mean.*healthcare"):
        TargetSpec.from_mapping({"industries": ["helthcare"]})


@pytest.mark.parametrize("data,message", [
    ({"industries": ["fintech"], "colour": "red"}, "'colour'"),
    ({"titles": [3]}, "a string or a list of strings"),
    ({"seniority": ["wizard"]}, "one of unpaid, training, entry"),
    ({"titles": ["pm"], "weights": {"titles": -1}}, "a number >= 0"),
    ({"titles": ["pm"], "weights": {"height": 1}}, "'height'"),
])
def test_bad_mappings(data, message):
    with pytest.raises(InputError, match=message):
        TargetSpec.from_mapping(data)


def test_from_toml_with_target_table(tmp_path):
    path = tmp_path / "t.toml"
    path.write_text('[target]\nindustries = ["fintech"]\ncompanies = ["Bluefin Payments"]\n[target.weights]\ncompanies = 2.0\n')
    spec = TargetSpec.from_toml(path)
    assert spec.companies == ("Bluefin Payments",) and spec.fit_weights()["companies"] == 2.0


def test_from_toml_errors(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        TargetSpec.from_toml(tmp_path / "none.toml")
    bad = tmp_path / "bad.toml"
    bad.write_text("industries = [")
    with pytest.raises(InputError, match="invalid TOML"):
        TargetSpec.from_toml(bad)


def test_from_cli_args_merges_file_and_flags(tmp_path):
    path = tmp_path / "t.toml"
    path.write_text('industries = ["fintech"]\n')
    args = argparse.Namespace(target_file=str(path), industry=None, company=["Acme"], title=["product manager"],
                              seniority=None, location=["Boston"], school=None, taxonomy=None)
    spec = TargetSpec.from_cli_args(args)
    assert spec.industries == ("fintech",) and spec.companies == ("Acme",) and spec.locations == ("Boston",)
    assert "industry fintech" in spec.describe()


def test_near_places_and_radius_are_checked_where_the_spec_is_made():
    spec = TargetSpec.from_mapping({"near": "Boston, MA", "within_km": 25})
    assert spec.near == ("Boston, MA",) and spec.within_km == 25.0
    assert TargetSpec(near=("Greater Seattle Area",)).validate().within_km == 40.0
    with pytest.raises(InputError, match="a place netanalytics knows"):
        TargetSpec(near=("Narnia",)).validate()
    with pytest.raises(InputError, match="too broad to measure a distance from"):
        TargetSpec(near=("United States",)).validate()
    for bad in (0, -5, "far", 50_000):
        with pytest.raises(InputError, match="within_km"):
            TargetSpec(near=("Boston, MA",), within_km=bad).validate()


def test_near_from_cli_flags():
    import argparse

    args = argparse.Namespace(near=["Cambridge, MA"], within_km=10.0, industry=["fintech"])
    spec = TargetSpec.from_cli_args(args)
    assert spec.near == ("Cambridge, MA",) and spec.within_km == 10.0
    assert spec.describe() == "industry fintech; near Cambridge, MA (within 10 km)"
