from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import models
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.transcript_word import TranscriptWord


T = TypeVar("T", bound="TranscriptSentence")


@_attrs_define
class TranscriptSentence:
    """One recognised sentence and its words."""

    sentence: str
    """ The sentence, formatted (capitals, punctuation). """
    raw_sentence: str | Unset = UNSET
    """ The sentence as recognised. """
    duration: int | Unset = UNSET
    """ How long the sentence lasts. """
    timestamp: int | Unset = UNSET
    """ When the sentence starts, from the start of the recording. """
    words: list[models.TranscriptWord] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        sentence = self.sentence

        raw_sentence = self.raw_sentence

        duration = self.duration

        timestamp = self.timestamp

        words: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.words, Unset):
            words = []
            for words_item_data in self.words:
                words_item = words_item_data.to_dict()
                words.append(words_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "sentence": sentence,
            }
        )
        if raw_sentence is not UNSET:
            field_dict["raw_sentence"] = raw_sentence
        if duration is not UNSET:
            field_dict["duration"] = duration
        if timestamp is not UNSET:
            field_dict["timestamp"] = timestamp
        if words is not UNSET:
            field_dict["words"] = words

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        sentence = d.pop("sentence")

        raw_sentence = d.pop("raw_sentence", UNSET)

        duration = d.pop("duration", UNSET)

        timestamp = d.pop("timestamp", UNSET)

        _words = d.pop("words", UNSET)
        words: list[TranscriptWord] | Unset = UNSET
        if _words is not UNSET:
            words = []
            for words_item_data in _words:
                words_item = TranscriptWord.from_dict(words_item_data)

                words.append(words_item)

        transcript_sentence = cls(
            sentence=sentence,
            raw_sentence=raw_sentence,
            duration=duration,
            timestamp=timestamp,
            words=words,
        )

        transcript_sentence.additional_properties = d
        return transcript_sentence

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
from ..models.transcript_word import TranscriptWord  # noqa: E402
