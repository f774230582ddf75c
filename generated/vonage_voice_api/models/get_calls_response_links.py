from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.get_calls_response_links_first import GetCallsResponseLinksFirst
    from ..models.get_calls_response_links_last import GetCallsResponseLinksLast
    from ..models.get_calls_response_links_next import GetCallsResponseLinksNext
    from ..models.get_calls_response_links_prev import GetCallsResponseLinksPrev
    from ..models.get_calls_response_links_self import GetCallsResponseLinksSelf


T = TypeVar("T", bound="GetCallsResponseLinks")


@_attrs_define
class GetCallsResponseLinks:
    self_: GetCallsResponseLinksSelf | Unset = UNSET
    first: GetCallsResponseLinksFirst | Unset = UNSET
    last: GetCallsResponseLinksLast | Unset = UNSET
    next_: GetCallsResponseLinksNext | Unset = UNSET
    prev: GetCallsResponseLinksPrev | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        self_: dict[str, Any] | Unset = UNSET
        if not isinstance(self.self_, Unset):
            self_ = self.self_.to_dict()

        first: dict[str, Any] | Unset = UNSET
        if not isinstance(self.first, Unset):
            first = self.first.to_dict()

        last: dict[str, Any] | Unset = UNSET
        if not isinstance(self.last, Unset):
            last = self.last.to_dict()

        next_: dict[str, Any] | Unset = UNSET
        if not isinstance(self.next_, Unset):
            next_ = self.next_.to_dict()

        prev: dict[str, Any] | Unset = UNSET
        if not isinstance(self.prev, Unset):
            prev = self.prev.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if self_ is not UNSET:
            field_dict["self"] = self_
        if first is not UNSET:
            field_dict["first"] = first
        if last is not UNSET:
            field_dict["last"] = last
        if next_ is not UNSET:
            field_dict["next"] = next_
        if prev is not UNSET:
            field_dict["prev"] = prev

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.get_calls_response_links_first import GetCallsResponseLinksFirst  # noqa: PLC0415
        from ..models.get_calls_response_links_last import GetCallsResponseLinksLast  # noqa: PLC0415
        from ..models.get_calls_response_links_next import GetCallsResponseLinksNext  # noqa: PLC0415
        from ..models.get_calls_response_links_prev import GetCallsResponseLinksPrev  # noqa: PLC0415
        from ..models.get_calls_response_links_self import GetCallsResponseLinksSelf  # noqa: PLC0415

        d = dict(src_dict)
        _self_ = d.pop("self", UNSET)
        self_: GetCallsResponseLinksSelf | Unset
        if isinstance(_self_, Unset):
            self_ = UNSET
        else:
            self_ = GetCallsResponseLinksSelf.from_dict(_self_)

        _first = d.pop("first", UNSET)
        first: GetCallsResponseLinksFirst | Unset
        if isinstance(_first, Unset):
            first = UNSET
        else:
            first = GetCallsResponseLinksFirst.from_dict(_first)

        _last = d.pop("last", UNSET)
        last: GetCallsResponseLinksLast | Unset
        if isinstance(_last, Unset):
            last = UNSET
        else:
            last = GetCallsResponseLinksLast.from_dict(_last)

        _next_ = d.pop("next", UNSET)
        next_: GetCallsResponseLinksNext | Unset
        if isinstance(_next_, Unset):
            next_ = UNSET
        else:
            next_ = GetCallsResponseLinksNext.from_dict(_next_)

        _prev = d.pop("prev", UNSET)
        prev: GetCallsResponseLinksPrev | Unset
        if isinstance(_prev, Unset):
            prev = UNSET
        else:
            prev = GetCallsResponseLinksPrev.from_dict(_prev)

        get_calls_response_links = cls(
            self_=self_,
            first=first,
            last=last,
            next_=next_,
            prev=prev,
        )

        get_calls_response_links.additional_properties = d
        return get_calls_response_links

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
