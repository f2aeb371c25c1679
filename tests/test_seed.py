"""The seed article: fighters of two sides make a battle; a post's source is named by its handle."""

from __future__ import annotations

import pytest

from sitrep.pipeline import Pipeline
from sitrep.records import Document


@pytest.fixture(scope="module")
def seed_result(seed_files):
    return Pipeline().extract(Document(id="seed", text=seed_files[0].read_text(encoding="utf-8")))


def _incident_of(result, low):
    claim = next(c for c in result.claims if c.outcome == "killed" and c.count.low == low)
    return next(i for i in result.incidents if claim.id in i.claims)


@pytest.mark.parametrize("low", [125, 148])
def test_seed_security_personnel_and_loyalists_killed_are_a_battle(seed_result, low):
    incident = _incident_of(seed_result, low)
    assert (incident.event_type, incident.sub_event_type) == ("Battles", "Armed clash")


def test_seed_civilian_toll_stays_violence_against_civilians(seed_result):
    assert _incident_of(seed_result, 745).event_type == "Violence against civilians"


def test_seed_post_source_is_named_by_its_handle(seed_result):
    incident = _incident_of(seed_result, 2400)
    handles = {c.source.handle for c in seed_result.claims if c.source.kind == "social_post"}
    assert handles and all(h.startswith("@") for h in handles)
    assert handles <= set(incident.sources)
    assert not any(c.source.name in incident.sources for c in seed_result.claims
                   if c.source.kind == "social_post" and c.source.name != c.source.handle)
