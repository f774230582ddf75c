from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    UNSET,
    Unset,
    compile_checks,
    json_form,
    match_uri,
    refuse_field,
)

_P0 = re.compile("^-?(0(\\.[0-9]+)?|\\.[0-9]+|1(\\.0+)?)$").search

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
        value: Any = self.stream_url
        if not (
            value.__class__ is list
            and len(value) >= 1
            and len(value) <= 1
            and all(item.__class__ is str and match_uri(item) is not None for item in value)
        ):
            refuse_field(self, _CHECKS[0])
        value = self.loop
        if value is not UNSET and not (value.__class__ is int):
            refuse_field(self, _CHECKS[1])
        value = self.level
        if value is not UNSET and not (
            ((value.__class__ is float or value.__class__ is int) and value >= -1 and value <= 1)
            or (value.__class__ is str and _P0(value) is not None)
        ):
            refuse_field(self, _CHECKS[2])

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
