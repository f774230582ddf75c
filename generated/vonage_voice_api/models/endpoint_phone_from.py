from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import models
from ..models.endpoint_phone_from_type import (
    ENDPOINT_PHONE_FROM_TYPE_VALUES,
)
from ..types import (
    UNSET,
    check_value,
    compile_checks,
    refuse_field,
)

# For the error only: which rule a value that failed __attrs_post_init__'s test breaks.
_CHECKS = compile_checks((("number", "number", {"type": "string", "minLength": 1}),))


def _refuse(model: Any) -> None:
    check_value(model, "type", model.type_, ENDPOINT_PHONE_FROM_TYPE_VALUES)
    for entry in _CHECKS:
        refuse_field(model, entry)


T = TypeVar("T", bound="EndpointPhoneFrom")


@_attrs_define
class EndpointPhoneFrom:
    """Connect to a Phone (PSTN) number. This property is mutually exclusive with `random_from_number`: you must specify
    one (`from`) or the other (`random_from_number: true`).

    """

    number: str
    """ The phone number to connect to. It can be either an E.164 formatted number or a SIP URI. """
    type_: models.EndpointPhoneFromType = "phone"
    """ The type of connection. Must be `phone`. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __attrs_post_init__(self) -> None:
        m: Any = self
        if not (
            ((v := m.type_) is not UNSET and (v.__class__ is str and v in ENDPOINT_PHONE_FROM_TYPE_VALUES))
            and ((v := m.number) is not UNSET and (v.__class__ is str and 1 <= len(v)))
        ):
            _refuse(self)

    def to_dict(self) -> dict[str, Any]:
        type_: str = self.type_

        number = self.number

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "number": number,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = d.pop("type")

        number = d.pop("number")

        endpoint_phone_from = cls(
            type_=type_,
            number=number,
        )

        endpoint_phone_from.additional_properties = d
        return endpoint_phone_from

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
