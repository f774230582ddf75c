from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ErrorEvent")


@_attrs_define
class ErrorEvent:
    """Webhook payload (not an operation): Vonage could not run the call's NCCO."""

    reason: str
    """ What went wrong. """
    conversation_uuid: str
    """ The unique identifier for the conversation this call leg is part of. """
    timestamp: datetime.datetime
    """ When Vonage sent the event, in UTC (RFC 3339, with milliseconds). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        reason = self.reason

        conversation_uuid = self.conversation_uuid

        timestamp = self.timestamp.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "reason": reason,
                "conversation_uuid": conversation_uuid,
                "timestamp": timestamp,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reason = d.pop("reason")

        conversation_uuid = d.pop("conversation_uuid")

        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))

        error_event = cls(
            reason=reason,
            conversation_uuid=conversation_uuid,
            timestamp=timestamp,
        )

        error_event.additional_properties = d
        return error_event

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
