from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import models
from ..models.wait_action_action import WAIT_ACTION_ACTION_VALUES
from ..types import (
    UNSET,
    Unset,
    check_value,
    compile_checks,
    json_form,
    refuse_field,
)

# For the error only: which rule a value that failed __attrs_post_init__'s test breaks.
_CHECKS = compile_checks((("timeout", "timeout", {"type": "number", "minimum": 0.1, "maximum": 7200}),))


def _refuse(model: Any) -> None:
    check_value(model, "action", model.action, WAIT_ACTION_ACTION_VALUES)
    for entry in _CHECKS:
        refuse_field(model, entry)


T = TypeVar("T", bound="WaitAction")


@_attrs_define
class WaitAction:
    """Pause the NCCO. Sends no event; add a `notify` after it when the application needs to know."""

    action: models.WaitActionAction = "wait"
    timeout: float | Unset = 10.0
    """ Seconds to wait, from 0.1 to 7200 (Vonage clamps values outside that range; the schema refuses them so that
    the client sends what it means). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __attrs_post_init__(self) -> None:
        m: Any = self
        if not (
            ((v := m.action) is not UNSET and (v.__class__ is str and v in WAIT_ACTION_ACTION_VALUES))
            and ((v := m.timeout) is UNSET or ((v.__class__ is float or v.__class__ is int) and 0.1 <= v <= 7200))
        ):
            _refuse(self)

    def to_dict(self) -> dict[str, Any]:
        action: str = self.action

        timeout = self.timeout

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "action": action,
            }
        )
        if timeout is not UNSET:
            field_dict["timeout"] = timeout

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        action = d.pop("action")

        timeout = json_form(d.pop("timeout", UNSET), "number")

        wait_action = cls(
            action=action,
            timeout=timeout,
        )

        wait_action.additional_properties = d
        return wait_action

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
