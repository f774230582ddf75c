from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import models
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.input_action_dtmf import InputActionDtmf
    from ..models.input_action_speech import InputActionSpeech


from ..models.http_method import HTTP_METHOD_VALUES
from ..models.input_action_action import INPUT_ACTION_ACTION_VALUES
from ..models.input_action_mode import INPUT_ACTION_MODE_VALUES
from ..models.input_action_type_item import INPUT_ACTION_TYPE_ITEM_VALUES
from ..types import (
    check_value,
    check_values,
    compile_checks,
    members,
    refuse_field,
    repeats,
    strings,
    uri_ok,
)

# For the error only: which rule a value that failed __attrs_post_init__'s test breaks.
_CHECKS = compile_checks(
    (
        ("type_", "type", {"type": "array", "minItems": 1, "maxItems": 2, "uniqueItems": True}),
        ("event_url", "eventUrl", {"type": "array", "minItems": 1, "items": {"type": "string", "format": "uri"}}),
    )
)


def _refuse(model: Any) -> None:
    check_value(model, "action", model.action, INPUT_ACTION_ACTION_VALUES)
    check_values(model, "type", model.type_, INPUT_ACTION_TYPE_ITEM_VALUES)
    check_value(model, "mode", model.mode, INPUT_ACTION_MODE_VALUES)
    check_value(model, "eventMethod", model.event_method, HTTP_METHOD_VALUES)
    for entry in _CHECKS:
        refuse_field(model, entry)


T = TypeVar("T", bound="InputAction")


@_attrs_define
class InputAction:
    """Collect DTMF digits or speech from the callee. The result is sent to `eventUrl` in an input event, whose answer
    should be a new NCCO that replaces the current one.

    """

    type_: list[models.InputActionTypeItem]
    """ What to collect, `dtmf`, `speech` or both. """
    action: models.InputActionAction = "input"
    dtmf: models.InputActionDtmf | Unset = UNSET
    """ DTMF settings. Leave empty with `mode: asynchronous`. """
    speech: models.InputActionSpeech | Unset = UNSET
    """ Speech recognition settings. """
    mode: models.InputActionMode | Unset = "synchronous"
    """ `synchronous` waits for the result; `asynchronous` (DTMF only) sends each digit in real time, to the URL of
    the DTMF subscription (subscribeDTMF). """
    event_url: list[str] | Unset = UNSET
    """ Where the input event is sent; an array, even for one URL. """
    event_method: models.HttpMethod | Unset = "POST"
    """ HTTP method Vonage uses for a webhook. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __attrs_post_init__(self) -> None:
        m: Any = self
        if not (
            ((v := m.action) is not UNSET and (v.__class__ is str and v in INPUT_ACTION_ACTION_VALUES))
            and ((v := m.type_) is not UNSET and (v.__class__ is list and members(v, INPUT_ACTION_TYPE_ITEM_VALUES)))
            and ((v := m.mode) is UNSET or (v.__class__ is str and v in INPUT_ACTION_MODE_VALUES))
            and ((v := m.event_method) is UNSET or (v.__class__ is str and v in HTTP_METHOD_VALUES))
            and ((v := m.type_) is not UNSET and (v.__class__ is list and 1 <= len(v) <= 2 and not repeats(v, None)))
            and ((v := m.event_url) is UNSET or (v.__class__ is list and 1 <= len(v) and strings(v, uri_ok)))
        ):
            _refuse(self)

    def to_dict(self) -> dict[str, Any]:
        action: str = self.action

        type_ = []
        for type_item_data in self.type_:
            type_item: str = type_item_data
            type_.append(type_item)

        dtmf: dict[str, Any] | Unset = UNSET
        if not isinstance(self.dtmf, Unset):
            dtmf = self.dtmf.to_dict()

        speech: dict[str, Any] | Unset = UNSET
        if not isinstance(self.speech, Unset):
            speech = self.speech.to_dict()

        mode: str | Unset = UNSET
        if not isinstance(self.mode, Unset):
            mode = self.mode

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
                "type": type_,
            }
        )
        if dtmf is not UNSET:
            field_dict["dtmf"] = dtmf
        if speech is not UNSET:
            field_dict["speech"] = speech
        if mode is not UNSET:
            field_dict["mode"] = mode
        if event_url is not UNSET:
            field_dict["eventUrl"] = event_url
        if event_method is not UNSET:
            field_dict["eventMethod"] = event_method

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        action = d.pop("action")

        _type_ = d.pop("type")
        if not isinstance(_type_, list):
            raise TypeError(f"InputAction.type: expected a list, got {type(_type_).__name__}")
        type_ = _type_

        _dtmf = d.pop("dtmf", UNSET)
        dtmf: InputActionDtmf | Unset
        if isinstance(_dtmf, Unset):
            dtmf = UNSET
        else:
            dtmf = InputActionDtmf.from_dict(_dtmf)

        _speech = d.pop("speech", UNSET)
        speech: InputActionSpeech | Unset
        if isinstance(_speech, Unset):
            speech = UNSET
        else:
            speech = InputActionSpeech.from_dict(_speech)

        mode = d.pop("mode", UNSET)

        event_url = cast(list[str], d.pop("eventUrl", UNSET))

        event_method = d.pop("eventMethod", UNSET)

        input_action = cls(
            action=action,
            type_=type_,
            dtmf=dtmf,
            speech=speech,
            mode=mode,
            event_url=event_url,
            event_method=event_method,
        )

        input_action.additional_properties = d
        return input_action

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
from ..models.input_action_dtmf import InputActionDtmf  # noqa: E402
from ..models.input_action_speech import InputActionSpeech  # noqa: E402
