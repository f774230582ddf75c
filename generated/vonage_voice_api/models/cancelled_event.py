from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import models
from ..models.cancelled_event_status import check_cancelled_event_status
from ..types import UNSET, Unset, read_str

T = TypeVar("T", bound="CancelledEvent")


@_attrs_define
class CancelledEvent:
    """Webhook payload (not an operation): the outgoing call was cancelled before it was answered."""

    uuid: UUID
    """ The unique identifier for this call leg. The UUID is created when your call request is accepted by Vonage.
    You use the UUID in all requests for individual live calls """
    conversation_uuid: str
    """ The unique identifier for the conversation this call leg is part of. """
    from_: str
    """ The number (no `+`) or address the call is from. """
    to: str
    """ The number (no `+`) or address the call is to. """
    direction: models.Direction | str
    """ Possible values are `outbound` or `inbound` """
    timestamp: datetime.datetime
    """ When Vonage sent the event, in UTC (RFC 3339, with milliseconds). """
    status: models.CancelledEventStatus = "cancelled"
    sip_code: int | Unset = UNSET
    """ The SIP response code that ended the attempt (for example 486 for busy), when there is one. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status: str = self.status

        uuid = str(self.uuid)

        conversation_uuid = self.conversation_uuid

        from_ = self.from_

        to = self.to

        direction: str = self.direction

        timestamp = self.timestamp.isoformat()

        sip_code = self.sip_code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
                "uuid": uuid,
                "conversation_uuid": conversation_uuid,
                "from": from_,
                "to": to,
                "direction": direction,
                "timestamp": timestamp,
            }
        )
        if sip_code is not UNSET:
            field_dict["sip_code"] = sip_code

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = check_cancelled_event_status(d.pop("status"))

        uuid = UUID(d.pop("uuid"))

        conversation_uuid = d.pop("conversation_uuid")

        from_ = d.pop("from")

        to = d.pop("to")

        direction = read_str(d.pop("direction"), "direction")

        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))

        sip_code = d.pop("sip_code", UNSET)

        cancelled_event = cls(
            status=status,
            uuid=uuid,
            conversation_uuid=conversation_uuid,
            from_=from_,
            to=to,
            direction=direction,
            timestamp=timestamp,
            sip_code=sip_code,
        )

        cancelled_event.additional_properties = d
        return cancelled_event

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
