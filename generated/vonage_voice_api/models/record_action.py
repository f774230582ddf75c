from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import models
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.transcription import Transcription


from ..models.http_method import HTTP_METHOD_VALUES
from ..models.record_action_action import RECORD_ACTION_ACTION_VALUES
from ..models.record_action_end_on_key import RECORD_ACTION_END_ON_KEY_VALUES
from ..models.record_action_format import RECORD_ACTION_FORMAT_VALUES
from ..models.record_action_split import RECORD_ACTION_SPLIT_VALUES
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
        ("channels", "channels", {"type": "integer", "minimum": 1, "maximum": 32}),
        ("end_on_silence", "endOnSilence", {"type": "integer", "minimum": 3, "maximum": 10}),
        ("time_out", "timeOut", {"type": "integer", "minimum": 3, "maximum": 7200}),
        ("beep_start", "beepStart", {"type": "boolean"}),
        ("event_url", "eventUrl", {"type": "array", "minItems": 1, "items": {"type": "string", "format": "uri"}}),
    )
)

_SHAPES = compile_shapes(
    [
        {
            "not": {
                "description": "`channels` needs `split: conversation`.",
                "required": ["channels"],
                "not": {"required": ["split"]},
            }
        }
    ],
    {
        "action": "action",
        "format": "format_",
        "split": "split",
        "channels": "channels",
        "endOnSilence": "end_on_silence",
        "endOnKey": "end_on_key",
        "timeOut": "time_out",
        "beepStart": "beep_start",
        "eventUrl": "event_url",
        "eventMethod": "event_method",
        "transcription": "transcription",
    },
)


def _refuse(model: Any) -> None:
    check_value(model, "action", model.action, RECORD_ACTION_ACTION_VALUES)
    check_value(model, "format", model.format_, RECORD_ACTION_FORMAT_VALUES)
    check_value(model, "split", model.split, RECORD_ACTION_SPLIT_VALUES)
    check_value(model, "endOnKey", model.end_on_key, RECORD_ACTION_END_ON_KEY_VALUES)
    check_value(model, "eventMethod", model.event_method, HTTP_METHOD_VALUES)
    for entry in _CHECKS:
        refuse_field(model, entry)
    for shape in _SHAPES:
        refuse_shape(model, shape)


T = TypeVar("T", bound="RecordAction")


@_attrs_define
class RecordAction:
    """Record the call, or the conversation it is in. Runs in the background: with none of `endOnSilence`, `timeOut` and
    `endOnKey` the recording lasts until the call ends and the NCCO goes on at once. The recording's URL is sent to
    `eventUrl` in a record event.

    """

    action: models.RecordActionAction = "record"
    format_: models.RecordActionFormat | Unset = "mp3"
    """ Audio format of the recording; `mp3` unless given, and `wav` when recording more than 2 channels. """
    split: models.RecordActionSplit | Unset = UNSET
    """ `conversation` records the sent and received audio in separate channels. """
    channels: int | Unset = UNSET
    """ How many channels to record (needs `split: conversation`); participants beyond the last channel are added to
    it. """
    end_on_silence: int | Unset = UNSET
    """ Stop recording after this many seconds of silence. """
    end_on_key: models.RecordActionEndOnKey | Unset = UNSET
    """ Stop recording when the callee presses this key. """
    time_out: int | Unset = UNSET
    """ Longest recording, in seconds. """
    beep_start: bool | Unset = UNSET
    """ Play a beep when the recording starts. """
    event_url: list[str] | Unset = UNSET
    """ Where the record event is sent; an array, even for one URL. """
    event_method: models.HttpMethod | Unset = "POST"
    """ HTTP method Vonage uses for a webhook. """
    transcription: models.Transcription | Unset = UNSET
    """ Transcription of a recording (beta, charged; at most 2 hours are transcribed). `{}` asks for the defaults.
    """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __attrs_post_init__(self) -> None:
        m: Any = self
        if not (
            ((v := m.action) is not UNSET and (v.__class__ is str and v in RECORD_ACTION_ACTION_VALUES))
            and ((v := m.format_) is UNSET or (v.__class__ is str and v in RECORD_ACTION_FORMAT_VALUES))
            and ((v := m.split) is UNSET or (v.__class__ is str and v in RECORD_ACTION_SPLIT_VALUES))
            and ((v := m.end_on_key) is UNSET or (v.__class__ is str and v in RECORD_ACTION_END_ON_KEY_VALUES))
            and ((v := m.event_method) is UNSET or (v.__class__ is str and v in HTTP_METHOD_VALUES))
            and ((v := m.channels) is UNSET or (v.__class__ is int and 1 <= v <= 32))
            and ((v := m.end_on_silence) is UNSET or (v.__class__ is int and 3 <= v <= 10))
            and ((v := m.time_out) is UNSET or (v.__class__ is int and 3 <= v <= 7200))
            and ((v := m.beep_start) is UNSET or (v.__class__ is bool))
            and ((v := m.event_url) is UNSET or (v.__class__ is list and 1 <= len(v) and strings(v, uri_ok)))
            and (not (m.channels is not UNSET and not (m.split is not UNSET)))
        ):
            _refuse(self)

    def to_dict(self) -> dict[str, Any]:
        action: str = self.action

        format_: str | Unset = UNSET
        if not isinstance(self.format_, Unset):
            format_ = self.format_

        split: str | Unset = UNSET
        if not isinstance(self.split, Unset):
            split = self.split

        channels = self.channels

        end_on_silence = self.end_on_silence

        end_on_key: str | Unset = UNSET
        if not isinstance(self.end_on_key, Unset):
            end_on_key = self.end_on_key

        time_out = self.time_out

        beep_start = self.beep_start

        event_url: list[str] | Unset = UNSET
        if not isinstance(self.event_url, Unset):
            event_url = self.event_url

        event_method: str | Unset = UNSET
        if not isinstance(self.event_method, Unset):
            event_method = self.event_method

        transcription: dict[str, Any] | Unset = UNSET
        if not isinstance(self.transcription, Unset):
            transcription = self.transcription.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "action": action,
            }
        )
        if format_ is not UNSET:
            field_dict["format"] = format_
        if split is not UNSET:
            field_dict["split"] = split
        if channels is not UNSET:
            field_dict["channels"] = channels
        if end_on_silence is not UNSET:
            field_dict["endOnSilence"] = end_on_silence
        if end_on_key is not UNSET:
            field_dict["endOnKey"] = end_on_key
        if time_out is not UNSET:
            field_dict["timeOut"] = time_out
        if beep_start is not UNSET:
            field_dict["beepStart"] = beep_start
        if event_url is not UNSET:
            field_dict["eventUrl"] = event_url
        if event_method is not UNSET:
            field_dict["eventMethod"] = event_method
        if transcription is not UNSET:
            field_dict["transcription"] = transcription

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        action = d.pop("action")

        format_ = d.pop("format", UNSET)

        split = d.pop("split", UNSET)

        channels = json_form(d.pop("channels", UNSET), "integer")

        end_on_silence = json_form(d.pop("endOnSilence", UNSET), "integer")

        end_on_key = d.pop("endOnKey", UNSET)

        time_out = json_form(d.pop("timeOut", UNSET), "integer")

        beep_start = json_form(d.pop("beepStart", UNSET), "boolean")

        event_url = cast(list[str], d.pop("eventUrl", UNSET))

        event_method = d.pop("eventMethod", UNSET)

        _transcription = d.pop("transcription", UNSET)
        transcription: Transcription | Unset
        if isinstance(_transcription, Unset):
            transcription = UNSET
        else:
            transcription = Transcription.from_dict(_transcription)

        record_action = cls(
            action=action,
            format_=format_,
            split=split,
            channels=channels,
            end_on_silence=end_on_silence,
            end_on_key=end_on_key,
            time_out=time_out,
            beep_start=beep_start,
            event_url=event_url,
            event_method=event_method,
            transcription=transcription,
        )

        record_action.additional_properties = d
        return record_action

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
