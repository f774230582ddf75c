from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import models
from ..models.start_talk_request_language import (
    START_TALK_REQUEST_LANGUAGE_VALUES,
)
from ..models.start_talk_request_voice_name import (
    START_TALK_REQUEST_VOICE_NAME_VALUES,
)
from ..types import (
    UNSET,
    Unset,
    check_value,
    compile_checks,
    compile_match,
    json_form,
    refuse_field,
)

_P0 = compile_match("^-?(0(\\.[0-9]+)?|\\.[0-9]+|1(\\.0+)?)$")

# For the error only: which rule a value that failed __attrs_post_init__'s test breaks.
_CHECKS = compile_checks(
    (
        ("text", "text", {"type": "string"}),
        ("style", "style", {"type": "integer"}),
        ("premium", "premium", {"type": "boolean"}),
        ("loop", "loop", {"type": "integer"}),
        (
            "level",
            "level",
            {
                "anyOf": [
                    {"type": "number", "minimum": -1, "maximum": 1},
                    {"type": "string", "pattern": "^-?(0(\\.[0-9]+)?|\\.[0-9]+|1(\\.0+)?)$"},
                ]
            },
        ),
    )
)


def _refuse(model: Any) -> None:
    check_value(model, "language", model.language, START_TALK_REQUEST_LANGUAGE_VALUES)
    check_value(model, "voice_name", model.voice_name, START_TALK_REQUEST_VOICE_NAME_VALUES)
    for entry in _CHECKS:
        refuse_field(model, entry)


T = TypeVar("T", bound="StartTalkRequest")


@_attrs_define
class StartTalkRequest:
    text: str
    """ The text to read """
    language: models.StartTalkRequestLanguage | Unset = "en-US"
    """ The language to use """
    style: int | Unset = 0
    """ The vocal style (vocal range, tessitura, and timbre) to use """
    premium: bool | Unset = False
    """ Set to `true` to use the premium version of the specified style if available, otherwise the standard version
    will be used. You can find more information about Premium Voices in the [Text-To-Speech
    guide](https://developer.vonage.com/en/voice/voice-api/guides/text-to-speech#premium-voices). """
    voice_name: models.StartTalkRequestVoiceName | Unset = "Kimberly"
    """ Deprecated: use `language` and `style` instead. The voice, and so the language, to speak with. """
    loop: int | Unset = 1
    """ How many times to speak the text; `0` repeats it until the call ends. """
    level: float | str | Unset = 0.0
    """ Volume of the speech, from -1 (quietest) to 1 (loudest) in steps of 0.1; 0 unless given. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __attrs_post_init__(self) -> None:
        m: Any = self
        if not (
            ((v := m.language) is UNSET or (v.__class__ is str and v in START_TALK_REQUEST_LANGUAGE_VALUES))
            and ((v := m.voice_name) is UNSET or (v.__class__ is str and v in START_TALK_REQUEST_VOICE_NAME_VALUES))
            and ((v := m.text) is not UNSET and (v.__class__ is str))
            and ((v := m.style) is UNSET or (v.__class__ is int))
            and ((v := m.premium) is UNSET or (v.__class__ is bool))
            and ((v := m.loop) is UNSET or (v.__class__ is int))
            and (
                (v := m.level) is UNSET
                or (((v.__class__ is float or v.__class__ is int) and -1 <= v <= 1) or (v.__class__ is str and _P0(v)))
            )
        ):
            _refuse(self)

    def to_dict(self) -> dict[str, Any]:
        text = self.text

        language: str | Unset = UNSET
        if not isinstance(self.language, Unset):
            language = self.language

        style = self.style

        premium = self.premium

        voice_name: str | Unset = UNSET
        if not isinstance(self.voice_name, Unset):
            voice_name = self.voice_name

        loop = self.loop

        level: float | str | Unset
        if isinstance(self.level, Unset):
            level = UNSET
        else:
            level = self.level

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "text": text,
            }
        )
        if language is not UNSET:
            field_dict["language"] = language
        if style is not UNSET:
            field_dict["style"] = style
        if premium is not UNSET:
            field_dict["premium"] = premium
        if voice_name is not UNSET:
            field_dict["voice_name"] = voice_name
        if loop is not UNSET:
            field_dict["loop"] = loop
        if level is not UNSET:
            field_dict["level"] = level

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        text = d.pop("text")

        language = d.pop("language", UNSET)

        style = json_form(d.pop("style", UNSET), "integer")

        premium = json_form(d.pop("premium", UNSET), "boolean")

        voice_name = d.pop("voice_name", UNSET)

        loop = json_form(d.pop("loop", UNSET), "integer")

        def _parse_level(data: object) -> float | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(float | str | Unset, data)

        level = _parse_level(d.pop("level", UNSET))

        start_talk_request = cls(
            text=text,
            language=language,
            style=style,
            premium=premium,
            voice_name=voice_name,
            loop=loop,
            level=level,
        )

        start_talk_request.additional_properties = d
        return start_talk_request

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
