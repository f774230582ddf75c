from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import models
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.transcript_channel import TranscriptChannel


T = TypeVar("T", bound="Transcript")


@_attrs_define
class Transcript:
    """A transcript file (`transcription_url`): what was said, channel by channel."""

    channels: list[models.TranscriptChannel]
    """ One entry per recorded channel (two for a `split` recording). """
    ver: str | Unset = UNSET
    """ Version of the transcript format. """
    request_id: str | Unset = UNSET
    """ Identifier of the transcription request. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        channels = []
        for channels_item_data in self.channels:
            channels_item = channels_item_data.to_dict()
            channels.append(channels_item)

        ver = self.ver

        request_id = self.request_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "channels": channels,
            }
        )
        if ver is not UNSET:
            field_dict["ver"] = ver
        if request_id is not UNSET:
            field_dict["request_id"] = request_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        channels = []
        _channels = d.pop("channels")
        for channels_item_data in _channels:
            channels_item = TranscriptChannel.from_dict(channels_item_data)

            channels.append(channels_item)

        ver = d.pop("ver", UNSET)

        request_id = d.pop("request_id", UNSET)

        transcript = cls(
            channels=channels,
            ver=ver,
            request_id=request_id,
        )

        transcript.additional_properties = d
        return transcript

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
from ..models.transcript_channel import TranscriptChannel  # noqa: E402
