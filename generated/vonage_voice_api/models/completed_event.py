from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import models
from ..models.completed_event_status import check_completed_event_status
from ..types import UNSET, Unset, read_optional_str, read_str

T = TypeVar("T", bound="CompletedEvent")


@_attrs_define
class CompletedEvent:
    """Webhook payload (not an operation): the call ended; carries its duration and price."""

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
    status: models.CompletedEventStatus = "completed"
    start_time: datetime.datetime | Unset = UNSET
    """ When the call started, in UTC, as an RFC 3339 date-time with milliseconds. Present once answered. """
    end_time: datetime.datetime | Unset = UNSET
    """ When the call ended, in UTC, as an RFC 3339 date-time with milliseconds. Present once completed. """
    duration: int | str | Unset = UNSET
    """ How long the call lasted, in seconds. """
    rate: float | str | Unset = UNSET
    """ Price per minute, in EUR. """
    price: float | str | Unset = UNSET
    """ Total price of the call, in EUR. """
    network: str | Unset = UNSET
    """ Kind of network of the destination, such as `GB-FIXED`. """
    disconnected_by: models.CompletedEventDisconnectedBy | str | Unset = UNSET
    """ Which side ended the call. """
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

        start_time: str | Unset = UNSET
        if not isinstance(self.start_time, Unset):
            start_time = self.start_time.isoformat()

        end_time: str | Unset = UNSET
        if not isinstance(self.end_time, Unset):
            end_time = self.end_time.isoformat()

        duration: int | str | Unset
        if isinstance(self.duration, Unset):
            duration = UNSET
        else:
            duration = self.duration

        rate: float | str | Unset
        if isinstance(self.rate, Unset):
            rate = UNSET
        else:
            rate = self.rate

        price: float | str | Unset
        if isinstance(self.price, Unset):
            price = UNSET
        else:
            price = self.price

        network = self.network

        disconnected_by: str | Unset = UNSET
        if not isinstance(self.disconnected_by, Unset):
            disconnected_by = self.disconnected_by

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
        if start_time is not UNSET:
            field_dict["start_time"] = start_time
        if end_time is not UNSET:
            field_dict["end_time"] = end_time
        if duration is not UNSET:
            field_dict["duration"] = duration
        if rate is not UNSET:
            field_dict["rate"] = rate
        if price is not UNSET:
            field_dict["price"] = price
        if network is not UNSET:
            field_dict["network"] = network
        if disconnected_by is not UNSET:
            field_dict["disconnected_by"] = disconnected_by
        if sip_code is not UNSET:
            field_dict["sip_code"] = sip_code

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = check_completed_event_status(d.pop("status"))

        uuid = UUID(d.pop("uuid"))

        conversation_uuid = d.pop("conversation_uuid")

        from_ = d.pop("from")

        to = d.pop("to")

        direction = read_str(d.pop("direction"), "direction")

        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))

        _start_time = d.pop("start_time", UNSET)
        start_time: datetime.datetime | Unset
        if isinstance(_start_time, Unset):
            start_time = UNSET
        else:
            start_time = datetime.datetime.fromisoformat(_start_time)

        _end_time = d.pop("end_time", UNSET)
        end_time: datetime.datetime | Unset
        if isinstance(_end_time, Unset):
            end_time = UNSET
        else:
            end_time = datetime.datetime.fromisoformat(_end_time)

        def _parse_duration(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        duration = _parse_duration(d.pop("duration", UNSET))

        def _parse_rate(data: object) -> float | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(float | str | Unset, data)

        rate = _parse_rate(d.pop("rate", UNSET))

        def _parse_price(data: object) -> float | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(float | str | Unset, data)

        price = _parse_price(d.pop("price", UNSET))

        network = d.pop("network", UNSET)

        disconnected_by = read_optional_str(d.pop("disconnected_by", UNSET), "disconnected_by")

        sip_code = d.pop("sip_code", UNSET)

        completed_event = cls(
            status=status,
            uuid=uuid,
            conversation_uuid=conversation_uuid,
            from_=from_,
            to=to,
            direction=direction,
            timestamp=timestamp,
            start_time=start_time,
            end_time=end_time,
            duration=duration,
            rate=rate,
            price=price,
            network=network,
            disconnected_by=disconnected_by,
            sip_code=sip_code,
        )

        completed_event.additional_properties = d
        return completed_event

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
