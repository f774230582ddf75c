from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import models
from ..models.http_method import HTTP_METHOD_VALUES
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
        ("language", "language", {"type": "string"}),
        ("event_url", "eventUrl", {"type": "array", "minItems": 1, "items": {"type": "string", "format": "uri"}}),
        ("sentiment_analysis", "sentimentAnalysis", {"type": "boolean"}),
    )
)


def _refuse(model: Any) -> None:
    check_value(model, "eventMethod", model.event_method, HTTP_METHOD_VALUES)
    for entry in _CHECKS:
        refuse_field(model, entry)


T = TypeVar("T", bound="Transcription")


@_attrs_define
class Transcription:
    """Transcription of a recording (beta, charged; at most 2 hours are transcribed). `{}` asks for the defaults."""

    language: str | Unset = UNSET
    """ Language of the recording, as a BCP-47 code of a supported ASR language. """
    event_url: list[str] | Unset = UNSET
    """ Where the transcription result is sent; an array, even for one URL. """
    event_method: models.HttpMethod | Unset = "POST"
    """ HTTP method Vonage uses for a webhook. """
    sentiment_analysis: bool | Unset = False
    """ Add a sentiment score from -1 to 1 to each transcribed segment (developer preview). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __attrs_post_init__(self) -> None:
        m: Any = self
        if not (
            ((v := m.event_method) is UNSET or (v.__class__ is str and v in HTTP_METHOD_VALUES))
            and ((v := m.language) is UNSET or (v.__class__ is str))
            and ((v := m.event_url) is UNSET or (v.__class__ is list and 1 <= len(v) and strings(v, uri_ok)))
            and ((v := m.sentiment_analysis) is UNSET or (v.__class__ is bool))
        ):
            _refuse(self)

    def to_dict(self) -> dict[str, Any]:
        language = self.language

        event_url: list[str] | Unset = UNSET
        if not isinstance(self.event_url, Unset):
            event_url = self.event_url

        event_method: str | Unset = UNSET
        if not isinstance(self.event_method, Unset):
            event_method = self.event_method

        sentiment_analysis = self.sentiment_analysis

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if language is not UNSET:
            field_dict["language"] = language
        if event_url is not UNSET:
            field_dict["eventUrl"] = event_url
        if event_method is not UNSET:
            field_dict["eventMethod"] = event_method
        if sentiment_analysis is not UNSET:
            field_dict["sentimentAnalysis"] = sentiment_analysis

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        language = d.pop("language", UNSET)

        event_url = cast(list[str], d.pop("eventUrl", UNSET))

        event_method = d.pop("eventMethod", UNSET)

        sentiment_analysis = json_form(d.pop("sentimentAnalysis", UNSET), "boolean")

        transcription = cls(
            language=language,
            event_url=event_url,
            event_method=event_method,
            sentiment_analysis=sentiment_analysis,
        )

        transcription.additional_properties = d
        return transcription

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
