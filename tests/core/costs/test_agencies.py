"""Who pays and who benefits, for one initiative and for a whole partnership."""

from __future__ import annotations

import pytest

from partnerscope.core.costs import (
    AgencyPosition,
    combine_positions,
    contribution_split,
    wrong_pockets,
)


def test_positions_add_up_across_initiatives():
    early_help = [AgencyPosition("council", 100.0, 0.0, 0.0), AgencyPosition("nhs", 0.0, 80.0, 8.0)]
    one_stop = [AgencyPosition("nhs", 20.0, 10.0, 1.0), AgencyPosition("police", 5.0, 60.0, 0.0)]
    combined = combine_positions([early_help, one_stop])
    assert [(p.agency, p.pv_costs, p.pv_fiscal_benefits, p.pv_cashable) for p in combined] == [
        ("council", 100.0, 0.0, 0.0),
        ("nhs", 20.0, 90.0, 9.0),
        ("police", 5.0, 60.0, 0.0),
    ]
    assert [(w.payer, w.beneficiary) for w in wrong_pockets(combined)] == [
        ("council", "nhs"),
        ("council", "police"),
    ]
    split = {s.agency: s for s in contribution_split(combined)}
    assert split["nhs"].share == pytest.approx(0.6)
    assert split["nhs"].contribution == pytest.approx(0.6 * 125)
    assert split["police"].change == pytest.approx(0.4 * 125 - 5)


def test_no_split_without_fiscal_benefits_and_no_wrong_pocket_when_nobody_gains():
    positions = [AgencyPosition("council", 10.0, 0.0, 0.0), AgencyPosition("fire", 5.0, 0.0, 0.0)]
    assert contribution_split(positions) == ()
    assert wrong_pockets(positions) == ()
