from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.get_call_response import GetCallResponse


T = TypeVar("T", bound="GetCallsResponseEmbedded")


@_attrs_define
class GetCallsResponseEmbedded:
    """The calls of this page. Each call has the fields described in the response of [get details of a specific
    call](#getCall).

    """

    calls: list[GetCallResponse] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        calls: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.calls, Unset):
            calls = []
            for calls_item_data in self.calls:
                calls_item = calls_item_data.to_dict()
                calls.append(calls_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if calls is not UNSET:
            field_dict["calls"] = calls

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.get_call_response import GetCallResponse  # noqa: PLC0415

        d = dict(src_dict)
        _calls = d.pop("calls", UNSET)
        calls: list[GetCallResponse] | Unset = UNSET
        if _calls is not UNSET:
            calls = []
            for calls_item_data in _calls:
                calls_item = GetCallResponse.from_dict(calls_item_data)

                calls.append(calls_item)

        get_calls_response_embedded = cls(
            calls=calls,
        )

        get_calls_response_embedded.additional_properties = d
        return get_calls_response_embedded

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
