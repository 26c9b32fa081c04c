"""The table of state bodies and the citation grammar give an act the same id: an imported act of
any body in the table is the act every reference to it names."""

from __future__ import annotations

import pytest

from lexgraph.citations import parse_citations
from lexgraph.state_bodies import STATE_BODIES, BodyKind, StateBody


@pytest.mark.parametrize("body", STATE_BODIES, ids=lambda body: body.slug)
def test_a_reference_to_a_bodys_act_names_the_id_its_import_gets(body: StateBody) -> None:
    word = "решение" if body.kind is BodyKind.EXECUTIVE_COMMITTEE else "постановлением"
    text = f"в соответствии с {word} {body.genitive} от 19 мая 2023 г. № 102"
    (reference,) = parse_citations(text)
    kind = body.act_kind
    expected = (
        f"by/{kind}/2023-05-19/102"
        if kind == "cm_resolution"
        else f"by/{kind}/{body.slug}/2023-05-19/102"
    )
    assert reference.act_id == expected
