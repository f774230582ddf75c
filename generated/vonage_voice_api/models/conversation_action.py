from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import models
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.transcription import Transcription


from ..models.conversation_action_action import CONVERSATION_ACTION_ACTION_VALUES
from ..models.http_method import HTTP_METHOD_VALUES
from ..types import (
    check_value,
    compile_checks,
    compile_shapes,
    json_form,
    refuse_field,
    refuse_shape,
    strings,
    uri_ok,
)

# For the error only: which rule a value that failed __attrs_post_init__'s test breaks.
_CHECKS = compile_checks(
    (
        ("name", "name", {"type": "string", "minLength": 1}),
        (
            "music_on_hold_url",
            "musicOnHoldUrl",
            {"type": "array", "minItems": 1, "maxItems": 1, "items": {"type": "string", "format": "uri"}},
        ),
        ("start_on_enter", "startOnEnter", {"type": "boolean"}),
        ("end_on_exit", "endOnExit", {"type": "boolean"}),
        ("record", "record", {"type": "boolean"}),
        ("can_speak", "canSpeak", {"type": "array", "items": {"type": "string"}}),
        ("can_hear", "canHear", {"type": "array", "items": {"type": "string"}}),
        ("mute", "mute", {"type": "boolean"}),
        ("event_url", "eventUrl", {"type": "array", "minItems": 1, "items": {"type": "string", "format": "uri"}}),
    )
)

_SHAPES = compile_shapes(
    [{"not": {"description": "`mute` cannot be combined with `canSpeak`.", "required": ["mute", "canSpeak"]}}],
    {
        "action": "action",
        "name": "name",
        "musicOnHoldUrl": "music_on_hold_url",
        "startOnEnter": "start_on_enter",
        "endOnExit": "end_on_exit",
        "record": "record",
        "canSpeak": "can_speak",
        "canHear": "can_hear",
        "mute": "mute",
        "transcription": "transcription",
        "eventUrl": "event_url",
        "eventMethod": "event_method",
    },
)


def _refuse(model: Any) -> None:
    check_value(model, "action", model.action, CONVERSATION_ACTION_ACTION_VALUES)
    check_value(model, "eventMethod", model.event_method, HTTP_METHOD_VALUES)
    for entry in _CHECKS:
        refuse_field(model, entry)
    for shape in _SHAPES:
        refuse_shape(model, shape)


T = TypeVar("T", bound="ConversationAction")


@_attrs_define
class ConversationAction:
    """Put the call into a named conversation (a conference), created by the first call that names it. Up to 200
    participants.

    """

    name: str
    """ Name of the conversation; names are scoped to the application and region. """
    action: models.ConversationActionAction = "conversation"
    music_on_hold_url: list[str] | Unset = UNSET
    """ An mp3 played to participants until the conversation starts; one URL, in an array. """
    start_on_enter: bool | Unset = True
    """ Start the conversation when this participant joins; `false` for attendees of a moderated conference. """
    end_on_exit: bool | Unset = False
    """ End the conversation when this participant (the moderator) leaves. """
    record: bool | Unset = UNSET
    """ Record the conversation (mp3 unless set otherwise); the recording URL is sent to `eventUrl`. """
    can_speak: list[str] | Unset = UNSET
    """ UUIDs of the legs that can hear this participant; everyone unless given, `[]` for nobody. """
    can_hear: list[str] | Unset = UNSET
    """ UUIDs of the legs this participant can hear; everyone unless given, `[]` for nobody. """
    mute: bool | Unset = UNSET
    """ Mute this participant; not allowed together with `canSpeak`. """
    transcription: models.Transcription | Unset = UNSET
    """ Transcription of a recording (beta, charged; at most 2 hours are transcribed). `{}` asks for the defaults.
    """
    event_url: list[str] | Unset = UNSET
    """ Where conversation events and the recording URL are sent; an array, even for one URL. """
    event_method: models.HttpMethod | Unset = "POST"
    """ HTTP method Vonage uses for a webhook. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __attrs_post_init__(self) -> None:
        m: Any = self
        if not (
            ((v := m.action) is not UNSET and (v.__class__ is str and v in CONVERSATION_ACTION_ACTION_VALUES))
            and ((v := m.event_method) is UNSET or (v.__class__ is str and v in HTTP_METHOD_VALUES))
            and ((v := m.name) is not UNSET and (v.__class__ is str and 1 <= len(v)))
            and (
                (v := m.music_on_hold_url) is UNSET or (v.__class__ is list and 1 <= len(v) <= 1 and strings(v, uri_ok))
            )
            and ((v := m.start_on_enter) is UNSET or (v.__class__ is bool))
            and ((v := m.end_on_exit) is UNSET or (v.__class__ is bool))
            and ((v := m.record) is UNSET or (v.__class__ is bool))
            and ((v := m.can_speak) is UNSET or (v.__class__ is list and strings(v, None)))
            and ((v := m.can_hear) is UNSET or (v.__class__ is list and strings(v, None)))
            and ((v := m.mute) is UNSET or (v.__class__ is bool))
            and ((v := m.event_url) is UNSET or (v.__class__ is list and 1 <= len(v) and strings(v, uri_ok)))
            and (not (m.mute is not UNSET and m.can_speak is not UNSET))
        ):
            _refuse(self)

    def to_dict(self) -> dict[str, Any]:
        action: str = self.action

        name = self.name

        music_on_hold_url: list[str] | Unset = UNSET
        if not isinstance(self.music_on_hold_url, Unset):
            music_on_hold_url = self.music_on_hold_url

        start_on_enter = self.start_on_enter

        end_on_exit = self.end_on_exit

        record = self.record

        can_speak: list[str] | Unset = UNSET
        if not isinstance(self.can_speak, Unset):
            can_speak = self.can_speak

        can_hear: list[str] | Unset = UNSET
        if not isinstance(self.can_hear, Unset):
            can_hear = self.can_hear

        mute = self.mute

        transcription: dict[str, Any] | Unset = UNSET
        if not isinstance(self.transcription, Unset):
            transcription = self.transcription.to_dict()

        event_url: list[str] | Unset = UNSET
        if not isinstance(self.event_url, Unset):
            event_url = self.event_url

        event_method: str | Unset = UNSET
        if not isinstance(self.event_method, Unset):
            event_method = self.event_method

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "action": action,
                "name": name,
            }
        )
        if music_on_hold_url is not UNSET:
            field_dict["musicOnHoldUrl"] = music_on_hold_url
        if start_on_enter is not UNSET:
            field_dict["startOnEnter"] = start_on_enter
        if end_on_exit is not UNSET:
            field_dict["endOnExit"] = end_on_exit
        if record is not UNSET:
            field_dict["record"] = record
        if can_speak is not UNSET:
            field_dict["canSpeak"] = can_speak
        if can_hear is not UNSET:
            field_dict["canHear"] = can_hear
        if mute is not UNSET:
            field_dict["mute"] = mute
        if transcription is not UNSET:
            field_dict["transcription"] = transcription
        if event_url is not UNSET:
            field_dict["eventUrl"] = event_url
        if event_method is not UNSET:
            field_dict["eventMethod"] = event_method

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        action = d.pop("action")

        name = d.pop("name")

        music_on_hold_url = cast(list[str], d.pop("musicOnHoldUrl", UNSET))

        start_on_enter = json_form(d.pop("startOnEnter", UNSET), "boolean")

        end_on_exit = json_form(d.pop("endOnExit", UNSET), "boolean")

        record = json_form(d.pop("record", UNSET), "boolean")

        can_speak = cast(list[str], d.pop("canSpeak", UNSET))

        can_hear = cast(list[str], d.pop("canHear", UNSET))

        mute = json_form(d.pop("mute", UNSET), "boolean")

        _transcription = d.pop("transcription", UNSET)
        transcription: Transcription | Unset
        if isinstance(_transcription, Unset):
            transcription = UNSET
        else:
            transcription = Transcription.from_dict(_transcription)

        event_url = cast(list[str], d.pop("eventUrl", UNSET))

        event_method = d.pop("eventMethod", UNSET)

        conversation_action = cls(
            action=action,
            name=name,
            music_on_hold_url=music_on_hold_url,
            start_on_enter=start_on_enter,
            end_on_exit=end_on_exit,
            record=record,
            can_speak=can_speak,
            can_hear=can_hear,
            mute=mute,
            transcription=transcription,
            event_url=event_url,
            event_method=event_method,
        )

        conversation_action.additional_properties = d
        return conversation_action

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
from ..models.transcription import Transcription  # noqa: E402
