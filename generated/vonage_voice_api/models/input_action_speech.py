from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    UNSET,
    Unset,
    compile_checks,
    json_form,
    refuse_field,
    strings,
)

# For the error only: which rule a value that failed __attrs_post_init__'s test breaks.
_CHECKS = compile_checks(
    (
        ("uuid", "uuid", {"type": "array", "minItems": 1, "maxItems": 1, "items": {"type": "string"}}),
        ("end_on_silence", "endOnSilence", {"type": "number", "minimum": 0.4, "maximum": 10}),
        ("language", "language", {"type": "string"}),
        ("context", "context", {"type": "array", "items": {"type": "string"}}),
        ("start_timeout", "startTimeout", {"type": "integer", "minimum": 1, "maximum": 60}),
        ("max_duration", "maxDuration", {"type": "integer", "minimum": 1, "maximum": 60}),
        ("save_audio", "saveAudio", {"type": "boolean"}),
        ("sensitivity", "sensitivity", {"type": "integer", "minimum": 10, "maximum": 100}),
    )
)


def _refuse(model: Any) -> None:
    for entry in _CHECKS:
        refuse_field(model, entry)


T = TypeVar("T", bound="InputActionSpeech")


@_attrs_define
class InputActionSpeech:
    """Speech recognition settings."""

    uuid: list[str] | Unset = UNSET
    """ The leg to listen to, one UUID in an array; the first leg that joined unless given. """
    end_on_silence: float | Unset = 2.0
    """ Seconds of silence that end the speech. """
    language: str | Unset = "en-US"
    """ Language of the speech, as a BCP-47 code. """
    context: list[str] | Unset = UNSET
    """ Words and phrases that help recognition. """
    start_timeout: int | Unset = 10
    """ Seconds to wait for speech to start. """
    max_duration: int | Unset = 60
    """ Longest speech, in seconds. """
    save_audio: bool | Unset = False
    """ Keep the recording of the speech; its URL comes with the input event. """
    sensitivity: int | Unset = 90
    """ Sensitivity of voice activity detection, from 10 (least) to 100 (most sensitive). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __attrs_post_init__(self) -> None:
        m: Any = self
        if not (
            ((v := m.uuid) is UNSET or (v.__class__ is list and 1 <= len(v) <= 1 and strings(v, None)))
            and ((v := m.end_on_silence) is UNSET or ((v.__class__ is float or v.__class__ is int) and 0.4 <= v <= 10))
            and ((v := m.language) is UNSET or (v.__class__ is str))
            and ((v := m.context) is UNSET or (v.__class__ is list and strings(v, None)))
            and ((v := m.start_timeout) is UNSET or (v.__class__ is int and 1 <= v <= 60))
            and ((v := m.max_duration) is UNSET or (v.__class__ is int and 1 <= v <= 60))
            and ((v := m.save_audio) is UNSET or (v.__class__ is bool))
            and ((v := m.sensitivity) is UNSET or (v.__class__ is int and 10 <= v <= 100))
        ):
            _refuse(self)

    def to_dict(self) -> dict[str, Any]:
        uuid: list[str] | Unset = UNSET
        if not isinstance(self.uuid, Unset):
            uuid = self.uuid

        end_on_silence = self.end_on_silence

        language = self.language

        context: list[str] | Unset = UNSET
        if not isinstance(self.context, Unset):
            context = self.context

        start_timeout = self.start_timeout

        max_duration = self.max_duration

        save_audio = self.save_audio

        sensitivity = self.sensitivity

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if uuid is not UNSET:
            field_dict["uuid"] = uuid
        if end_on_silence is not UNSET:
            field_dict["endOnSilence"] = end_on_silence
        if language is not UNSET:
            field_dict["language"] = language
        if context is not UNSET:
            field_dict["context"] = context
        if start_timeout is not UNSET:
            field_dict["startTimeout"] = start_timeout
        if max_duration is not UNSET:
            field_dict["maxDuration"] = max_duration
        if save_audio is not UNSET:
            field_dict["saveAudio"] = save_audio
        if sensitivity is not UNSET:
            field_dict["sensitivity"] = sensitivity

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        uuid = cast(list[str], d.pop("uuid", UNSET))

        end_on_silence = json_form(d.pop("endOnSilence", UNSET), "number")

        language = d.pop("language", UNSET)

        context = cast(list[str], d.pop("context", UNSET))

        start_timeout = json_form(d.pop("startTimeout", UNSET), "integer")

        max_duration = json_form(d.pop("maxDuration", UNSET), "integer")

        save_audio = json_form(d.pop("saveAudio", UNSET), "boolean")

        sensitivity = json_form(d.pop("sensitivity", UNSET), "integer")

        input_action_speech = cls(
            uuid=uuid,
            end_on_silence=end_on_silence,
            language=language,
            context=context,
            start_timeout=start_timeout,
            max_duration=max_duration,
            save_audio=save_audio,
            sensitivity=sensitivity,
        )

        input_action_speech.additional_properties = d
        return input_action_speech

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
