from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="TransferEvent")


@_attrs_define
class TransferEvent:
    """Webhook payload (not an operation): the leg moved from one conversation to another, by an NCCO or a REST transfer."""

    conversation_uuid_from: str
    """ The unique identifier for the conversation this call leg is part of. """
    conversation_uuid_to: str
    """ The unique identifier for the conversation this call leg is part of. """
    uuid: UUID
    """ The unique identifier for this call leg. The UUID is created when your call request is accepted by Vonage.
    You use the UUID in all requests for individual live calls """
    timestamp: datetime.datetime
    """ When Vonage sent the event, in UTC (RFC 3339, with milliseconds). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        conversation_uuid_from = self.conversation_uuid_from

        conversation_uuid_to = self.conversation_uuid_to

        uuid = str(self.uuid)

        timestamp = self.timestamp.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "conversation_uuid_from": conversation_uuid_from,
                "conversation_uuid_to": conversation_uuid_to,
                "uuid": uuid,
                "timestamp": timestamp,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        conversation_uuid_from = d.pop("conversation_uuid_from")

        conversation_uuid_to = d.pop("conversation_uuid_to")

        uuid = UUID(d.pop("uuid"))

        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))

        transfer_event = cls(
            conversation_uuid_from=conversation_uuid_from,
            conversation_uuid_to=conversation_uuid_to,
            uuid=uuid,
            timestamp=timestamp,
        )

        transfer_event.additional_properties = d
        return transfer_event

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
