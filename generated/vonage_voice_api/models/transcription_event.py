from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TranscriptionEvent")


@_attrs_define
class TranscriptionEvent:
    """Webhook payload (not an operation): a recording's transcript is ready (sent to the record action's
    `transcription.eventUrl`). Downloading `transcription_url` needs the application JWT.

    """

    transcription_url: str
    """ Where to download the transcript (a `Transcript` document). """
    status: str | Unset = UNSET
    """ `transcribed` when the transcript is ready. """
    type_: str | Unset = UNSET
    """ `record`: the transcript is of a recording. """
    recording_uuid: str | Unset = UNSET
    """ The recording transcribed (its record event's `recording_uuid`). """
    conversation_uuid: str | Unset = UNSET
    """ The unique identifier for the conversation this call leg is part of. """
    timestamp: datetime.datetime | Unset = UNSET
    """ When Vonage sent the event, in UTC (RFC 3339, with milliseconds). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        transcription_url = self.transcription_url

        status = self.status

        type_ = self.type_

        recording_uuid = self.recording_uuid

        conversation_uuid = self.conversation_uuid

        timestamp: str | Unset = UNSET
        if not isinstance(self.timestamp, Unset):
            timestamp = self.timestamp.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "transcription_url": transcription_url,
            }
        )
        if status is not UNSET:
            field_dict["status"] = status
        if type_ is not UNSET:
            field_dict["type"] = type_
        if recording_uuid is not UNSET:
            field_dict["recording_uuid"] = recording_uuid
        if conversation_uuid is not UNSET:
            field_dict["conversation_uuid"] = conversation_uuid
        if timestamp is not UNSET:
            field_dict["timestamp"] = timestamp

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        transcription_url = d.pop("transcription_url")

        status = d.pop("status", UNSET)

        type_ = d.pop("type", UNSET)

        recording_uuid = d.pop("recording_uuid", UNSET)

        conversation_uuid = d.pop("conversation_uuid", UNSET)

        _timestamp = d.pop("timestamp", UNSET)
        timestamp: datetime.datetime | Unset
        if isinstance(_timestamp, Unset):
            timestamp = UNSET
        else:
            timestamp = datetime.datetime.fromisoformat(_timestamp)

        transcription_event = cls(
            transcription_url=transcription_url,
            status=status,
            type_=type_,
            recording_uuid=recording_uuid,
            conversation_uuid=conversation_uuid,
            timestamp=timestamp,
        )

        transcription_event.additional_properties = d
        return transcription_event

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
