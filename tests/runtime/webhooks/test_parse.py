"""parse_callback: every answer and event payload becomes its generated model, from a POST body or a GET query."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest
import yaml

from vonage_voice_client.webhooks import CallbackParseError, parse_callback
from vonage_voice_sandbox.delivery.deliverer import callback_request

EXAMPLES = yaml.safe_load((Path(__file__).parents[2] / "data" / "overlay_examples.yaml").read_text(encoding="utf-8"))
WEBHOOKS = [case for case in EXAMPLES["webhooks"] if case["model"] != "NotifyEvent"]


@pytest.mark.parametrize("case", WEBHOOKS, ids=[case["name"] for case in WEBHOOKS])
def test_each_payload_is_recognised_from_its_json_body(case: dict[str, Any]) -> None:
    parsed = parse_callback(json.dumps(case["body"]).encode())
    assert type(parsed).__name__ == case["model"]
    key = "conversation_uuid" if "conversation_uuid" in case["body"] else "uuid"
    assert parsed.to_dict()[key] == case["body"][key]


def test_answer_webhook_from_a_get_query() -> None:
    query = urlencode(
        {
            "to": "447700900000",
            "from": "447700900001",
            "uuid": "63f61863-4a51-4f6b-86e1-46edebcf9356",
            "conversation_uuid": "CON-f972836a-550f-45fa-956c-12a2ab5b7d22",
            "region_url": "https://api-eu-3.vonage.com",
        }
    )
    answer = parse_callback(query=query)
    assert type(answer).__name__ == "AnswerWebhook"
    assert answer.to_dict()["region_url"] == "https://api-eu-3.vonage.com"


def test_objects_in_a_get_query_are_read_as_the_sandbox_sends_them() -> None:
    """A GET callback carries an object (``custom_data``, an input's ``dtmf``) as compact JSON: read as the object;
    a string field holding JSON-like text stays a string."""
    answer = {
        "to": "447700900000",
        "from": "{not json}",
        "uuid": "63f61863-4a51-4f6b-86e1-46edebcf9356",
        "conversation_uuid": "CON-f972836a-550f-45fa-956c-12a2ab5b7d22",
        "custom_data": {"customer": {"tier": "gold"}, "ids": [1, 2]},
    }
    query, _ = callback_request("GET", answer)
    parsed = parse_callback(query=urlencode(query or {}), kind="answer")
    assert parsed.to_dict()["custom_data"] == answer["custom_data"]
    assert parsed.to_dict()["from"] == "{not json}"
    event = {
        "uuid": "63f61863-4a51-4f6b-86e1-46edebcf9356",
        "conversation_uuid": "CON-f972836a-550f-45fa-956c-12a2ab5b7d22",
        "timestamp": "2024-04-19T01:34:18.000Z",
        "dtmf": {"digits": "12", "timed_out": False},
    }
    query, _ = callback_request("GET", event)
    assert parse_callback(query=query, kind="event").to_dict()["dtmf"] == event["dtmf"]


def test_notify_is_parsed_only_when_asked_for() -> None:
    payload = {"order": "1234", "step": "paid"}
    with pytest.raises(CallbackParseError, match="cannot tell"):
        parse_callback(payload)
    notify = parse_callback(payload, kind="notify")
    assert type(notify).__name__ == "NotifyEvent" and notify.to_dict() == payload


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        (b"not json", "not JSON"),
        (b"[1, 2]", "JSON list"),
        (b'{"order": "1234"}', "cannot tell which callback"),
        (b'{"status": "completed"}', "does not match CompletedEvent"),
        (None, "no payload"),
    ],
)
def test_bad_payloads_get_clear_errors(body: bytes | None, fragment: str) -> None:
    with pytest.raises(CallbackParseError, match=fragment):
        parse_callback(body)


def test_a_query_naming_a_parameter_twice_is_refused() -> None:
    # Frameworks disagree on which value wins; the parser must not pick one that verification did not see.
    with pytest.raises(CallbackParseError, match="more than once"):
        parse_callback(query="status=completed&uuid=a&status=answered&conversation_uuid=CON-x")
