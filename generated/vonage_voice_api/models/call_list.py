from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import models
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.call_list_embedded import CallListEmbedded
    from ..models.call_list_links import CallListLinks


T = TypeVar("T", bound="CallList")


@_attrs_define
class CallList:
    count: int
    """ How many records match the request in total. """
    page_size: int
    """ How many records this page holds. """
    record_index: int
    """ The `record_index` of the request (index of this page's first record). """
    links: models.CallListLinks
    embedded: models.CallListEmbedded | Unset = UNSET
    """ The calls of this page, each as the getCall operation returns it. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        count = self.count

        page_size = self.page_size

        record_index = self.record_index

        links = self.links.to_dict()

        embedded: dict[str, Any] | Unset = UNSET
        if not isinstance(self.embedded, Unset):
            embedded = self.embedded.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "count": count,
                "page_size": page_size,
                "record_index": record_index,
                "_links": links,
            }
        )
        if embedded is not UNSET:
            field_dict["_embedded"] = embedded

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        count = d.pop("count")

        page_size = d.pop("page_size")

        record_index = d.pop("record_index")

        links = CallListLinks.from_dict(d.pop("_links"))

        _embedded = d.pop("_embedded", UNSET)
        embedded: CallListEmbedded | Unset
        if isinstance(_embedded, Unset):
            embedded = UNSET
        else:
            embedded = CallListEmbedded.from_dict(_embedded)

        call_list = cls(
            count=count,
            page_size=page_size,
            record_index=record_index,
            links=links,
            embedded=embedded,
        )

        call_list.additional_properties = d
        return call_list

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


# Imported after the class, once: these modules may import this one (see the custom template's header).
from ..models.call_list_embedded import CallListEmbedded  # noqa: E402
from ..models.call_list_links import CallListLinks  # noqa: E402
