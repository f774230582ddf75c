from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RecordEvent")


@_attrs_define
class RecordEvent:
    """Webhook payload (not an operation): a recording is ready (sent to the record action's `eventUrl`). Downloading
    `recording_url` needs the application JWT.

    """

    recording_url: str
    """ Where to download the recording. """
    recording_uuid: str
    """ Identifier of the recording (not the file id in `recording_url`). """
    conversation_uuid: str
    """ The unique identifier for the conversation this call leg is part of. """
    timestamp: datetime.datetime
    """ When Vonage sent the event, in UTC (RFC 3339, with milliseconds). """
    start_time: datetime.datetime | Unset = UNSET
    """ When the call started, in UTC, as an RFC 3339 date-time with milliseconds. Present once answered. """
    end_time: datetime.datetime | Unset = UNSET
    """ When the call ended, in UTC, as an RFC 3339 date-time with milliseconds. Present once completed. """
    size: int | Unset = UNSET
    """ Size of the recording, in bytes. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        recording_url = self.recording_url

        recording_uuid = self.recording_uuid

        conversation_uuid = self.conversation_uuid

        timestamp = self.timestamp.isoformat()

        start_time: str | Unset = UNSET
        if not isinstance(self.start_time, Unset):
            start_time = self.start_time.isoformat()

        end_time: str | Unset = UNSET
        if not isinstance(self.end_time, Unset):
            end_time = self.end_time.isoformat()

        size = self.size

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "recording_url": recording_url,
                "recording_uuid": recording_uuid,
                "conversation_uuid": conversation_uuid,
                "timestamp": timestamp,
            }
        )
        if start_time is not UNSET:
            field_dict["start_time"] = start_time
        if end_time is not UNSET:
            field_dict["end_time"] = end_time
        if size is not UNSET:
            field_dict["size"] = size

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        recording_url = d.pop("recording_url")

        recording_uuid = d.pop("recording_uuid")

        conversation_uuid = d.pop("conversation_uuid")

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

        size = d.pop("size", UNSET)

        record_event = cls(
            recording_url=recording_url,
            recording_uuid=recording_uuid,
            conversation_uuid=conversation_uuid,
            timestamp=timestamp,
            start_time=start_time,
            end_time=end_time,
            size=size,
        )

        record_event.additional_properties = d
        return record_event

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
