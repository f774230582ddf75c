from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import models
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.speech_result import SpeechResult


from ..types import read_optional_str

T = TypeVar("T", bound="InputEventSpeech")


@_attrs_define
class InputEventSpeech:
    """The speech recognition result."""

    timeout_reason: models.InputEventSpeechTimeoutReason | str | Unset = UNSET
    """ Why the speech ended. """
    results: list[models.SpeechResult] | Unset = UNSET
    """ Recognised texts, most confident first. """
    error: str | Unset = UNSET
    """ Why recognition failed, when it did. """
    recording_url: str | Unset = UNSET
    """ URL of the recorded speech, with `saveAudio`; downloading it needs the application JWT. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        timeout_reason: str | Unset = UNSET
        if not isinstance(self.timeout_reason, Unset):
            timeout_reason = self.timeout_reason

        results: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.results, Unset):
            results = []
            for results_item_data in self.results:
                results_item = results_item_data.to_dict()
                results.append(results_item)

        error = self.error

        recording_url = self.recording_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if timeout_reason is not UNSET:
            field_dict["timeout_reason"] = timeout_reason
        if results is not UNSET:
            field_dict["results"] = results
        if error is not UNSET:
            field_dict["error"] = error
        if recording_url is not UNSET:
            field_dict["recording_url"] = recording_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        timeout_reason = read_optional_str(d.pop("timeout_reason", UNSET), "timeout_reason")

        _results = d.pop("results", UNSET)
        results: list[SpeechResult] | Unset = UNSET
        if _results is not UNSET:
            results = []
            for results_item_data in _results:
                results_item = SpeechResult.from_dict(results_item_data)

                results.append(results_item)

        error = d.pop("error", UNSET)

        recording_url = d.pop("recording_url", UNSET)

        input_event_speech = cls(
            timeout_reason=timeout_reason,
            results=results,
            error=error,
            recording_url=recording_url,
        )

        input_event_speech.additional_properties = d
        return input_event_speech

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
from ..models.speech_result import SpeechResult  # noqa: E402
