from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import models
from ..models.answered_event_status import check_answered_event_status
from ..types import UNSET, Unset, read_str

T = TypeVar("T", bound="AnsweredEvent")


@_attrs_define
class AnsweredEvent:
    """Webhook payload (not an operation): the call was answered. `start_time`, `rate` and `network` are present but
    usually null at this point; the completed event carries their values.

    """

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
    status: models.AnsweredEventStatus = "answered"
    start_time: datetime.datetime | None | Unset = UNSET
    """ When the call started, if known yet. """
    rate: None | str | Unset = UNSET
    """ Price per minute, if known yet. """
    network: None | str | Unset = UNSET
    """ Network of the destination, if known yet. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status: str = self.status

        uuid = str(self.uuid)

        conversation_uuid = self.conversation_uuid

        from_ = self.from_

        to = self.to

        direction: str = self.direction

        timestamp = self.timestamp.isoformat()

        start_time: None | str | Unset
        if isinstance(self.start_time, Unset):
            start_time = UNSET
        elif isinstance(self.start_time, datetime.datetime):
            start_time = self.start_time.isoformat()
        else:
            start_time = self.start_time

        rate: None | str | Unset
        if isinstance(self.rate, Unset):
            rate = UNSET
        else:
            rate = self.rate

        network: None | str | Unset
        if isinstance(self.network, Unset):
            network = UNSET
        else:
            network = self.network

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
        if start_time is not UNSET:
            field_dict["start_time"] = start_time
        if rate is not UNSET:
            field_dict["rate"] = rate
        if network is not UNSET:
            field_dict["network"] = network

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = check_answered_event_status(d.pop("status"))

        uuid = UUID(d.pop("uuid"))

        conversation_uuid = d.pop("conversation_uuid")

        from_ = d.pop("from")

        to = d.pop("to")

        direction = read_str(d.pop("direction"), "direction")

        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))

        def _parse_start_time(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                start_time_type_0 = datetime.datetime.fromisoformat(data)

                return start_time_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        start_time = _parse_start_time(d.pop("start_time", UNSET))

        def _parse_rate(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        rate = _parse_rate(d.pop("rate", UNSET))

        def _parse_network(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        network = _parse_network(d.pop("network", UNSET))

        answered_event = cls(
            status=status,
            uuid=uuid,
            conversation_uuid=conversation_uuid,
            from_=from_,
            to=to,
            direction=direction,
            timestamp=timestamp,
            start_time=start_time,
            rate=rate,
            network=network,
        )

        answered_event.additional_properties = d
        return answered_event

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
