from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import models
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.advanced_machine_detection import AdvancedMachineDetection
    from ..models.endpoint_app import EndpointApp
    from ..models.endpoint_phone_from import EndpointPhoneFrom
    from ..models.endpoint_phone_to import EndpointPhoneTo
    from ..models.endpoint_sip import EndpointSip
    from ..models.endpoint_vbc_extension import EndpointVbcExtension
    from ..models.endpoint_websocket import EndpointWebsocket


from ..errors import InvalidValueError
from ..models.http_method import HTTP_METHOD_VALUES
from ..models.machine_detection import MACHINE_DETECTION_VALUES
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
        ("to", "to", {"type": "array", "minItems": 1}),
        ("random_from_number", "random_from_number", {"type": "boolean"}),
        ("event_url", "event_url", {"type": "array", "items": {"type": "string", "format": "uri"}}),
        ("length_timer", "length_timer", {"type": "integer", "minimum": 1, "maximum": 86400}),
        ("ringing_timer", "ringing_timer", {"type": "integer", "minimum": 1, "maximum": 120}),
    )
)

_SHAPES = compile_shapes(
    [
        {
            "oneOf": [
                {"title": "With from", "required": ["from"]},
                {
                    "title": "With a random from number",
                    "required": ["random_from_number"],
                    "properties": {"random_from_number": {"enum": [True]}},
                },
            ]
        }
    ],
    {
        "to": "to",
        "from": "from_",
        "random_from_number": "random_from_number",
        "event_url": "event_url",
        "machine_detection": "machine_detection",
        "length_timer": "length_timer",
        "ringing_timer": "ringing_timer",
        "advanced_machine_detection": "advanced_machine_detection",
        "event_method": "event_method",
    },
)


def _refuse(model: Any) -> None:
    check_value(model, "machine_detection", model.machine_detection, MACHINE_DETECTION_VALUES)
    check_value(model, "event_method", model.event_method, HTTP_METHOD_VALUES)
    for entry in _CHECKS:
        refuse_field(model, entry)
    for shape in _SHAPES:
        refuse_shape(model, shape)


T = TypeVar("T", bound="CreateCallRequestBase")


@_attrs_define
class CreateCallRequestBase:
    to: list[
        models.EndpointApp
        | models.EndpointPhoneTo
        | models.EndpointSip
        | models.EndpointVbcExtension
        | models.EndpointWebsocket
    ]
    from_: models.EndpointPhoneFrom | Unset = UNSET
    """ Connect to a Phone (PSTN) number. This property is mutually exclusive with `random_from_number`: you must
    specify one (`from`) or the other (`random_from_number: true`). """
    random_from_number: bool | Unset = False
    """ Set to `true` to let Vonage choose the caller number among the numbers linked to this application. Give
    either `from` or `random_from_number: true`, exactly one of the two. """
    event_url: list[str] | Unset = UNSET
    """ **Required** unless `event_url` is configured at the application
    level, see [Create an Application](/api/application.v2#createApplication)

    The webhook endpoint where call progress events are
    sent to. For more information about the values sent, see
    [Event webhook](/voice/voice-api/webhook-reference#event-webhook).
     """
    machine_detection: models.MachineDetection | Unset = UNSET
    """ Configure the behavior when Vonage detects that the call is answered by voicemail. If `continue`, Vonage
    sends an HTTP request to `event_url` with the Call event machine. If `hangup`, Vonage ends the call. """
    length_timer: int | Unset = 7200
    """ Set the number of seconds that elapse before Vonage hangs up after the call state changes to answered. """
    ringing_timer: int | Unset = 60
    """ Set the number of seconds that elapse before Vonage hangs up after the call state changes to ‘ringing’. """
    advanced_machine_detection: models.AdvancedMachineDetection | Unset = UNSET
    """ Settings of Vonage's advanced machine detection, which wins over `machine_detection` when both are given. It
    is charged; the rates are on the Voice API Pricing page, under 'Programmable Features'. """
    event_method: models.HttpMethod | Unset = "POST"
    """ HTTP method Vonage uses for a webhook. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __attrs_post_init__(self) -> None:
        m: Any = self
        if not (
            ((v := m.machine_detection) is UNSET or (v.__class__ is str and v in MACHINE_DETECTION_VALUES))
            and ((v := m.event_method) is UNSET or (v.__class__ is str and v in HTTP_METHOD_VALUES))
            and ((v := m.to) is not UNSET and (v.__class__ is list and 1 <= len(v)))
            and ((v := m.random_from_number) is UNSET or (v.__class__ is bool))
            and ((v := m.event_url) is UNSET or (v.__class__ is list and strings(v, uri_ok)))
            and ((v := m.length_timer) is UNSET or (v.__class__ is int and 1 <= v <= 86400))
            and ((v := m.ringing_timer) is UNSET or (v.__class__ is int and 1 <= v <= 120))
            and (
                [
                    m.from_ is not UNSET,
                    m.random_from_number is not UNSET
                    and (m.random_from_number is UNSET or m.random_from_number in [True]),
                ].count(True)
                == 1
            )
        ):
            _refuse(self)

    def to_dict(self) -> dict[str, Any]:
        to = []
        for to_item_data in self.to:
            to_item: dict[str, Any]
            if isinstance(to_item_data, EndpointPhoneTo):
                to_item = to_item_data.to_dict()
            elif isinstance(to_item_data, EndpointSip):
                to_item = to_item_data.to_dict()
            elif isinstance(to_item_data, EndpointWebsocket):
                to_item = to_item_data.to_dict()
            elif isinstance(to_item_data, EndpointVbcExtension):
                to_item = to_item_data.to_dict()
            else:
                to_item = to_item_data.to_dict()

            to.append(to_item)

        from_: dict[str, Any] | Unset = UNSET
        if not isinstance(self.from_, Unset):
            from_ = self.from_.to_dict()

        random_from_number = self.random_from_number

        event_url: list[str] | Unset = UNSET
        if not isinstance(self.event_url, Unset):
            event_url = self.event_url

        machine_detection: str | Unset = UNSET
        if not isinstance(self.machine_detection, Unset):
            machine_detection = self.machine_detection

        length_timer = self.length_timer

        ringing_timer = self.ringing_timer

        advanced_machine_detection: dict[str, Any] | Unset = UNSET
        if not isinstance(self.advanced_machine_detection, Unset):
            advanced_machine_detection = self.advanced_machine_detection.to_dict()

        event_method: str | Unset = UNSET
        if not isinstance(self.event_method, Unset):
            event_method = self.event_method

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "to": to,
            }
        )
        if from_ is not UNSET:
            field_dict["from"] = from_
        if random_from_number is not UNSET:
            field_dict["random_from_number"] = random_from_number
        if event_url is not UNSET:
            field_dict["event_url"] = event_url
        if machine_detection is not UNSET:
            field_dict["machine_detection"] = machine_detection
        if length_timer is not UNSET:
            field_dict["length_timer"] = length_timer
        if ringing_timer is not UNSET:
            field_dict["ringing_timer"] = ringing_timer
        if advanced_machine_detection is not UNSET:
            field_dict["advanced_machine_detection"] = advanced_machine_detection
        if event_method is not UNSET:
            field_dict["event_method"] = event_method

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_to(
            data: object, where: str
        ) -> EndpointApp | EndpointPhoneTo | EndpointSip | EndpointVbcExtension | EndpointWebsocket:
            if not isinstance(data, dict):
                raise TypeError(f"CreateCallRequestBase.{where}: expected a JSON object, got {type(data).__name__}")
            kind = data.get("type")
            try:
                if kind == "phone":
                    return EndpointPhoneTo.from_dict(data)
                if kind == "sip":
                    return EndpointSip.from_dict(data)
                if kind == "websocket":
                    return EndpointWebsocket.from_dict(data)
                if kind == "vbc":
                    return EndpointVbcExtension.from_dict(data)
                if kind == "app":
                    return EndpointApp.from_dict(data)
            except (KeyError, TypeError, ValueError) as error:  # a known kind, broken: say where it is
                error.add_note(f"in CreateCallRequestBase.{where} (type {kind!r})")
                raise
            raise InvalidValueError(
                "CreateCallRequestBase", f"{where}.type", kind, ["phone", "sip", "websocket", "vbc", "app"]
            )

        _to = d.pop("to")
        if not isinstance(_to, list):
            raise TypeError(f"CreateCallRequestBase.to: expected a list, got {type(_to).__name__}")
        to = [_parse_to(item, f"to[{index}]") for index, item in enumerate(_to)]

        _from_ = d.pop("from", UNSET)
        from_: EndpointPhoneFrom | Unset
        if isinstance(_from_, Unset):
            from_ = UNSET
        else:
            from_ = EndpointPhoneFrom.from_dict(_from_)

        random_from_number = json_form(d.pop("random_from_number", UNSET), "boolean")

        event_url = cast(list[str], d.pop("event_url", UNSET))

        machine_detection = d.pop("machine_detection", UNSET)

        length_timer = json_form(d.pop("length_timer", UNSET), "integer")

        ringing_timer = json_form(d.pop("ringing_timer", UNSET), "integer")

        _advanced_machine_detection = d.pop("advanced_machine_detection", UNSET)
        advanced_machine_detection: AdvancedMachineDetection | Unset
        if isinstance(_advanced_machine_detection, Unset):
            advanced_machine_detection = UNSET
        else:
            advanced_machine_detection = AdvancedMachineDetection.from_dict(_advanced_machine_detection)

        event_method = d.pop("event_method", UNSET)

        create_call_request_base = cls(
            to=to,
            from_=from_,
            random_from_number=random_from_number,
            event_url=event_url,
            machine_detection=machine_detection,
            length_timer=length_timer,
            ringing_timer=ringing_timer,
            advanced_machine_detection=advanced_machine_detection,
            event_method=event_method,
        )

        create_call_request_base.additional_properties = d
        return create_call_request_base

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
from ..models.endpoint_app import EndpointApp  # noqa: E402
from ..models.endpoint_phone_from import EndpointPhoneFrom  # noqa: E402
from ..models.endpoint_phone_to import EndpointPhoneTo  # noqa: E402
from ..models.endpoint_sip import EndpointSip  # noqa: E402
from ..models.endpoint_vbc_extension import EndpointVbcExtension  # noqa: E402
from ..models.endpoint_websocket import EndpointWebsocket  # noqa: E402
