from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st
from sitrep_store_builders import sourced

from sitrep.reconcile import figures

KINDS = ("monitor", "official", "media", "witness", "social_post", "unattributed")
CATEGORIES = ("civilians", "state_forces", "non_state_armed", "unknown", "mixed")

claims_strategy = st.lists(
    st.builds(
        lambda doc, number, low, extra, kind, source, category, vague, copy: sourced(
            f"d{doc}", claim_id=f"c{number}", low=low, high=low + extra if extra else None,
            qualifier="vague" if vague else ("range" if extra else "exact"), kind=kind,
            source=source, victims=category, copy_of="d0" if copy and doc else None,
            sequence=doc),
        doc=st.integers(0, 4), number=st.integers(0, 5), low=st.integers(0, 500),
        extra=st.integers(0, 50), kind=st.sampled_from(KINDS),
        source=st.sampled_from([None, "Monitor A", "Ministry", "Paper", "@poster"]),
        category=st.sampled_from(CATEGORIES), vague=st.booleans(), copy=st.booleans()),
    max_size=12,
).map(lambda claims: list({c.ref: c for c in claims}.values()))  # claim ids unique per document


@settings(max_examples=200, deadline=None)
@given(claims_strategy)
def test_low_best_high_are_ordered_when_known(claims):
    for found in (figures(claims).killed, figures(claims).injured):
        if found.low is None:
            assert found.best is None and found.high is None
        else:
            assert found.low <= found.best <= found.high


@settings(max_examples=200, deadline=None)
@given(claims_strategy, st.randoms())
def test_figures_do_not_depend_on_claim_order(claims, rng):
    shuffled = list(claims)
    rng.shuffle(shuffled)
    assert figures(shuffled) == figures(claims)


@settings(max_examples=200, deadline=None)
@given(claims_strategy)
def test_a_copy_repeating_its_original_changes_nothing(claims):
    originals = [c for c in claims if c.independent and c.document == "d0"]
    repeated = [replace(c, document="d9", copy_of="d0") for c in originals]  # published with it
    assert figures(claims + repeated) == figures(claims)


@settings(max_examples=200, deadline=None)
@given(claims_strategy)
def test_copies_never_add_a_source_of_their_own(claims):
    with_copies = figures(claims)
    without = figures([c for c in claims if c.independent])
    for got, base in ((with_copies.killed, without.killed), (with_copies.injured, without.injured)):
        assert (got.low is None) == (base.low is None)
