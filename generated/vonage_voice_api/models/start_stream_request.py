from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    UNSET,
    Unset,
    compile_checks,
    compile_match,
    json_form,
    refuse_field,
    strings,
    uri_ok,
)

_P0 = compile_match("^-?(0(\\.[0-9]+)?|\\.[0-9]+|1(\\.0+)?)$")

# For the error only: which rule a value that failed __attrs_post_init__'s test breaks.
_CHECKS = compile_checks(
    (
        (
            "stream_url",
            "stream_url",
            {"type": "array", "items": {"type": "string", "format": "uri"}, "minItems": 1, "maxItems": 1},
        ),
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
    for entry in _CHECKS:
        refuse_field(model, entry)


T = TypeVar("T", bound="StartStreamRequest")


@_attrs_define
class StartStreamRequest:
    stream_url: list[str]
    """ The audio file to play (mp3 or 16-bit wav); one URL, in an array. """
    loop: int | Unset = 1
    """ the number of times to play the file, 0 for infinite """
    level: float | str | Unset = 0.0
    """ Volume of the audio, from -1 (quietest) to 1 (loudest) in steps of 0.1; 0 unless given. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __attrs_post_init__(self) -> None:
        m: Any = self
        if not (
            ((v := m.stream_url) is not UNSET and (v.__class__ is list and 1 <= len(v) <= 1 and strings(v, uri_ok)))
            and ((v := m.loop) is UNSET or (v.__class__ is int))
            and (
                (v := m.level) is UNSET
                or (((v.__class__ is float or v.__class__ is int) and -1 <= v <= 1) or (v.__class__ is str and _P0(v)))
            )
        ):
            _refuse(self)

    def to_dict(self) -> dict[str, Any]:
        stream_url = self.stream_url

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
                "stream_url": stream_url,
            }
        )
        if loop is not UNSET:
            field_dict["loop"] = loop
        if level is not UNSET:
            field_dict["level"] = level

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        stream_url = cast(list[str], d.pop("stream_url"))

        loop = json_form(d.pop("loop", UNSET), "integer")

        def _parse_level(data: object) -> float | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(float | str | Unset, data)

        level = _parse_level(d.pop("level", UNSET))

        start_stream_request = cls(
            stream_url=stream_url,
            loop=loop,
            level=level,
        )

        start_stream_request.additional_properties = d
        return start_stream_request

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
