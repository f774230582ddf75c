from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import models
from ..models.talk_action_action import TALK_ACTION_ACTION_VALUES
from ..types import (
    UNSET,
    Unset,
    check_value,
    compile_checks,
    json_form,
    refuse_field,
)

# For the error only: which rule a value that failed __attrs_post_init__'s test breaks.
_CHECKS = compile_checks(
    (
        ("text", "text", {"type": "string", "minLength": 1}),
        ("barge_in", "bargeIn", {"type": "boolean"}),
        ("loop", "loop", {"type": "integer", "minimum": 0}),
        ("level", "level", {"type": "number", "minimum": -1, "maximum": 1}),
        ("language", "language", {"type": "string"}),
        ("style", "style", {"type": "integer", "minimum": 0}),
        ("premium", "premium", {"type": "boolean"}),
        ("voice_name", "voiceName", {"type": "string"}),
    )
)


def _refuse(model: Any) -> None:
    check_value(model, "action", model.action, TALK_ACTION_ACTION_VALUES)
    for entry in _CHECKS:
        refuse_field(model, entry)


T = TypeVar("T", bound="TalkAction")


@_attrs_define
class TalkAction:
    """Speak text to the call with text-to-speech. Synchronous unless `bargeIn` is true."""

    text: str
    """ The text to speak, up to 1,500 characters not counting SSML tags; SSML must be wrapped in `<speak>`. """
    action: models.TalkActionAction = "talk"
    barge_in: bool | Unset = False
    """ Let the callee interrupt the speech by pressing a key or speaking; the next non-talk action must then be an
    `input`. """
    loop: int | Unset = 1
    """ How many times to speak the text; `0` repeats it until the call ends. """
    level: float | Unset = 0.0
    """ Volume, from -1 (quietest) to 1 (loudest). """
    language: str | Unset = "en-US"
    """ Language of the text, as a BCP-47 code from the Text-To-Speech guide. """
    style: int | Unset = 0
    """ Vocal style (vocal range, tessitura and timbre) of the language. """
    premium: bool | Unset = False
    """ Use the premium version of the style when there is one. """
    voice_name: str | Unset = UNSET
    """ Deprecated: the voice of old NCCOs (e.g. `Amy`); use `language` and `style` instead. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __attrs_post_init__(self) -> None:
        m: Any = self
        if not (
            ((v := m.action) is not UNSET and (v.__class__ is str and v in TALK_ACTION_ACTION_VALUES))
            and ((v := m.text) is not UNSET and (v.__class__ is str and 1 <= len(v)))
            and ((v := m.barge_in) is UNSET or (v.__class__ is bool))
            and ((v := m.loop) is UNSET or (v.__class__ is int and 0 <= v))
            and ((v := m.level) is UNSET or ((v.__class__ is float or v.__class__ is int) and -1 <= v <= 1))
            and ((v := m.language) is UNSET or (v.__class__ is str))
            and ((v := m.style) is UNSET or (v.__class__ is int and 0 <= v))
            and ((v := m.premium) is UNSET or (v.__class__ is bool))
            and ((v := m.voice_name) is UNSET or (v.__class__ is str))
        ):
            _refuse(self)

    def to_dict(self) -> dict[str, Any]:
        action: str = self.action

        text = self.text

        barge_in = self.barge_in

        loop = self.loop

        level = self.level

        language = self.language

        style = self.style

        premium = self.premium

        voice_name = self.voice_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "action": action,
                "text": text,
            }
        )
        if barge_in is not UNSET:
            field_dict["bargeIn"] = barge_in
        if loop is not UNSET:
            field_dict["loop"] = loop
        if level is not UNSET:
            field_dict["level"] = level
        if language is not UNSET:
            field_dict["language"] = language
        if style is not UNSET:
            field_dict["style"] = style
        if premium is not UNSET:
            field_dict["premium"] = premium
        if voice_name is not UNSET:
            field_dict["voiceName"] = voice_name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        action = d.pop("action")

        text = d.pop("text")

        barge_in = json_form(d.pop("bargeIn", UNSET), "boolean")

        loop = json_form(d.pop("loop", UNSET), "integer")

        level = json_form(d.pop("level", UNSET), "number")

        language = d.pop("language", UNSET)

        style = json_form(d.pop("style", UNSET), "integer")

        premium = json_form(d.pop("premium", UNSET), "boolean")

        voice_name = d.pop("voiceName", UNSET)

        talk_action = cls(
            action=action,
            text=text,
            barge_in=barge_in,
            loop=loop,
            level=level,
            language=language,
            style=style,
            premium=premium,
            voice_name=voice_name,
        )

        talk_action.additional_properties = d
        return talk_action

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
