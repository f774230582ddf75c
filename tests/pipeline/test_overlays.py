"""What the overlays add holds up: typed NCCO, endpoints, updateCall bodies and webhooks round-trip through the
generated models, fit the patched spec, and wrong shapes are refused with a message naming the field.

Examples are in tests/data/overlay_examples.yaml. Bodies are validated the way the sandbox validates them:
requests with openapi-core against the patched spec, webhook payloads (which have no operation) with the
OpenAPI 3.0 schema validator against their component schema.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest
import vonage_voice_api.models as models
import yaml
from dateutil.parser import isoparse
from openapi_core import OpenAPI
from openapi_core.exceptions import OpenAPIError
from openapi_core.testing import MockRequest
from openapi_schema_validator import OAS30Validator, oas30_format_checker
from vonage_voice_api.models import (
    CreateCallRequestNcco,
    EndpointPhoneFrom,
    EndpointPhoneTo,
    InputAction,
    InputActionDtmf,
    TalkAction,
)

from tests.pipeline.spec_examples import PATCHED, load, resolve

SPEC = load(PATCHED)
API = OpenAPI.from_dict(SPEC)
EXAMPLES: dict[str, list[dict[str, Any]]] = yaml.safe_load(
    (Path(__file__).parents[1] / "data" / "overlay_examples.yaml").read_text(encoding="utf-8")
)
CALL = "/v1/calls/63f61863-4a51-4f6b-86e1-46edebcf9356"
PHONE = {"type": "phone", "number": "14155550100"}
CALLER = {"type": "phone", "number": "14155550101"}
CLASS_NAMES = {"EndpointVBCExtension": "EndpointVbcExtension"}  # openapi/generator.yaml renames
UPDATE_MODELS = ["TransferWithNcco", "TransferWithAnswerUrl", "Hangup", "Mute", "Unmute", "Earmuff", "Unearmuff"]
STATUS_EVENTS = [
    "StartedEvent",
    "RingingEvent",
    "AnsweredEvent",
    "BusyEvent",
    "CancelledEvent",
    "UnansweredEvent",
    "RejectedEvent",
    "FailedEvent",
    "TimeoutEvent",
    "DisconnectedEvent",
    "CompletedEvent",
    "HumanEvent",
    "MachineEvent",
]


def cases(kind: str) -> pytest.MarkDecorator:
    return pytest.mark.parametrize("case", EXAMPLES[kind], ids=[case["name"] for case in EXAMPLES[kind]])


def instants(value: Any) -> Any:
    """Date-time strings become datetimes, so `...18.000Z` and `...18+00:00` (the same instant) compare equal."""
    if isinstance(value, dict):
        return {key: instants(item) for key, item in value.items()}
    if isinstance(value, list):
        return [instants(item) for item in value]
    if isinstance(value, str) and len(value) >= 19 and value[4] == "-" and value[10] == "T":
        return isoparse(value)
    return value


def assert_round_trip(parsed: Any, model: str, body: dict[str, Any]) -> None:
    assert type(parsed).__name__ == model
    assert instants(parsed.to_dict()) == instants(body)


def parsers(names: Iterable[str], body: dict[str, Any]) -> list[str]:
    """The names of the model classes whose from_dict accepts ``body`` (a generated union tries them in turn)."""
    accepted: list[str] = []
    for name in names:
        try:
            getattr(models, name).from_dict(body)
        except (KeyError, TypeError, ValueError, AttributeError):
            continue
        accepted.append(name)
    return accepted


# ---- validation against the patched spec ---------------------------------------------------------------------------


def flatten(errors: Iterable[Any]) -> list[str]:
    """`path: message` for every jsonschema error and the errors under it (a oneOf failure keeps its branches in
    `context`)."""
    lines: list[str] = []
    for error in errors:
        path = "/".join(str(part) for part in error.absolute_path)
        lines.append(f"{path}: {error.message}")
        lines += flatten(error.context or [])
    return lines


def request_errors(method: str, path: str, body: Any) -> list[str]:
    """What openapi-core says about a JSON request body sent to the patched spec (empty: valid)."""
    request = MockRequest(
        "https://api.nexmo.com",
        method,
        path,
        data=json.dumps(body).encode(),
        content_type="application/json",
        headers={"Authorization": "Bearer header.payload.signature"},
    )
    try:
        API.validate_request(request)
    except OpenAPIError as exc:
        cause = exc.__cause__
        return flatten(getattr(cause, "schema_errors", ())) or [str(exc)]
    return []


def schema_errors(component: str, instance: Any) -> list[str]:
    """What the OpenAPI 3.0 validator says about ``instance`` against a component schema (empty: valid)."""
    root = {"$ref": f"#/components/schemas/{component}", "components": SPEC["components"]}
    validator = OAS30Validator(root, format_checker=oas30_format_checker)
    return flatten(validator.iter_errors(instance))


def create(**fields: Any) -> list[str]:
    return request_errors("post", "/v1/calls", {"to": [PHONE], "from": CALLER, "ncco": [], **fields})


def mentions(errors: list[str], *fragments: str) -> bool:
    return any(all(fragment in line for fragment in fragments) for line in errors)


# ---- round trips ---------------------------------------------------------------------------------------------------


@cases("ncco")
def test_ncco_actions_round_trip_in_create_call_and_transfer(case: dict[str, Any]) -> None:
    created = CreateCallRequestNcco.from_dict({"to": [PHONE], "from": CALLER, "ncco": [case["body"]]})
    assert_round_trip(created.ncco[0], case["model"], case["body"])
    transfer = models.TransferWithNcco.from_dict(
        {"action": "transfer", "destination": {"type": "ncco", "ncco": [case["body"]]}}
    )
    assert_round_trip(transfer.destination.ncco[0], case["model"], case["body"])
    assert create(ncco=[case["body"]]) == []
    assert request_errors("put", CALL, transfer.to_dict()) == []


RECORD_ENDPOINTS = {
    "EndpointPhoneTo": "CallEndpointPhone",
    "EndpointSip": "CallEndpointSip",
    "EndpointWebsocket": "CallEndpointWebsocket",
    "EndpointVbcExtension": "CallEndpointVbcExtension",
    "EndpointApp": "CallEndpointApp",
}


@cases("to")
def test_endpoints_round_trip_in_create_call_and_call_records(case: dict[str, Any]) -> None:
    created = CreateCallRequestNcco.from_dict({"to": [case["body"]], "from": CALLER, "ncco": [{"action": "wait"}]})
    assert_round_trip(created.to[0], case["model"], case["body"])
    record = models.Call.from_dict(
        {
            "uuid": "63f61863-4a51-4f6b-86e1-46edebcf9356",
            "conversation_uuid": "CON-f972836a-550f-45fa-956c-12a2ab5b7d22",
            "status": "completed",
            "direction": "outbound",
            "to": case["body"],
        }
    )
    # The record's `to` has response-side copies of the endpoint schemas (overlays/27-response-endpoints.yaml).
    assert_round_trip(record.to, RECORD_ENDPOINTS[case["model"]], case["body"])
    assert request_errors("post", "/v1/calls", created.to_dict()) == []


@cases("connect")
def test_connect_endpoints_round_trip(case: dict[str, Any]) -> None:
    connect = models.ConnectAction.from_dict({"action": "connect", "endpoint": [case["body"]]})
    assert_round_trip(connect.endpoint[0], case["model"], case["body"])
    assert schema_errors("ConnectEndpoint", case["body"]) == []
    assert create(ncco=[connect.to_dict()]) == []


@cases("update")
def test_update_call_bodies_parse_into_exactly_one_class(case: dict[str, Any]) -> None:
    assert parsers(UPDATE_MODELS, case["body"]) == [case["model"]]
    assert_round_trip(getattr(models, case["model"]).from_dict(case["body"]), case["model"], case["body"])
    assert request_errors("put", CALL, case["body"]) == []


@cases("create")
def test_create_call_bodies_round_trip_and_are_accepted(case: dict[str, Any]) -> None:
    assert parsers(["CreateCallRequestNcco", "CreateCallRequestAnswerUrl"], case["body"]) == [case["model"]]
    assert_round_trip(getattr(models, case["model"]).from_dict(case["body"]), case["model"], case["body"])
    assert request_errors("post", "/v1/calls", case["body"]) == []


@cases("webhooks")
def test_webhook_payloads_round_trip_and_fit_their_schema(case: dict[str, Any]) -> None:
    model = case["model"]
    assert_round_trip(getattr(models, model).from_dict(case["body"]), model, case["body"])
    assert schema_errors(model, case["body"]) == []
    if model in STATUS_EVENTS:
        assert parsers(STATUS_EVENTS, case["body"]) == [model]
        assert schema_errors("CallStatusEvent", case["body"]) == []


def test_every_ncco_action_endpoint_update_and_webhook_has_an_example() -> None:
    named = {kind: {case["model"] for case in EXAMPLES[kind]} for kind in EXAMPLES}
    schemas = SPEC["components"]["schemas"]
    unions = {
        "ncco": schemas["NccoAction"],
        "to": schemas["CreateCallRequestBase"]["properties"]["to"]["items"],
        "connect": schemas["ConnectEndpoint"],
    }
    for kind, union in unions.items():
        mapped = {ref.rsplit("/", 1)[1] for ref in union["discriminator"]["mapping"].values()}
        assert {CLASS_NAMES.get(name, name) for name in mapped} == named[kind], kind
    assert set(UPDATE_MODELS) == named["update"]
    webhooks = {"AnswerWebhook", "InputEvent", "RecordEvent", "TransferEvent", "NotifyEvent", "ErrorEvent"}
    assert set(STATUS_EVENTS) | webhooks == named["webhooks"]


def test_an_ncco_is_built_from_generated_classes_and_is_valid() -> None:
    ncco: list[Any] = [
        TalkAction(text="Press 1 to confirm."),
        InputAction(type_=["dtmf"], dtmf=InputActionDtmf(max_digits=1), event_url=["https://example.com/input"]),
    ]
    body = CreateCallRequestNcco(
        to=[EndpointPhoneTo(number="14155550100")], from_=EndpointPhoneFrom(number="14155550101"), ncco=ncco
    )
    sent = body.to_dict()
    assert sent["ncco"][0]["action"] == "talk" and sent["ncco"][1]["dtmf"]["maxDigits"] == 1
    assert request_errors("post", "/v1/calls", sent) == []


def test_a_wrong_ncco_field_name_is_refused_by_the_constructor() -> None:
    # mypy --strict flags the call too: without that error this `type: ignore` would itself fail as unused.
    def wrong() -> object:
        return TalkAction(txt="Hello")  # type: ignore[call-arg]

    with pytest.raises(TypeError, match="txt"):
        wrong()


# ---- wrong shapes are refused, naming the field --------------------------------------------------------------------


def test_a_to_item_with_an_unknown_type_is_refused() -> None:
    errors = create(to=[{"type": "fax", "number": "14155550100"}], ncco=[{"action": "wait"}])
    assert mentions(errors, "to/0/type", "'fax' is not one of")


def test_an_ncco_action_with_an_unknown_action_is_refused() -> None:
    assert mentions(create(ncco=[{"action": "dance"}]), "ncco/0/action", "'dance' is not one of")
    transfer = {"action": "transfer", "destination": {"type": "ncco", "ncco": [{"action": "dance"}]}}
    assert mentions(request_errors("put", CALL, transfer), "destination/ncco/0/action", "'dance'")


def test_a_talk_without_text_is_refused() -> None:
    assert mentions(create(ncco=[{"action": "talk"}]), "ncco/0", "'text' is a required property")


def test_an_empty_ncco_is_refused() -> None:
    assert mentions(create(ncco=[]), "ncco", "should be non-empty")


def test_from_and_random_from_number_are_exclusive() -> None:
    both = create(ncco=[{"action": "wait"}], random_from_number=True)
    assert mentions(both, "is valid under each of", "random_from_number", "'from'")
    neither = request_errors("post", "/v1/calls", {"to": [PHONE], "ncco": [{"action": "wait"}]})
    assert mentions(neither, "'from' is a required property")
    random_only = {"to": [PHONE], "random_from_number": True, "ncco": [{"action": "wait"}]}
    assert request_errors("post", "/v1/calls", random_only) == []
    assert create(ncco=[{"action": "wait"}], random_from_number=False) == []


@pytest.mark.parametrize("number", ["abc14155550100xyz", "x14155550100", "04155550100", "+14155550100"])
def test_e164_numbers_are_anchored(number: str) -> None:
    errors = create(to=[{"type": "phone", "number": number}], ncco=[{"action": "wait"}])
    assert mentions(errors, "to/0/number", "does not match")


def test_update_call_refuses_an_empty_body() -> None:
    errors = request_errors("put", CALL, {})
    assert mentions(errors, "'action' is a required property")
    assert mentions(request_errors("put", CALL, {"action": "dance"}), "action", "'dance'")


def test_a_websocket_without_uri_is_refused() -> None:
    socket = {"type": "websocket", "content-type": "audio/l16;rate=16000"}
    assert mentions(create(to=[socket], ncco=[{"action": "wait"}]), "to/0", "'uri' is a required property")


def test_a_connect_sip_endpoint_takes_a_uri_or_user_and_domain_not_both() -> None:
    sip = {"type": "sip", "uri": "sip:rebekka@sip.example.com", "user": "rebekka", "domain": "example-trunk"}
    errors = schema_errors("ConnectEndpoint", sip)
    assert mentions(errors, "should not be valid under", "domain")
    assert mentions(errors, "should not be valid under", "uri")


@pytest.mark.parametrize(("body", "field"), [({}, "'digits' is a required property"), ({"digits": "12a"}, "digits")])
def test_dtmf_digits_are_required_and_limited(body: dict[str, Any], field: str) -> None:
    assert mentions(request_errors("put", f"{CALL}/dtmf", body), field)


def test_dtmf_digits_with_pauses_and_symbols_are_accepted() -> None:
    assert request_errors("put", f"{CALL}/dtmf", {"digits": "p*123#"}) == []


@pytest.mark.parametrize("level", [0.4, "0.4", -1, "1", 0])
def test_talk_level_is_accepted_as_number_or_numeric_string(level: object) -> None:
    assert request_errors("put", f"{CALL}/talk", {"text": "Hello", "level": level}) == []


@pytest.mark.parametrize("level", [1.5, "2", "loud", -1.1])
def test_talk_level_out_of_range_is_refused(level: object) -> None:
    assert mentions(request_errors("put", f"{CALL}/talk", {"text": "Hello", "level": level}), "level")


def test_a_status_outside_the_vocabulary_is_refused() -> None:
    created = {
        "uuid": "63f61863-4a51-4f6b-86e1-46edebcf9356",
        "direction": "outbound",
        "conversation_uuid": "CON-f972836a-550f-45fa-956c-12a2ab5b7d22",
    }
    assert mentions(schema_errors("CreateCallResponse", created | {"status": "exploded"}), "status", "'exploded'")
    assert schema_errors("CreateCallResponse", created | {"status": "started"}) == []


# ---- errors, regions and links in the patched spec -----------------------------------------------------------------

REGIONS = {
    "na-east": "https://api-us-3.vonage.com",
    "na-west": "https://api-us-4.vonage.com",
    "eu-east": "https://api-eu-4.vonage.com",
    "eu-west": "https://api-eu-3.vonage.com",
    "apac-sng": "https://api-ap-3.vonage.com",
    "apac-australia": "https://api-ap-4.vonage.com",
}


def all_operations() -> list[tuple[str, dict[str, Any]]]:
    return [
        (operation["operationId"], operation)
        for item in SPEC["paths"].values()
        for method, operation in item.items()
        if method in ("get", "put", "post", "delete")
    ]


@pytest.mark.parametrize("operation_id", [operation_id for operation_id, _ in all_operations()])
def test_every_operation_documents_its_errors(operation_id: str) -> None:
    responses = dict(all_operations())[operation_id]["responses"]
    expected = {
        "400": "BadRequest",
        "401": "Unauthorized",
        "403": "Forbidden",
        "404": "NotFound",
        "429": "TooManyRequests",
        "5XX": "ServerError",
    }
    for status, name in expected.items():
        assert responses[status] == {"$ref": f"#/components/responses/{name}"}, f"{operation_id} {status}"
    assert any(status.startswith("2") for status in responses)


def test_error_responses_carry_the_problem_body_and_headers() -> None:
    shared = SPEC["components"]["responses"]
    for name, response in shared.items():
        for media in ("application/problem+json", "application/json"):
            assert response["content"][media]["schema"] == {"$ref": "#/components/schemas/ErrorResponse"}, name
        assert "X-Nexmo-Trace-Id" in response["headers"], name
    assert "Retry-After" in shared["TooManyRequests"]["headers"]
    problem = SPEC["components"]["schemas"]["ErrorResponse"]["properties"]
    assert {"type", "title", "detail", "instance", "invalid_parameters"} <= set(problem)
    body = {"title": "Bad Request", "invalid_parameters": [{"name": "to", "reason": "Invalid number"}]}
    assert models.ErrorResponse.from_dict(body).to_dict() == body


def test_published_bodiless_success_responses_are_kept() -> None:
    assert SPEC["paths"]["/v1/calls/{uuid}"]["put"]["responses"]["204"] == {"description": "No Content"}
    for method in ("put", "delete"):
        ok = SPEC["paths"]["/v1/calls/{uuid}/input/dtmf"][method]["responses"]["200"]
        assert ok == {"description": "OK"}


def test_servers_are_the_default_host_and_the_six_regions() -> None:
    servers = SPEC["servers"]
    assert servers[0]["url"] == "https://api.nexmo.com"
    regional = {server["url"]: server["description"] for server in servers[1:]}
    assert set(regional) == set(REGIONS.values())
    for region, url in REGIONS.items():
        assert f"Region {region}:" in regional[url]


def test_create_call_links_to_every_operation_on_the_call() -> None:
    links = SPEC["paths"]["/v1/calls"]["post"]["responses"]["201"]["links"]
    not_on_a_call = ("getCalls", "createCall", "downloadFile")  # a file is named by its URL, not by the call
    on_a_call = {operation_id for operation_id, _ in all_operations() if operation_id not in not_on_a_call}
    assert {link["operationId"] for link in links.values()} == on_a_call
    assert all(link["parameters"] == {"uuid": "$response.body#/uuid"} for link in links.values())


def test_the_create_call_example_is_valid_gives_from_alone_and_calls_another_number() -> None:
    """The published file has no createCall request example; 12-caller-id.yaml adds the reference page's, made of
    the field examples (the contract suite places it to read a call): valid, `from` alone, the caller not the callee."""
    schemas = SPEC["components"]["schemas"]
    example = SPEC["paths"]["/v1/calls"]["post"]["requestBody"]["content"]["application/json"]["example"]
    assert "random_from_number" not in example and example["from"]["number"] != example["to"][0]["number"]
    assert example["to"][0]["number"] == resolve(SPEC, schemas["EndpointPhoneTo"]["properties"]["number"])["example"]
    assert example["from"]["number"] == schemas["EndpointPhoneFrom"]["properties"]["number"]["example"]
    assert request_errors("post", "/v1/calls", example) == []
