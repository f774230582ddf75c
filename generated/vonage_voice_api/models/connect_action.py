from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import models
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.advanced_machine_detection import AdvancedMachineDetection
    from ..models.connect_endpoint_phone import ConnectEndpointPhone
    from ..models.connect_endpoint_sip import ConnectEndpointSip
    from ..models.endpoint_app import EndpointApp
    from ..models.endpoint_vbc_extension import EndpointVbcExtension
    from ..models.endpoint_websocket import EndpointWebsocket


from ..errors import InvalidValueError
from ..models.connect_action_action import CONNECT_ACTION_ACTION_VALUES
from ..models.connect_action_event_type import CONNECT_ACTION_EVENT_TYPE_VALUES
from ..models.connect_action_machine_detection import CONNECT_ACTION_MACHINE_DETECTION_VALUES
from ..models.http_method import HTTP_METHOD_VALUES
from ..types import (
    check_value,
    compile_checks,
    compile_match,
    compile_shapes,
    json_form,
    refuse_field,
    refuse_shape,
    strings,
    uri_ok,
)

_P0 = compile_match("^[1-9][0-9]{6,14}$")

# For the error only: which rule a value that failed __attrs_post_init__'s test breaks.
_CHECKS = compile_checks(
    (
        ("endpoint", "endpoint", {"type": "array", "minItems": 1, "maxItems": 1}),
        ("from_", "from", {"type": "string", "minLength": 7, "maxLength": 15, "pattern": "^[1-9][0-9]{6,14}$"}),
        ("random_from_number", "randomFromNumber", {"type": "boolean"}),
        ("timeout", "timeout", {"type": "integer", "minimum": 1, "maximum": 120}),
        ("limit", "limit", {"type": "integer", "minimum": 1, "maximum": 7200}),
        ("event_url", "eventUrl", {"type": "array", "minItems": 1, "items": {"type": "string", "format": "uri"}}),
        ("ringback_tone", "ringbackTone", {"type": "string", "format": "uri"}),
    )
)

_SHAPES = compile_shapes(
    [
        {
            "not": {
                "description": "`from` and `randomFromNumber: true` are mutually exclusive.",
                "required": ["from", "randomFromNumber"],
                "properties": {"randomFromNumber": {"enum": [True]}},
            }
        }
    ],
    {
        "action": "action",
        "endpoint": "endpoint",
        "from": "from_",
        "randomFromNumber": "random_from_number",
        "eventType": "event_type",
        "timeout": "timeout",
        "limit": "limit",
        "machineDetection": "machine_detection",
        "advancedMachineDetection": "advanced_machine_detection",
        "eventUrl": "event_url",
        "eventMethod": "event_method",
        "ringbackTone": "ringback_tone",
    },
)


def _refuse(model: Any) -> None:
    check_value(model, "action", model.action, CONNECT_ACTION_ACTION_VALUES)
    check_value(model, "eventType", model.event_type, CONNECT_ACTION_EVENT_TYPE_VALUES)
    check_value(model, "machineDetection", model.machine_detection, CONNECT_ACTION_MACHINE_DETECTION_VALUES)
    check_value(model, "eventMethod", model.event_method, HTTP_METHOD_VALUES)
    for entry in _CHECKS:
        refuse_field(model, entry)
    for shape in _SHAPES:
        refuse_shape(model, shape)


T = TypeVar("T", bound="ConnectAction")


@_attrs_define
class ConnectAction:
    """Connect the call to another endpoint (a phone number, a SIP endpoint, a WebSocket, an app user or a VBC extension).
    Ends when the endpoint is busy or unavailable; chain connects to ring several in turn.

    """

    endpoint: list[
        models.ConnectEndpointPhone
        | models.ConnectEndpointSip
        | models.EndpointApp
        | models.EndpointVbcExtension
        | models.EndpointWebsocket
    ]
    """ The endpoint to connect to; exactly one, in an array. """
    action: models.ConnectActionAction = "connect"
    from_: str | Unset = UNSET
    """ The caller number shown to the endpoint, in E.164 without `+` (the AddressE164 rules); it must be one of
    your Vonage numbers when calling a phone. Leave it out for app callers, and when `randomFromNumber` is true. """
    random_from_number: bool | Unset = False
    """ Let Vonage pick a caller number among the application's numbers, from the destination's country when
    possible. Not together with `from`. """
    event_type: models.ConnectActionEventType | Unset = UNSET
    """ `synchronous` lets `eventUrl` answer call-state events (busy, timeout...) with an NCCO that replaces the
    current one. """
    timeout: int | Unset = 60
    """ Seconds the endpoint may ring before the connect gives up. """
    limit: int | Unset = 7200
    """ Longest call, in seconds. """
    machine_detection: models.ConnectActionMachineDetection | Unset = UNSET
    """ What to do when voicemail answers: `continue` sends a `machine` event to `eventUrl`, `hangup` ends the call.
    """
    advanced_machine_detection: models.AdvancedMachineDetection | Unset = UNSET
    """ Settings of Vonage's advanced machine detection, which wins over `machine_detection` when both are given. It
    is charged; the rates are on the Voice API Pricing page, under 'Programmable Features'. """
    event_url: list[str] | Unset = UNSET
    """ Where call-state events of the connected leg are sent; an array, even for one URL. """
    event_method: models.HttpMethod | Unset = "POST"
    """ HTTP method Vonage uses for a webhook. """
    ringback_tone: str | Unset = UNSET
    """ Audio looped to the caller until the endpoint answers; not recommended for phone endpoints, which send their
    own ringing. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __attrs_post_init__(self) -> None:
        m: Any = self
        if not (
            ((v := m.action) is not UNSET and (v.__class__ is str and v in CONNECT_ACTION_ACTION_VALUES))
            and ((v := m.event_type) is UNSET or (v.__class__ is str and v in CONNECT_ACTION_EVENT_TYPE_VALUES))
            and (
                (v := m.machine_detection) is UNSET
                or (v.__class__ is str and v in CONNECT_ACTION_MACHINE_DETECTION_VALUES)
            )
            and ((v := m.event_method) is UNSET or (v.__class__ is str and v in HTTP_METHOD_VALUES))
            and ((v := m.endpoint) is not UNSET and (v.__class__ is list and 1 <= len(v) <= 1))
            and ((v := m.from_) is UNSET or (v.__class__ is str and 7 <= len(v) <= 15 and _P0(v)))
            and ((v := m.random_from_number) is UNSET or (v.__class__ is bool))
            and ((v := m.timeout) is UNSET or (v.__class__ is int and 1 <= v <= 120))
            and ((v := m.limit) is UNSET or (v.__class__ is int and 1 <= v <= 7200))
            and ((v := m.event_url) is UNSET or (v.__class__ is list and 1 <= len(v) and strings(v, uri_ok)))
            and ((v := m.ringback_tone) is UNSET or (v.__class__ is str and uri_ok(v)))
            and (
                not (
                    m.from_ is not UNSET
                    and m.random_from_number is not UNSET
                    and (m.random_from_number is UNSET or m.random_from_number in [True])
                )
            )
        ):
            _refuse(self)

    def to_dict(self) -> dict[str, Any]:
        action: str = self.action

        endpoint = []
        for endpoint_item_data in self.endpoint:
            endpoint_item: dict[str, Any]
            if isinstance(endpoint_item_data, ConnectEndpointPhone):
                endpoint_item = endpoint_item_data.to_dict()
            elif isinstance(endpoint_item_data, ConnectEndpointSip):
                endpoint_item = endpoint_item_data.to_dict()
            elif isinstance(endpoint_item_data, EndpointWebsocket):
                endpoint_item = endpoint_item_data.to_dict()
            elif isinstance(endpoint_item_data, EndpointVbcExtension):
                endpoint_item = endpoint_item_data.to_dict()
            else:
                endpoint_item = endpoint_item_data.to_dict()

            endpoint.append(endpoint_item)

        from_ = self.from_

        random_from_number = self.random_from_number

        event_type: str | Unset = UNSET
        if not isinstance(self.event_type, Unset):
            event_type = self.event_type

        timeout = self.timeout

        limit = self.limit

        machine_detection: str | Unset = UNSET
        if not isinstance(self.machine_detection, Unset):
            machine_detection = self.machine_detection

        advanced_machine_detection: dict[str, Any] | Unset = UNSET
        if not isinstance(self.advanced_machine_detection, Unset):
            advanced_machine_detection = self.advanced_machine_detection.to_dict()

        event_url: list[str] | Unset = UNSET
        if not isinstance(self.event_url, Unset):
            event_url = self.event_url

        event_method: str | Unset = UNSET
        if not isinstance(self.event_method, Unset):
            event_method = self.event_method

        ringback_tone = self.ringback_tone

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "action": action,
                "endpoint": endpoint,
            }
        )
        if from_ is not UNSET:
            field_dict["from"] = from_
        if random_from_number is not UNSET:
            field_dict["randomFromNumber"] = random_from_number
        if event_type is not UNSET:
            field_dict["eventType"] = event_type
        if timeout is not UNSET:
            field_dict["timeout"] = timeout
        if limit is not UNSET:
            field_dict["limit"] = limit
        if machine_detection is not UNSET:
            field_dict["machineDetection"] = machine_detection
        if advanced_machine_detection is not UNSET:
            field_dict["advancedMachineDetection"] = advanced_machine_detection
        if event_url is not UNSET:
            field_dict["eventUrl"] = event_url
        if event_method is not UNSET:
            field_dict["eventMethod"] = event_method
        if ringback_tone is not UNSET:
            field_dict["ringbackTone"] = ringback_tone

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        action = d.pop("action")

        def _parse_endpoint(
            data: object, where: str
        ) -> ConnectEndpointPhone | ConnectEndpointSip | EndpointApp | EndpointVbcExtension | EndpointWebsocket:
            if not isinstance(data, dict):
                raise TypeError(f"ConnectAction.{where}: expected a JSON object, got {type(data).__name__}")
            kind = data.get("type")
            try:
                if kind == "phone":
                    return ConnectEndpointPhone.from_dict(data)
                if kind == "sip":
                    return ConnectEndpointSip.from_dict(data)
                if kind == "websocket":
                    return EndpointWebsocket.from_dict(data)
                if kind == "vbc":
                    return EndpointVbcExtension.from_dict(data)
                if kind == "app":
                    return EndpointApp.from_dict(data)
            except (KeyError, TypeError, ValueError) as error:  # a known kind, broken: say where it is
                error.add_note(f"in ConnectAction.{where} (type {kind!r})")
                raise
            raise InvalidValueError("ConnectAction", f"{where}.type", kind, ["phone", "sip", "websocket", "vbc", "app"])

        _endpoint = d.pop("endpoint")
        if not isinstance(_endpoint, list):
            raise TypeError(f"ConnectAction.endpoint: expected a list, got {type(_endpoint).__name__}")
        endpoint = [_parse_endpoint(item, f"endpoint[{index}]") for index, item in enumerate(_endpoint)]

        from_ = d.pop("from", UNSET)

        random_from_number = json_form(d.pop("randomFromNumber", UNSET), "boolean")

        event_type = d.pop("eventType", UNSET)

        timeout = json_form(d.pop("timeout", UNSET), "integer")

        limit = json_form(d.pop("limit", UNSET), "integer")

        machine_detection = d.pop("machineDetection", UNSET)

        _advanced_machine_detection = d.pop("advancedMachineDetection", UNSET)
        advanced_machine_detection: AdvancedMachineDetection | Unset
        if isinstance(_advanced_machine_detection, Unset):
            advanced_machine_detection = UNSET
        else:
            advanced_machine_detection = AdvancedMachineDetection.from_dict(_advanced_machine_detection)

        event_url = cast(list[str], d.pop("eventUrl", UNSET))

        event_method = d.pop("eventMethod", UNSET)

        ringback_tone = d.pop("ringbackTone", UNSET)

        connect_action = cls(
            action=action,
            endpoint=endpoint,
            from_=from_,
            random_from_number=random_from_number,
            event_type=event_type,
            timeout=timeout,
            limit=limit,
            machine_detection=machine_detection,
            advanced_machine_detection=advanced_machine_detection,
            event_url=event_url,
            event_method=event_method,
            ringback_tone=ringback_tone,
        )

        connect_action.additional_properties = d
        return connect_action

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
from ..models.advanced_machine_detection import AdvancedMachineDetection  # noqa: E402
from ..models.connect_endpoint_phone import ConnectEndpointPhone  # noqa: E402
from ..models.connect_endpoint_sip import ConnectEndpointSip  # noqa: E402
from ..models.endpoint_app import EndpointApp  # noqa: E402
from ..models.endpoint_vbc_extension import EndpointVbcExtension  # noqa: E402
from ..models.endpoint_websocket import EndpointWebsocket  # noqa: E402
