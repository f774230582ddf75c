from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    UNSET,
    compile_checks,
    compile_match,
    refuse_field,
)

_P0 = compile_match("^[0-9*#p]+$")

# For the error only: which rule a value that failed __attrs_post_init__'s test breaks.
_CHECKS = compile_checks((("digits", "digits", {"type": "string", "pattern": "^[0-9*#p]+$"}),))


def _refuse(model: Any) -> None:
    for entry in _CHECKS:
        refuse_field(model, entry)


T = TypeVar("T", bound="DtmfRequest")


@_attrs_define
class DtmfRequest:
    digits: str
    """ The DTMF digits to play (0-9, `*`, `#`), where `p` pauses for 500 ms. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __attrs_post_init__(self) -> None:
        m: Any = self
        if not ((v := m.digits) is not UNSET and (v.__class__ is str and _P0(v))):
            _refuse(self)

    def to_dict(self) -> dict[str, Any]:
        digits = self.digits

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "digits": digits,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        digits = d.pop("digits")

        dtmf_request = cls(
            digits=digits,
        )

        dtmf_request.additional_properties = d
        return dtmf_request

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
