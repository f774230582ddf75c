from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.endpoint_phone_to_type import EndpointPhoneToType, check_endpoint_phone_to_type
from ..types import UNSET, Unset

T = TypeVar("T", bound="EndpointPhoneTo")


@_attrs_define
class EndpointPhoneTo:
    """A phone (PSTN) number to call"""

    number: str
    """ The phone number to call, in E.164 format without a leading `+` """
    type_: EndpointPhoneToType = "phone"
    """ Kind of connection; must be `phone` """
    dtmf_answer: str | Unset = UNSET
    """ [DTMF digits](https://developer.nexmo.com/voice/voice-api/guides/dtmf) to play once the call is answered;
    `p` pauses for 500 ms. """
    shaken: str | Unset = UNSET
    """ Your own STIR/SHAKEN signature, for customers that the FCC obliges to sign the calls they place to the USA.
    Available on request only, and calls with an invalid signature are rejected. Give the whole content of the
    Identity header that Vonage must use for this call: the JWT (header, payload and signature), then an `info`
    parameter linking to the certificate, the `alg` parameter naming the signing algorithm and the passport type
    `ppt`, which must be `shaken`. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

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
        type_ = check_endpoint_phone_to_type(d.pop("type"))

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
