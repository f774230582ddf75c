from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TranscriptWord")


@_attrs_define
class TranscriptWord:
    """One recognised word, its times and how confident the recogniser is."""

    word: str
    start_time: int | Unset = UNSET
    """ When the word starts, from the start of the recording. """
    end_time: int | Unset = UNSET
    """ When the word ends. """
    confidence: float | Unset = UNSET
    """ From 0.0 to 1.0. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        word = self.word

        start_time = self.start_time

        end_time = self.end_time

        confidence = self.confidence

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "word": word,
            }
        )
        if start_time is not UNSET:
            field_dict["start_time"] = start_time
        if end_time is not UNSET:
            field_dict["end_time"] = end_time
        if confidence is not UNSET:
            field_dict["confidence"] = confidence

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        word = d.pop("word")

        start_time = d.pop("start_time", UNSET)

        end_time = d.pop("end_time", UNSET)

        confidence = d.pop("confidence", UNSET)

        transcript_word = cls(
            word=word,
            start_time=start_time,
            end_time=end_time,
            confidence=confidence,
        )

        transcript_word.additional_properties = d
        return transcript_word

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
