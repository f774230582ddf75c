from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import models
from ..models.endpoint_vbc_extension_type import (
    ENDPOINT_VBC_EXTENSION_TYPE_VALUES,
)
from ..types import (
    UNSET,
    check_value,
    compile_checks,
    refuse_field,
)

# For the error only: which rule a value that failed __attrs_post_init__'s test breaks.
_CHECKS = compile_checks((("extension", "extension", {"type": "string"}),))


def _refuse(model: Any) -> None:
    check_value(model, "type", model.type_, ENDPOINT_VBC_EXTENSION_TYPE_VALUES)
    for entry in _CHECKS:
        refuse_field(model, entry)


T = TypeVar("T", bound="EndpointVbcExtension")


@_attrs_define
class EndpointVbcExtension:
    """Connect to a VBC extension"""

    extension: str
    type_: models.EndpointVbcExtensionType = "vbc"
    """ The type of connection. Must be `vbc` """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __attrs_post_init__(self) -> None:
        m: Any = self
        if not (
            ((v := m.type_) is not UNSET and (v.__class__ is str and v in ENDPOINT_VBC_EXTENSION_TYPE_VALUES))
            and ((v := m.extension) is not UNSET and (v.__class__ is str))
        ):
            _refuse(self)

    def to_dict(self) -> dict[str, Any]:
        type_: str = self.type_

        extension = self.extension

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "extension": extension,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = d.pop("type")

        extension = d.pop("extension")

        endpoint_vbc_extension = cls(
            type_=type_,
            extension=extension,
        )

        endpoint_vbc_extension.additional_properties = d
        return endpoint_vbc_extension

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
