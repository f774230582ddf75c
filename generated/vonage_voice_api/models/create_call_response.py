from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import models
from ..types import read_str

T = TypeVar("T", bound="CreateCallResponse")


@_attrs_define
class CreateCallResponse:
    uuid: UUID
    """ The unique identifier for this call leg. The UUID is created when your call request is accepted by Vonage.
    You use the UUID in all requests for individual live calls """
    status: models.CallStatus | str
    """ Status of the call leg. `started`, `ringing` and `answered` while it is set up; `machine` or `human` after
    machine detection; `completed`, `busy`, `cancelled`, `failed`, `rejected`, `timeout` or `unanswered` when it
    ended; `disconnected`, `transfer` and `input` are reported by events. """
    direction: models.Direction | str
    """ Possible values are `outbound` or `inbound` """
    conversation_uuid: str
    """ The unique identifier for the conversation this call leg is part of. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        uuid = str(self.uuid)

        status: str = self.status

        direction: str = self.direction

        conversation_uuid = self.conversation_uuid

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "uuid": uuid,
                "status": status,
                "direction": direction,
                "conversation_uuid": conversation_uuid,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        uuid = UUID(d.pop("uuid"))

        status = read_str(d.pop("status"), "status")

        direction = read_str(d.pop("direction"), "direction")

        conversation_uuid = d.pop("conversation_uuid")

        create_call_response = cls(
            uuid=uuid,
            status=status,
            direction=direction,
            conversation_uuid=conversation_uuid,
        )

        create_call_response.additional_properties = d
        return create_call_response

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
