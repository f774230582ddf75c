from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    UNSET,
    Unset,
    compile_checks,
    json_form,
    refuse_field,
)

# For the error only: which rule a value that failed __attrs_post_init__'s test breaks.
_CHECKS = compile_checks(
    (
        ("time_out", "timeOut", {"type": "integer", "minimum": 0, "maximum": 10}),
        ("max_digits", "maxDigits", {"type": "integer", "minimum": 1, "maximum": 20}),
        ("submit_on_hash", "submitOnHash", {"type": "boolean"}),
    )
)


def _refuse(model: Any) -> None:
    for entry in _CHECKS:
        refuse_field(model, entry)


T = TypeVar("T", bound="InputActionDtmf")


@_attrs_define
class InputActionDtmf:
    """DTMF settings. Leave empty with `mode: asynchronous`."""

    time_out: int | Unset = 3
    """ Seconds of inactivity after the last key before the result is sent. """
    max_digits: int | Unset = 4
    """ How many digits to collect at most. """
    submit_on_hash: bool | Unset = False
    """ Send the result as soon as `#` is pressed. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __attrs_post_init__(self) -> None:
        m: Any = self
        if not (
            ((v := m.time_out) is UNSET or (v.__class__ is int and 0 <= v <= 10))
            and ((v := m.max_digits) is UNSET or (v.__class__ is int and 1 <= v <= 20))
            and ((v := m.submit_on_hash) is UNSET or (v.__class__ is bool))
        ):
            _refuse(self)

    def to_dict(self) -> dict[str, Any]:
        time_out = self.time_out

        max_digits = self.max_digits

        submit_on_hash = self.submit_on_hash

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if time_out is not UNSET:
            field_dict["timeOut"] = time_out
        if max_digits is not UNSET:
            field_dict["maxDigits"] = max_digits
        if submit_on_hash is not UNSET:
            field_dict["submitOnHash"] = submit_on_hash

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        time_out = json_form(d.pop("timeOut", UNSET), "integer")

        max_digits = json_form(d.pop("maxDigits", UNSET), "integer")

        submit_on_hash = json_form(d.pop("submitOnHash", UNSET), "boolean")

        input_action_dtmf = cls(
            time_out=time_out,
            max_digits=max_digits,
            submit_on_hash=submit_on_hash,
        )

        input_action_dtmf.additional_properties = d
        return input_action_dtmf

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
