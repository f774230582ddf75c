from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import models
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.link import Link


T = TypeVar("T", bound="CallListLinks")


@_attrs_define
class CallListLinks:
    self_: models.Link
    """ A link to a related resource, as a path relative to the API host. """
    first: models.Link | Unset = UNSET
    """ A link to a related resource, as a path relative to the API host. """
    last: models.Link | Unset = UNSET
    """ A link to a related resource, as a path relative to the API host. """
    next_: models.Link | Unset = UNSET
    """ A link to a related resource, as a path relative to the API host. """
    prev: models.Link | Unset = UNSET
    """ A link to a related resource, as a path relative to the API host. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
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
        field_dict.update(
            {
                "self": self_,
            }
        )
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
        d = dict(src_dict)
        self_ = Link.from_dict(d.pop("self"))

        _first = d.pop("first", UNSET)
        first: Link | Unset
        if isinstance(_first, Unset):
            first = UNSET
        else:
            first = Link.from_dict(_first)

        _last = d.pop("last", UNSET)
        last: Link | Unset
        if isinstance(_last, Unset):
            last = UNSET
        else:
            last = Link.from_dict(_last)

        _next_ = d.pop("next", UNSET)
        next_: Link | Unset
        if isinstance(_next_, Unset):
            next_ = UNSET
        else:
            next_ = Link.from_dict(_next_)

        _prev = d.pop("prev", UNSET)
        prev: Link | Unset
        if isinstance(_prev, Unset):
            prev = UNSET
        else:
            prev = Link.from_dict(_prev)

        call_list_links = cls(
            self_=self_,
            first=first,
            last=last,
            next_=next_,
            prev=prev,
        )

        call_list_links.additional_properties = d
        return call_list_links

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
from ..models.link import Link  # noqa: E402
