from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import models
from ..models.endpoint_phone_to_type import (
    ENDPOINT_PHONE_TO_TYPE_VALUES,
)
from ..types import (
    UNSET,
    Unset,
    check_value,
    compile_checks,
    compile_match,
    refuse_field,
)

_P0 = compile_match("^[1-9][0-9]{6,14}$")
_P1 = compile_match("^[0-9*#p]+$")

# For the error only: which rule a value that failed __attrs_post_init__'s test breaks.
_CHECKS = compile_checks(
    (
        ("number", "number", {"type": "string", "minLength": 7, "maxLength": 15, "pattern": "^[1-9][0-9]{6,14}$"}),
        ("dtmf_answer", "dtmfAnswer", {"type": "string", "pattern": "^[0-9*#p]+$"}),
        ("shaken", "shaken", {"type": "string"}),
    )
)


def _refuse(model: Any) -> None:
    check_value(model, "type", model.type_, ENDPOINT_PHONE_TO_TYPE_VALUES)
    for entry in _CHECKS:
        refuse_field(model, entry)


T = TypeVar("T", bound="EndpointPhoneTo")


@_attrs_define
class EndpointPhoneTo:
    """Connect to a Phone (PSTN) number"""

    number: str
    """ The phone number to connect to """
    type_: models.EndpointPhoneToType = "phone"
    """ The type of connection. Must be `phone` """
    dtmf_answer: str | Unset = UNSET
    """ Provide [DTMF digits](https://developer.nexmo.com/voice/voice-api/concepts/dtmf) to send when the call is
    answered """
    shaken: str | Unset = UNSET
    """ For Vonage customers who are required by the FCC to sign their own calls to the USA, we allow you to place
    Voice API calls with your own signature. This feature is available by request only. Please be aware calls with
    an invalid signature will be rejected. For more information please contact us. In this option, you must place
    the STIR/SHAKEN Identity Header content that Vonage must use for this call. Expected format is composed of the
    JWT with the header, payload and signature, an info parameter with a link for the certificate, the algorithm
    (alg) parameter indicating which encryption type was used and the passport type (ppt) which should be shaken.
    """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __attrs_post_init__(self) -> None:
        m: Any = self
        if not (
            ((v := m.type_) is not UNSET and (v.__class__ is str and v in ENDPOINT_PHONE_TO_TYPE_VALUES))
            and ((v := m.number) is not UNSET and (v.__class__ is str and 7 <= len(v) <= 15 and _P0(v)))
            and ((v := m.dtmf_answer) is UNSET or (v.__class__ is str and _P1(v)))
            and ((v := m.shaken) is UNSET or (v.__class__ is str))
        ):
            _refuse(self)

    def to_dict(self) -> dict[str, Any]:
        type_: str = self.type_

        number = self.number

        dtmf_answer = self.dtmf_answer

        shaken = self.shaken

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "number": number,
            }
        )
        if dtmf_answer is not UNSET:
            field_dict["dtmfAnswer"] = dtmf_answer
        if shaken is not UNSET:
            field_dict["shaken"] = shaken

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = d.pop("type")

        number = d.pop("number")

        dtmf_answer = d.pop("dtmfAnswer", UNSET)

        shaken = d.pop("shaken", UNSET)

        endpoint_phone_to = cls(
            type_=type_,
            number=number,
            dtmf_answer=dtmf_answer,
            shaken=shaken,
        )

        endpoint_phone_to.additional_properties = d
        return endpoint_phone_to

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
