import pytest
from pydantic import ValidationError

from steppe.schemas import PloverCoding

REQUIRED = dict(cooperative=[], future_agree=[], unnamed_recipient_is_other_party=[], unseen_agent=[],
                needs_target=[], no_recipient_modes=[])


@pytest.mark.parametrize("field, value", [
    ("joint_as", {"MOBILISE": "COOPERATE"}),
    ("threatened_as", {"SANCTIONS": "restrict"}),
    ("appraisals", ["PRAISE"]),
])
def test_coding_rules_name_only_plover_types(field, value):
    with pytest.raises(ValidationError, match="unknown PLOVER types"):
        PloverCoding(**REQUIRED, **{field: value})


def test_coding_rules_accept_plover_types():
    assert PloverCoding(**REQUIRED, joint_as={"MOBILIZE": "COOPERATE"}, appraisals=["ACCUSE"]).joint_as
