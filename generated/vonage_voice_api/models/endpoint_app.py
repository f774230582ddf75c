from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import models
from ..models.endpoint_app_type import ENDPOINT_APP_TYPE_VALUES
from ..types import (
    UNSET,
    check_value,
    compile_checks,
    refuse_field,
)

# For the error only: which rule a value that failed __attrs_post_init__'s test breaks.
_CHECKS = compile_checks((("user", "user", {"type": "string"}),))


def _refuse(model: Any) -> None:
    check_value(model, "type", model.type_, ENDPOINT_APP_TYPE_VALUES)
    for entry in _CHECKS:
        refuse_field(model, entry)


T = TypeVar("T", bound="EndpointApp")


@_attrs_define
class EndpointApp:
    """Connect to an App User"""

    user: str
    """ The username to connect to """
    type_: models.EndpointAppType = "app"
    """ The type of connection. Must be `app` """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __attrs_post_init__(self) -> None:
        m: Any = self
        if not (
            ((v := m.type_) is not UNSET and (v.__class__ is str and v in ENDPOINT_APP_TYPE_VALUES))
            and ((v := m.user) is not UNSET and (v.__class__ is str))
        ):
            _refuse(self)

    def to_dict(self) -> dict[str, Any]:
        type_: str = self.type_

        user = self.user

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "user": user,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = d.pop("type")

        user = d.pop("user")

        endpoint_app = cls(
            type_=type_,
            user=user,
        )

        endpoint_app.additional_properties = d
        return endpoint_app

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
