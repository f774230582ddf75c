from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import models
from ..models.machine_event_status import check_machine_event_status
from ..types import UNSET, Unset, read_optional_str

T = TypeVar("T", bound="MachineEvent")


@_attrs_define
class MachineEvent:
    """Webhook payload (not an operation): machine detection found a machine (voicemail). Names the leg `call_uuid`, not
    `uuid`. With advanced machine detection, `sub_state` reports the beep.

    """

    call_uuid: UUID
    """ The unique identifier for this call leg. The UUID is created when your call request is accepted by Vonage.
    You use the UUID in all requests for individual live calls """
    conversation_uuid: str
    """ The unique identifier for the conversation this call leg is part of. """
    from_: str
    """ The number (no `+`) or address the call is from. """
    to: str
    """ The number (no `+`) or address the call is to. """
    timestamp: datetime.datetime
    """ When Vonage sent the event, in UTC (RFC 3339, with milliseconds). """
    status: models.MachineEventStatus = "machine"
    sub_state: models.MachineEventSubState | str | Unset = UNSET
    """ `beep_start` when the voicemail beep was heard, `beep_timeout` when none came in time. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status: str = self.status

        call_uuid = str(self.call_uuid)

        conversation_uuid = self.conversation_uuid

        from_ = self.from_

        to = self.to

        timestamp = self.timestamp.isoformat()

        sub_state: str | Unset = UNSET
        if not isinstance(self.sub_state, Unset):
            sub_state = self.sub_state

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
                "call_uuid": call_uuid,
                "conversation_uuid": conversation_uuid,
                "from": from_,
                "to": to,
                "timestamp": timestamp,
            }
        )
        if sub_state is not UNSET:
            field_dict["sub_state"] = sub_state

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = check_machine_event_status(d.pop("status"))

        call_uuid = UUID(d.pop("call_uuid"))

        conversation_uuid = d.pop("conversation_uuid")

        from_ = d.pop("from")

        to = d.pop("to")

        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))

        sub_state = read_optional_str(d.pop("sub_state", UNSET), "sub_state")

        machine_event = cls(
            status=status,
            call_uuid=call_uuid,
            conversation_uuid=conversation_uuid,
            from_=from_,
            to=to,
            timestamp=timestamp,
            sub_state=sub_state,
        )

        machine_event.additional_properties = d
        return machine_event

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
