from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.get_calls_response_embedded import GetCallsResponseEmbedded
    from ..models.get_calls_response_links import GetCallsResponseLinks


T = TypeVar("T", bound="GetCallsResponse")


@_attrs_define
class GetCallsResponse:
    count: int | Unset = UNSET
    page_size: int | Unset = UNSET
    record_index: int | Unset = UNSET
    field_links: GetCallsResponseLinks | Unset = UNSET
    field_embedded: GetCallsResponseEmbedded | Unset = UNSET
    """ The calls of this page. Each call has the fields described in the response of [get details of a specific
    call](#getCall). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        count = self.count

        page_size = self.page_size

        record_index = self.record_index

        field_links: dict[str, Any] | Unset = UNSET
        if not isinstance(self.field_links, Unset):
            field_links = self.field_links.to_dict()

        field_embedded: dict[str, Any] | Unset = UNSET
        if not isinstance(self.field_embedded, Unset):
            field_embedded = self.field_embedded.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if count is not UNSET:
            field_dict["count"] = count
        if page_size is not UNSET:
            field_dict["page_size"] = page_size
        if record_index is not UNSET:
            field_dict["record_index"] = record_index
        if field_links is not UNSET:
            field_dict["_links"] = field_links
        if field_embedded is not UNSET:
            field_dict["_embedded"] = field_embedded

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.get_calls_response_embedded import GetCallsResponseEmbedded  # noqa: PLC0415
        from ..models.get_calls_response_links import GetCallsResponseLinks  # noqa: PLC0415

        d = dict(src_dict)
        count = d.pop("count", UNSET)

        page_size = d.pop("page_size", UNSET)

        record_index = d.pop("record_index", UNSET)

        _field_links = d.pop("_links", UNSET)
        field_links: GetCallsResponseLinks | Unset
        if isinstance(_field_links, Unset):
            field_links = UNSET
        else:
            field_links = GetCallsResponseLinks.from_dict(_field_links)

        _field_embedded = d.pop("_embedded", UNSET)
        field_embedded: GetCallsResponseEmbedded | Unset
        if isinstance(_field_embedded, Unset):
            field_embedded = UNSET
        else:
            field_embedded = GetCallsResponseEmbedded.from_dict(_field_embedded)

        get_calls_response = cls(
            count=count,
            page_size=page_size,
            record_index=record_index,
            field_links=field_links,
            field_embedded=field_embedded,
        )

        get_calls_response.additional_properties = d
        return get_calls_response

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
