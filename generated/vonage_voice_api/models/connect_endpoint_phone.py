from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import models
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.connect_endpoint_phone_on_answer import ConnectEndpointPhoneOnAnswer


from ..models.connect_endpoint_phone_type import CONNECT_ENDPOINT_PHONE_TYPE_VALUES
from ..types import (
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
    check_value(model, "type", model.type_, CONNECT_ENDPOINT_PHONE_TYPE_VALUES)
    for entry in _CHECKS:
        refuse_field(model, entry)


T = TypeVar("T", bound="ConnectEndpointPhone")


@_attrs_define
class ConnectEndpointPhone:
    """A phone (PSTN) number to connect to."""

    number: str
    """ The phone number to connect to """
    type_: models.ConnectEndpointPhoneType = "phone"
    dtmf_answer: str | Unset = UNSET
    """ DTMF digits to play once the call is answered; `p` pauses for 500 ms. """
    on_answer: models.ConnectEndpointPhoneOnAnswer | Unset = UNSET
    """ An NCCO run on the callee's leg when it answers, before the legs are joined. """
    shaken: str | Unset = UNSET
    """ Your own STIR/SHAKEN Identity header for this call (the JWT, then `;info=<certificate URL>`, `;alg=ES256`
    and `;ppt="shaken"`); on request only. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __attrs_post_init__(self) -> None:
        m: Any = self
        if not (
            ((v := m.type_) is not UNSET and (v.__class__ is str and v in CONNECT_ENDPOINT_PHONE_TYPE_VALUES))
            and ((v := m.number) is not UNSET and (v.__class__ is str and 7 <= len(v) <= 15 and _P0(v)))
            and ((v := m.dtmf_answer) is UNSET or (v.__class__ is str and _P1(v)))
            and ((v := m.shaken) is UNSET or (v.__class__ is str))
        ):
            _refuse(self)

    def to_dict(self) -> dict[str, Any]:
        type_: str = self.type_

        number = self.number

        dtmf_answer = self.dtmf_answer

        on_answer: dict[str, Any] | Unset = UNSET
        if not isinstance(self.on_answer, Unset):
            on_answer = self.on_answer.to_dict()

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
        if on_answer is not UNSET:
            field_dict["onAnswer"] = on_answer
        if shaken is not UNSET:
            field_dict["shaken"] = shaken

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = d.pop("type")

        number = d.pop("number")

        dtmf_answer = d.pop("dtmfAnswer", UNSET)

        _on_answer = d.pop("onAnswer", UNSET)
        on_answer: ConnectEndpointPhoneOnAnswer | Unset
        if isinstance(_on_answer, Unset):
            on_answer = UNSET
        else:
            on_answer = ConnectEndpointPhoneOnAnswer.from_dict(_on_answer)

        shaken = d.pop("shaken", UNSET)

        connect_endpoint_phone = cls(
            type_=type_,
            number=number,
            dtmf_answer=dtmf_answer,
            on_answer=on_answer,
            shaken=shaken,
        )

        connect_endpoint_phone.additional_properties = d
        return connect_endpoint_phone

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


# Imported after the class, once: these modules may import this one (see the custom template's header).
from ..models.connect_endpoint_phone_on_answer import ConnectEndpointPhoneOnAnswer  # noqa: E402
