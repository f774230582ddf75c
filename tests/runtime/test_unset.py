"""value_or: a field the API left out (UNSET) replaced by a default, and nothing else replaced."""

from __future__ import annotations

import typing

from vonage_voice_api.models import Call, TalkAction
from vonage_voice_api.types import UNSET as GENERATED_UNSET

import vonage_voice_client
from vonage_voice_client import UNSET, NccoAction, Unset, value_or

RECORD = {
    "uuid": "63f61863-4a51-4f6b-86e1-46edebcf9356",
    "conversation_uuid": "CON-f972836a-550f-45fa-956c-12a2ab5b7d22",
}


def test_unset_is_replaced_and_present_values_are_kept_even_when_falsy() -> None:
    assert value_or(UNSET, None) is None
    assert value_or(UNSET, "0") == "0"
    present: object
    for present in (0, "", False, [], "0.00500000"):
        assert value_or(present, "default") == present  # `present or "default"` would replace the first four


def test_a_record_without_price_reads_as_the_default() -> None:
    call = Call.from_dict({**RECORD, "status": "started", "direction": "outbound"})
    typing.assert_type(value_or(call.price, None), str | None)
    assert isinstance(call.price, Unset)
    assert value_or(call.price, None) is None
    completed = Call.from_dict({**RECORD, "status": "completed", "direction": "outbound", "price": "0.005"})
    assert float(value_or(completed.price, "0")) == 0.005


def test_the_root_exports_the_generated_unset_and_the_aliases_at_run_time() -> None:
    assert UNSET is GENERATED_UNSET
    assert TalkAction in typing.get_args(NccoAction)
    assert {"NccoAction", "construct_event", "value_or", "Unset", "VerifiedClaims"} <= set(vonage_voice_client.__all__)
