from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import models
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.call_endpoint_app import CallEndpointApp
    from ..models.call_endpoint_phone import CallEndpointPhone
    from ..models.call_endpoint_sip import CallEndpointSip
    from ..models.call_endpoint_vbc_extension import CallEndpointVbcExtension
    from ..models.call_endpoint_websocket import CallEndpointWebsocket
    from ..models.call_from import CallFrom
    from ..models.call_links import CallLinks


from ..types import UnknownVariant, read_str

T = TypeVar("T", bound="Call")


@_attrs_define
class Call:
    uuid: UUID
    """ The unique identifier for this call leg. The UUID is created when your call request is accepted by Vonage.
    You use the UUID in all requests for individual live calls """
    conversation_uuid: str
    """ The unique identifier for the conversation this call leg is part of. """
    status: models.CallStatus | str
    """ Status of the call leg. `started`, `ringing` and `answered` while it is set up; `machine` or `human` after
    machine detection; `completed`, `busy`, `cancelled`, `failed`, `rejected`, `timeout` or `unanswered` when it
    ended; `disconnected`, `transfer` and `input` are reported by events. """
    direction: models.Direction | str
    """ Possible values are `outbound` or `inbound` """
    links: models.CallLinks | Unset = UNSET
    to: (
        models.CallEndpointApp
        | models.CallEndpointPhone
        | models.CallEndpointSip
        | models.CallEndpointVbcExtension
        | models.CallEndpointWebsocket
        | UnknownVariant
        | Unset
    ) = UNSET
    """ The single or mixed collection of endpoint types you connected to """
    from_: models.CallFrom | Unset = UNSET
    """ The endpoint the call came from, as `{type, number}` (for example `{"type": "phone", "number":
    "447700900001"}`). """
    rate: str | Unset = UNSET
    """ The price per minute for this call. This is only sent if `status` is `completed`. """
    price: str | Unset = UNSET
    """ The total price charged for this call. This is only sent if `status` is `completed`. """
    duration: str | Unset = UNSET
    """ The time elapsed for the call to take place in seconds. This is only sent if `status` is `completed`. """
    start_time: datetime.datetime | Unset = UNSET
    """ When the call started, in UTC, as an RFC 3339 date-time with milliseconds. Present once answered. """
    end_time: datetime.datetime | Unset = UNSET
    """ When the call ended, in UTC, as an RFC 3339 date-time with milliseconds. Present once completed. """
    network: str | Unset = UNSET
    """ The Mobile Country Code Mobile Network Code ([MCCMNC](https://en.wikipedia.org/wiki/Mobile_country_code))
    for the carrier network used to make this call. This is only sent if `status` is `completed`. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        uuid = str(self.uuid)

        conversation_uuid = self.conversation_uuid

        status: str = self.status

        direction: str = self.direction

        links: dict[str, Any] | Unset = UNSET
        if not isinstance(self.links, Unset):
            links = self.links.to_dict()

        to: dict[str, Any] | Unset
        if isinstance(self.to, Unset):
            to = UNSET
        elif isinstance(self.to, CallEndpointPhone):
            to = self.to.to_dict()
        elif isinstance(self.to, CallEndpointSip):
            to = self.to.to_dict()
        elif isinstance(self.to, CallEndpointWebsocket):
            to = self.to.to_dict()
        elif isinstance(self.to, CallEndpointVbcExtension):
            to = self.to.to_dict()
        else:
            to = self.to.to_dict()

        from_: dict[str, Any] | Unset = UNSET
        if not isinstance(self.from_, Unset):
            from_ = self.from_.to_dict()

        rate = self.rate

        price = self.price

        duration = self.duration

        start_time: str | Unset = UNSET
        if not isinstance(self.start_time, Unset):
            start_time = self.start_time.isoformat()

        end_time: str | Unset = UNSET
        if not isinstance(self.end_time, Unset):
            end_time = self.end_time.isoformat()

        network = self.network

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "uuid": uuid,
                "conversation_uuid": conversation_uuid,
                "status": status,
                "direction": direction,
            }
        )
        if links is not UNSET:
            field_dict["_links"] = links
        if to is not UNSET:
            field_dict["to"] = to
        if from_ is not UNSET:
            field_dict["from"] = from_
        if rate is not UNSET:
            field_dict["rate"] = rate
        if price is not UNSET:
            field_dict["price"] = price
        if duration is not UNSET:
            field_dict["duration"] = duration
        if start_time is not UNSET:
            field_dict["start_time"] = start_time
        if end_time is not UNSET:
            field_dict["end_time"] = end_time
        if network is not UNSET:
            field_dict["network"] = network

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        uuid = UUID(d.pop("uuid"))

        conversation_uuid = d.pop("conversation_uuid")

        status = read_str(d.pop("status"), "status")

        direction = read_str(d.pop("direction"), "direction")

        _links = d.pop("_links", UNSET)
        links: CallLinks | Unset
        if isinstance(_links, Unset):
            links = UNSET
        else:
            links = CallLinks.from_dict(_links)

        def _parse_to(
            data: object,
        ) -> (
            CallEndpointApp
            | CallEndpointPhone
            | CallEndpointSip
            | CallEndpointVbcExtension
            | CallEndpointWebsocket
            | UnknownVariant
            | Unset
        ):
            if isinstance(data, Unset):
                return data
            if not isinstance(data, dict):
                raise TypeError(f"to: expected a JSON object, got {type(data).__name__}")
            kind = data.get("type")
            if kind == "phone":
                return CallEndpointPhone.from_dict(data)
            if kind == "sip":
                return CallEndpointSip.from_dict(data)
            if kind == "websocket":
                return CallEndpointWebsocket.from_dict(data)
            if kind == "vbc":
                return CallEndpointVbcExtension.from_dict(data)
            if kind == "app":
                return CallEndpointApp.from_dict(data)
            return UnknownVariant.from_dict(data)

        to = _parse_to(d.pop("to", UNSET))

        _from_ = d.pop("from", UNSET)
        from_: CallFrom | Unset
        if isinstance(_from_, Unset):
            from_ = UNSET
        else:
            from_ = CallFrom.from_dict(_from_)

        rate = d.pop("rate", UNSET)

        price = d.pop("price", UNSET)

        duration = d.pop("duration", UNSET)

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

        network = d.pop("network", UNSET)

        call = cls(
            uuid=uuid,
            conversation_uuid=conversation_uuid,
            status=status,
            direction=direction,
            links=links,
            to=to,
            from_=from_,
            rate=rate,
            price=price,
            duration=duration,
            start_time=start_time,
            end_time=end_time,
            network=network,
        )

        call.additional_properties = d
        return call

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
from ..models.call_endpoint_app import CallEndpointApp  # noqa: E402
from ..models.call_endpoint_phone import CallEndpointPhone  # noqa: E402
from ..models.call_endpoint_sip import CallEndpointSip  # noqa: E402
from ..models.call_endpoint_vbc_extension import CallEndpointVbcExtension  # noqa: E402
from ..models.call_endpoint_websocket import CallEndpointWebsocket  # noqa: E402
from ..models.call_from import CallFrom  # noqa: E402
from ..models.call_links import CallLinks  # noqa: E402
