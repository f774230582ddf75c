from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import models
from ..models.transfer_with_answer_url_destination_type import (
    TRANSFER_WITH_ANSWER_URL_DESTINATION_TYPE_VALUES,
)
from ..types import (
    UNSET,
    check_value,
    compile_checks,
    refuse_field,
    strings,
)

# For the error only: which rule a value that failed __attrs_post_init__'s test breaks.
_CHECKS = compile_checks((("url", "url", {"type": "array", "items": {"type": "string"}}),))


def _refuse(model: Any) -> None:
    check_value(model, "type", model.type_, TRANSFER_WITH_ANSWER_URL_DESTINATION_TYPE_VALUES)
    for entry in _CHECKS:
        refuse_field(model, entry)


T = TypeVar("T", bound="TransferWithAnswerUrlDestination")


@_attrs_define
class TransferWithAnswerUrlDestination:
    url: list[str]
    """ The URL that Vonage makes a request to. Must return an NCCO. """
    type_: models.TransferWithAnswerUrlDestinationType = "ncco"
    """ Always `ncco` """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __attrs_post_init__(self) -> None:
        m: Any = self
        if not (
            (
                (v := m.type_) is not UNSET
                and (v.__class__ is str and v in TRANSFER_WITH_ANSWER_URL_DESTINATION_TYPE_VALUES)
            )
            and ((v := m.url) is not UNSET and (v.__class__ is list and strings(v, None)))
        ):
            _refuse(self)

    def to_dict(self) -> dict[str, Any]:
        type_: str = self.type_

        url = self.url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "url": url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = d.pop("type")

        url = cast(list[str], d.pop("url"))

        transfer_with_answer_url_destination = cls(
            type_=type_,
            url=url,
        )

        transfer_with_answer_url_destination.additional_properties = d
        return transfer_with_answer_url_destination

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
