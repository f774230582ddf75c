from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import models
from ..models.call_endpoint_app_type import check_call_endpoint_app_type

T = TypeVar("T", bound="CallEndpointApp")


@_attrs_define
class CallEndpointApp:
    """Connect to an App User"""

    user: str
    """ The username to connect to """
    type_: models.CallEndpointAppType = "app"
    """ The type of connection. Must be `app` """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

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
        type_ = check_call_endpoint_app_type(d.pop("type"))

        user = d.pop("user")

        call_endpoint_app = cls(
            type_=type_,
            user=user,
        )

        call_endpoint_app.additional_properties = d
        return call_endpoint_app

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
