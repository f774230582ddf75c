from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import models
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.notify_action_payload import NotifyActionPayload


from ..models.http_method import HTTP_METHOD_VALUES
from ..models.notify_action_action import NOTIFY_ACTION_ACTION_VALUES
from ..types import (
    check_value,
    compile_checks,
    refuse_field,
    strings,
    uri_ok,
)

# For the error only: which rule a value that failed __attrs_post_init__'s test breaks.
_CHECKS = compile_checks(
    (("event_url", "eventUrl", {"type": "array", "minItems": 1, "items": {"type": "string", "format": "uri"}}),)
)


def _refuse(model: Any) -> None:
    check_value(model, "action", model.action, NOTIFY_ACTION_ACTION_VALUES)
    check_value(model, "eventMethod", model.event_method, HTTP_METHOD_VALUES)
    for entry in _CHECKS:
        refuse_field(model, entry)


T = TypeVar("T", bound="NotifyAction")


@_attrs_define
class NotifyAction:
    """Send a custom payload to your application. An NCCO in the answer replaces the current one; an empty answer lets the
    NCCO go on.

    """

    payload: models.NotifyActionPayload
    """ Any JSON object; it is sent as the body of the notify request. """
    event_url: list[str]
    """ Where the payload is sent; an array, even for one URL. """
    action: models.NotifyActionAction = "notify"
    event_method: models.HttpMethod | Unset = "POST"
    """ HTTP method Vonage uses for a webhook. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __attrs_post_init__(self) -> None:
        m: Any = self
        if not (
            ((v := m.action) is not UNSET and (v.__class__ is str and v in NOTIFY_ACTION_ACTION_VALUES))
            and ((v := m.event_method) is UNSET or (v.__class__ is str and v in HTTP_METHOD_VALUES))
            and ((v := m.event_url) is not UNSET and (v.__class__ is list and 1 <= len(v) and strings(v, uri_ok)))
        ):
            _refuse(self)

    def to_dict(self) -> dict[str, Any]:
        action: str = self.action

        payload = self.payload.to_dict()

        event_url = self.event_url

        event_method: str | Unset = UNSET
        if not isinstance(self.event_method, Unset):
            event_method = self.event_method

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "action": action,
                "payload": payload,
                "eventUrl": event_url,
            }
        )
        if event_method is not UNSET:
            field_dict["eventMethod"] = event_method

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        action = d.pop("action")

        payload = NotifyActionPayload.from_dict(d.pop("payload"))

        event_url = cast(list[str], d.pop("eventUrl"))

        event_method = d.pop("eventMethod", UNSET)

        notify_action = cls(
            action=action,
            payload=payload,
            event_url=event_url,
            event_method=event_method,
        )

        notify_action.additional_properties = d
        return notify_action

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
from ..models.notify_action_payload import NotifyActionPayload  # noqa: E402
