"""Tolerant reader, strict writer: what the API sends parses even with values the spec does not list yet; what users
send is refused at run time when it leaves the spec; a 2xx body that is unusable is a MalformedResponseError.

Each response case starts from a record shaped like the ones the Voice API really sends and changes one thing the
way a new API release would (a new enum value, a new endpoint type, a new field).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from cryptography.hazmat.primitives.asymmetric import rsa
from vonage_voice_api.api.calls import create_call, get_call, get_calls
from vonage_voice_api.errors import InvalidValueError
from vonage_voice_api.models import (
    Call,
    CallEndpointPhone,
    CallList,
    CreateCallRequestNcco,
    EndpointPhoneTo,
    InputAction,
    StartTalkRequest,
    TalkAction,
)
from vonage_voice_api.types import UnknownVariant

from tests.runtime.support import CALL_UUID, CON_UUID, call_record, mock_client
from vonage_voice_client import MalformedResponseError, VonageVoiceError
from vonage_voice_client.webhooks import UnknownEvent, parse_callback

TIMESTAMP = "2024-04-19T01:34:18.000Z"


def page(*records: dict[str, Any]) -> dict[str, Any]:
    href = "/v1/calls?page_size=10&record_index=0"
    return {
        "count": len(records),
        "page_size": 10,
        "record_index": 0,
        "_links": {"self": {"href": href}, "first": {"href": href}, "last": {"href": href}},
        "_embedded": {"calls": list(records)},
    }


def answering(body: Any, status: int = 200) -> Callable[[httpx.Request], httpx.Response]:
    raw = body if isinstance(body, bytes) else json.dumps(body).encode()
    return lambda request: httpx.Response(status, content=raw, headers={"Content-Type": "application/json"})


def fetch_call(key: rsa.RSAPrivateKey, body: Any) -> Call:
    return get_call.sync(CALL_UUID, client=mock_client(key, answering(body)))


def fetch_page(key: rsa.RSAPrivateKey, body: Any) -> CallList:
    return get_calls.sync(client=mock_client(key, answering(body)))


# (name, the record the API sends, where the kept value is read in the parsed model, the value expected there)
RECORDS: list[tuple[str, dict[str, Any], Callable[[Call], Any], Any]] = [
    ("new direction", call_record(direction="sideways"), lambda c: c.direction, "sideways"),
    ("new status", call_record(status="queued"), lambda c: c.status, "queued"),
    (
        "new endpoint type in to",
        call_record(to={"type": "fax", "fax_number": "447700900000"}),
        lambda c: c.to if isinstance(c.to, UnknownVariant) else None,
        UnknownVariant({"type": "fax", "fax_number": "447700900000"}),
    ),
    (
        "new endpoint type in from",
        call_record(**{"from": {"type": "fax", "number": "447700900001"}}),
        lambda c: c.from_.to_dict() if c.from_ else None,
        {"type": "fax", "number": "447700900001"},
    ),
    (
        "new websocket content-type in to",
        call_record(to={"type": "websocket", "uri": "wss://example.com/s", "content-type": "audio/l16;rate=48000"}),
        lambda c: c.to.to_dict()["content-type"] if c.to else None,
        "audio/l16;rate=48000",
    ),
    (
        "new field",
        call_record(recording_state="paused"),
        lambda c: c.additional_properties,
        {"recording_state": "paused"},
    ),
]


@pytest.mark.parametrize(("record", "read", "expected"), [c[1:] for c in RECORDS], ids=[c[0] for c in RECORDS])
def test_a_call_record_with_an_unlisted_value_parses_and_keeps_it(
    rsa_key: rsa.RSAPrivateKey, record: dict[str, Any], read: Callable[[Call], Any], expected: Any
) -> None:
    call = fetch_call(rsa_key, record)
    assert read(call) == expected
    assert call.to_dict() == record  # nothing lost: what came in goes out again


@pytest.mark.parametrize(("record", "read", "expected"), [c[1:] for c in RECORDS], ids=[c[0] for c in RECORDS])
def test_a_list_page_holding_such_a_record_parses(
    rsa_key: rsa.RSAPrivateKey, record: dict[str, Any], read: Callable[[Call], Any], expected: Any
) -> None:
    listing = fetch_page(rsa_key, page(call_record(), record))
    assert listing.embedded and listing.embedded.calls
    first, second = listing.embedded.calls
    assert first.status == "completed"
    assert read(second) == expected


def test_a_new_status_on_create_is_kept(rsa_key: rsa.RSAPrivateKey) -> None:
    body = {"uuid": CALL_UUID, "status": "queued", "direction": "outbound", "conversation_uuid": CON_UUID}
    request = CreateCallRequestNcco(
        to=[EndpointPhoneTo(number="447700900000")], random_from_number=True, ncco=[TalkAction(text="Hi")]
    )
    created = create_call.sync(client=mock_client(rsa_key, answering(body, 201)), body=request)
    assert created.status == "queued"


def test_a_known_endpoint_type_stays_typed(rsa_key: rsa.RSAPrivateKey) -> None:
    call = fetch_call(rsa_key, call_record())
    assert isinstance(call.to, CallEndpointPhone) and call.to.number == "447700900000"


# -- callbacks -----------------------------------------------------------------------------------------------------

EXAMPLES = yaml.safe_load((Path(__file__).parents[1] / "data" / "overlay_examples.yaml").read_text(encoding="utf-8"))
EXAMPLE_EVENTS = {case["model"]: case["body"] for case in EXAMPLES["webhooks"]}  # the first example of each model
BASE_EVENT = {"uuid": CALL_UUID, "conversation_uuid": CON_UUID, "timestamp": TIMESTAMP}
# (name, the model parse_callback must pick, a change to that model's example payload; its one key keeps its value)
CALLBACKS: list[tuple[str, str, dict[str, Any]]] = [
    ("new detail on unanswered", "UnansweredEvent", {"detail": "network_busy"}),
    ("new detail on rejected", "RejectedEvent", {"detail": "spam_suspected"}),
    ("new detail on failed", "FailedEvent", {"detail": "quota_exceeded"}),
    ("new disconnected_by on completed", "CompletedEvent", {"disconnected_by": "carrier"}),
    ("new sub_state on machine", "MachineEvent", {"sub_state": "beep_late"}),
    ("new direction on answered", "AnsweredEvent", {"direction": "sideways"}),
    ("new field on ringing", "RingingEvent", {"ringing_cause": "early_media"}),
]


@pytest.mark.parametrize(("model", "change"), [c[1:] for c in CALLBACKS], ids=[c[0] for c in CALLBACKS])
def test_a_known_callback_with_an_unlisted_value_parses_and_keeps_it(model: str, change: dict[str, Any]) -> None:
    payload = EXAMPLE_EVENTS[model] | change
    event = parse_callback(json.dumps(payload).encode())
    assert type(event).__name__ == model
    kept = event.to_dict()
    assert {key: kept[key] for key in change} == change and kept.keys() == payload.keys()


@pytest.mark.parametrize(
    "payload",
    [
        BASE_EVENT | {"status": "queued", "direction": "outbound"},  # a status this client does not know
        BASE_EVENT | {"recording_state": "paused"},  # a kind of event without a status
    ],
    ids=["new status", "new kind"],
)
def test_an_unknown_callback_parses_to_a_generic_event(payload: dict[str, Any]) -> None:
    event = parse_callback(json.dumps(payload).encode())
    assert isinstance(event, UnknownEvent)
    assert (event.status, event.uuid, event.conversation_uuid, event.timestamp) == (
        payload.get("status"),
        CALL_UUID,
        CON_UUID,
        TIMESTAMP,
    )
    assert event.payload == payload


def test_an_unknown_callback_from_a_get_query_keeps_the_query() -> None:
    event = parse_callback(query=f"status=queued&uuid={CALL_UUID}&conversation_uuid={CON_UUID}")
    assert isinstance(event, UnknownEvent) and event.payload["status"] == "queued"


def test_a_new_endpoint_type_in_the_answer_webhook_is_kept() -> None:
    payload = {"to": "447700900000", "from": "447700900001", "uuid": CALL_UUID, "conversation_uuid": CON_UUID}
    answer = parse_callback(payload | {"endpoint_type": "fax"}, kind="answer")
    assert answer.to_dict()["endpoint_type"] == "fax"


# -- unusable bodies are still errors ------------------------------------------------------------------------------

MALFORMED: list[tuple[str, Any]] = [
    ("not JSON", b"<html>502 Bad Gateway</html>"),
    ("required field missing", {k: v for k, v in call_record().items() if k != "status"}),
    ("status of the wrong JSON type", call_record(status=5)),
    ("to not an object", call_record(to="447700900000")),
    ("known endpoint type without its required field", call_record(to={"type": "phone"})),
]


@pytest.mark.parametrize("body", [c[1] for c in MALFORMED], ids=[c[0] for c in MALFORMED])
def test_an_unusable_2xx_body_is_a_malformed_response(rsa_key: rsa.RSAPrivateKey, body: Any) -> None:
    with pytest.raises(MalformedResponseError) as caught:
        fetch_call(rsa_key, body)
    assert isinstance(caught.value, VonageVoiceError)  # one `except VonageVoiceError` catches it


# -- what users send stays strict ----------------------------------------------------------------------------------

REFUSED: list[tuple[str, Callable[[], object], str]] = [
    ("talk language", lambda: StartTalkRequest(text="Hi", language="xx-XX"), "StartTalkRequest.language"),  # type: ignore[arg-type]
    ("endpoint type", lambda: EndpointPhoneTo(number="447700900000", type_="fax"), "EndpointPhoneTo.type"),  # type: ignore[arg-type]
    ("NCCO action", lambda: TalkAction(text="Hi", action="tallk"), "TalkAction.action"),  # type: ignore[arg-type]
    ("NCCO input types", lambda: InputAction(type_=["dtmf", "fax"]), "InputAction.type"),  # type: ignore[list-item]
    (
        "event method",
        lambda: CreateCallRequestNcco(to=[], ncco=[], event_method="PATCH"),  # type: ignore[arg-type]
        "CreateCallRequestNcco.event_method",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("build", "where"), [c[1:] for c in REFUSED], ids=[c[0] for c in REFUSED])
def test_a_request_value_outside_the_spec_is_refused_naming_the_field(build: Callable[[], object], where: str) -> None:
    with pytest.raises(InvalidValueError, match=rf"^{where}: ") as caught:
        build()
    assert isinstance(caught.value, VonageVoiceError) and isinstance(caught.value, ValueError)


def test_request_values_inside_the_spec_are_accepted() -> None:
    talk = StartTalkRequest(text="Hi", language="cy-GB")
    assert talk.to_dict()["language"] == "cy-GB"
    assert InputAction(type_=["dtmf", "speech"]).to_dict()["type"] == ["dtmf", "speech"]


# -- request models read from JSON (an NCCO kept in a file, say) say what is wrong and where -----------------------

NCCO_CALL: dict[str, Any] = {"to": [{"type": "phone", "number": "447700900000"}], "random_from_number": True}
ACTIONS = ["connect", "conversation", "input", "notify", "record", "stream", "talk", "transfer", "wait"]

FROM_DICT: list[tuple[str, dict[str, Any], type[Exception], str, list[str]]] = [
    ("unknown action", {"ncco": [{"action": "talk", "text": "a"}, {"action": "tlk", "text": "b"}]},
     InvalidValueError, "CreateCallRequestNcco.ncco[1].action: 'tlk' is not one of 'connect'", []),
    ("unknown endpoint type", {"to": [{"type": "fax", "number": "1"}], "ncco": []},
     InvalidValueError, "CreateCallRequestNcco.to[0].type: 'fax' is not one of 'app', 'phone'", []),
    ("talk without text", {"ncco": [{"action": "talk", "text": "a"}, {"action": "talk"}]},
     KeyError, "text", ["in CreateCallRequestNcco.ncco[1] (action 'talk')"]),
    ("nested endpoint without number", {"ncco": [{"action": "connect", "endpoint": [{"type": "phone"}]}]},
     KeyError, "number",
     ["in ConnectAction.endpoint[0] (type 'phone')", "in CreateCallRequestNcco.ncco[0] (action 'connect')"]),
    ("an action that is not an object", {"ncco": ["talk"]},
     TypeError, "CreateCallRequestNcco.ncco[0]: expected a JSON object, got str", []),
    ("an NCCO that is not a list", {"ncco": {"action": "talk", "text": "a"}},
     TypeError, "CreateCallRequestNcco.ncco: expected a list, got dict", []),
    ("enum value", {"ncco": [], "event_method": "PATCH"},
     InvalidValueError, "CreateCallRequestNcco.event_method: 'PATCH' is not one of 'GET', 'POST'", []),
    ("enum value that is an object", {"ncco": [], "event_method": {"GET": 1}},
     InvalidValueError, "CreateCallRequestNcco.event_method: {'GET': 1} is not one of", []),
    ("enum list value in an action", {"ncco": [{"action": "input", "type": ["fax"]}]},
     InvalidValueError, "InputAction.type: 'fax' is not one of 'dtmf', 'speech'",
     ["in CreateCallRequestNcco.ncco[0] (action 'input')"]),
    ("enum list that is a string", {"ncco": [{"action": "input", "type": "dtmf"}]},
     TypeError, "InputAction.type: expected a list, got str", ["in CreateCallRequestNcco.ncco[0] (action 'input')"]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("change", "error", "message", "notes"), [c[1:] for c in FROM_DICT], ids=[c[0] for c in FROM_DICT]
)
def test_a_request_read_from_json_names_what_is_wrong_and_where(
    change: dict[str, Any], error: type[Exception], message: str, notes: list[str]
) -> None:
    """The generator's stock from_dict tried each kind in turn and reported the last one's complaint: a talk action
    without text was "Unexpected value 'talk'. Expected one of {'transfer'}"."""
    with pytest.raises(error) as caught:
        CreateCallRequestNcco.from_dict({**NCCO_CALL, **change})
    assert message in str(caught.value)
    assert getattr(caught.value, "__notes__", []) == notes


def test_every_ncco_action_kind_is_read_back_as_its_own_class() -> None:
    ncco: list[dict[str, Any]] = [
        {"action": "connect", "endpoint": [{"type": "sip", "uri": "sip:a@example.com"}]},
        {"action": "conversation", "name": "room"},
        {"action": "input", "type": ["dtmf"]},
        {"action": "notify", "payload": {"a": 1}, "eventUrl": ["https://example.com/n"]},
        {"action": "record"},
        {"action": "stream", "streamUrl": ["https://example.com/a.mp3"]},
        {"action": "talk", "text": "hi"},
        {"action": "transfer", "conversationId": "CON-1"},
        {"action": "wait"},
    ]
    request = CreateCallRequestNcco.from_dict({**NCCO_CALL, "ncco": ncco})
    assert [type(action).__name__.removesuffix("Action").lower() for action in request.ncco] == ACTIONS
    assert request.to_dict()["ncco"] == ncco
