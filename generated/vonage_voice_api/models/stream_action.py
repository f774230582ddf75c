from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import models
from ..models.stream_action_action import STREAM_ACTION_ACTION_VALUES
from ..types import (
    UNSET,
    Unset,
    check_value,
    compile_checks,
    json_form,
    refuse_field,
    strings,
    uri_ok,
)

# For the error only: which rule a value that failed __attrs_post_init__'s test breaks.
_CHECKS = compile_checks(
    (
        (
            "stream_url",
            "streamUrl",
            {"type": "array", "minItems": 1, "maxItems": 1, "items": {"type": "string", "format": "uri"}},
        ),
        ("level", "level", {"type": "number", "minimum": -1, "maximum": 1}),
        ("barge_in", "bargeIn", {"type": "boolean"}),
        ("loop", "loop", {"type": "integer", "minimum": 0}),
    )
)


def _refuse(model: Any) -> None:
    check_value(model, "action", model.action, STREAM_ACTION_ACTION_VALUES)
    for entry in _CHECKS:
        refuse_field(model, entry)


T = TypeVar("T", bound="StreamAction")


@_attrs_define
class StreamAction:
    """Play an audio file (mp3 or 16-bit wav) into the call. Synchronous unless `bargeIn` is true."""

    stream_url: list[str]
    """ The audio file to play; one URL, in an array. `Cache-Control` on it is honoured. """
    action: models.StreamActionAction = "stream"
    level: float | Unset = 0.0
    """ Volume, from -1 (quietest) to 1 (loudest) in steps of 0.1. """
    barge_in: bool | Unset = False
    """ Let the callee interrupt the audio by pressing a key; the next non-stream action must then be an `input`.
    """
    loop: int | Unset = 1
    """ How many times to play the file; `0` repeats it until the call ends. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __attrs_post_init__(self) -> None:
        m: Any = self
        if not (
            ((v := m.action) is not UNSET and (v.__class__ is str and v in STREAM_ACTION_ACTION_VALUES))
            and ((v := m.stream_url) is not UNSET and (v.__class__ is list and 1 <= len(v) <= 1 and strings(v, uri_ok)))
            and ((v := m.level) is UNSET or ((v.__class__ is float or v.__class__ is int) and -1 <= v <= 1))
            and ((v := m.barge_in) is UNSET or (v.__class__ is bool))
            and ((v := m.loop) is UNSET or (v.__class__ is int and 0 <= v))
        ):
            _refuse(self)

    def to_dict(self) -> dict[str, Any]:
        action: str = self.action

        stream_url = self.stream_url

        level = self.level

        barge_in = self.barge_in

        loop = self.loop

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "action": action,
                "streamUrl": stream_url,
            }
        )
        if level is not UNSET:
            field_dict["level"] = level
        if barge_in is not UNSET:
            field_dict["bargeIn"] = barge_in
        if loop is not UNSET:
            field_dict["loop"] = loop

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        action = d.pop("action")

        stream_url = cast(list[str], d.pop("streamUrl"))

        level = json_form(d.pop("level", UNSET), "number")

        barge_in = json_form(d.pop("bargeIn", UNSET), "boolean")

        loop = json_form(d.pop("loop", UNSET), "integer")

        stream_action = cls(
            action=action,
            stream_url=stream_url,
            level=level,
            barge_in=barge_in,
            loop=loop,
        )

        stream_action.additional_properties = d
        return stream_action

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
