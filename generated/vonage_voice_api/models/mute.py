from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import models
from ..models.mute_action import MUTE_ACTION_VALUES
from ..types import UNSET, check_value


def _refuse(model: Any) -> None:
    check_value(model, "action", model.action, MUTE_ACTION_VALUES)


T = TypeVar("T", bound="Mute")


@_attrs_define
class Mute:
    action: models.MuteAction = "mute"
    """ Mute the specified UUID """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __attrs_post_init__(self) -> None:
        m: Any = self
        if not ((v := m.action) is not UNSET and (v.__class__ is str and v in MUTE_ACTION_VALUES)):
            _refuse(self)

    def to_dict(self) -> dict[str, Any]:
        action: str = self.action

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "action": action,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        action = d.pop("action")

        mute = cls(
            action=action,
        )

        mute.additional_properties = d
        return mute

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
