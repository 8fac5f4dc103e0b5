"""Claim relations on hand-made pairs (none taken from the sample articles)."""

from __future__ import annotations

import pytest

from framecmp.analysis.relations import relate
from framecmp.model import ClaimRelation

PAIRS = [
    (
        "The storm damaged approximately 200 homes in the county.",
        "The storm damaged approximately 2,000 homes in the county.",
        ClaimRelation.CONFLICTING,
        ("200", "2,000"),
    ),
    (
        "The vaccine trial confirmed efficacy.",
        "The vaccine trial did not confirm efficacy.",
        ClaimRelation.CONFLICTING,
        ("not confirm",),
    ),
    (
        "The regulator imposed a fine on the bank.",
        "The regulator cleared the bank.",
        ClaimRelation.CONFLICTING,
        ("cleared", "fine"),
    ),
    (
        "The jury convicted the former mayor of fraud.",
        "The jury acquitted the former mayor of fraud.",
        ClaimRelation.CONFLICTING,
        ("acquitted", "convicted"),
    ),
    (
        "The utility restored power to the town.",
        "The utility plans to restore power to the town by next week.",
        ClaimRelation.MODALITY,
        ("plans",),
    ),
    (
        "The mayor said the bridge was unsafe.",
        "The mayor claimed the bridge was unsafe.",
        ClaimRelation.ATTRIBUTION,
        ("claimed",),
    ),
    (
        "Troops entered Kiev on Monday.",
        "Troops entered Kyiv on Monday.",
        ClaimRelation.WORDING,
        ("Kiev", "Kyiv"),
    ),
    (
        "The company hired a new chief executive.",
        "The company hired a new chief executive from a rival software maker in Boston.",
        ClaimRelation.ADDS_DETAIL,
        ("boston", "maker", "rival", "software"),
    ),
    (
        "The company hired a new chief executive.",
        "A new chief executive was hired by the company.",
        ClaimRelation.EQUIVALENT,
        (),
    ),
]


@pytest.mark.parametrize(("left", "right", "relation", "evidence"), PAIRS)
def test_each_kind_of_difference_is_named_with_its_words(
    left: str, right: str, relation: ClaimRelation, evidence: tuple[str, ...]
) -> None:
    assert relate(left, right) == (relation, evidence)


def test_two_different_numbers_of_different_things_do_not_conflict() -> None:
    found, _ = relate(
        "The quake killed 12 people on Sunday.", "The quake killed 12 people and injured 40."
    )
    assert found is not ClaimRelation.CONFLICTING


def test_a_negation_elsewhere_in_the_sentence_is_no_conflict() -> None:
    found, _ = relate(
        "Police arrested the driver after the crash.",
        "Police arrested the driver after the crash, though no one was hurt.",
    )
    assert found is not ClaimRelation.CONFLICTING
