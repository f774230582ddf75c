"""Mistakes a user makes, each of which ``mypy --strict`` must report: ``tests/project/test_typecheck_user_code.py``
runs mypy on this file and expects exactly the errors marked ``# mypy: <error code>`` on their lines, no more, no fewer.

Kept out of ``make lint``'s mypy run (``[tool.mypy] exclude`` in pyproject.toml), since every marked line fails.
"""

from __future__ import annotations

from collections.abc import Mapping

from vonage_voice_api.api.calls import create_call, get_call
from vonage_voice_api.models import (
    CreateCallRequestNcco,
    EndpointPhoneTo,
    Hangup,
    InputAction,
    InputEvent,
    TalkAction,
)
from vonage_voice_api.models import TalkActon as Talk  # mypy: attr-defined

from vonage_voice_client import NccoAction, VoiceClient, construct_event, iter_calls
from vonage_voice_client import NccoActoin as Step  # mypy: attr-defined
from vonage_voice_client.webhooks import parse_callback


def misspelt_imports() -> list[Step]:  # both names are Any from here on: nothing is checked against them
    return [Talk(text="Hello")]


def status_typo(client: VoiceClient) -> int:
    return len(list(iter_calls(client, status="complete")))  # mypy: arg-type


def price_as_a_number(client: VoiceClient) -> float:
    total = 0.0
    for call in iter_calls(client):
        total += float(call.price)  # mypy: arg-type
    return total


def price_in_arithmetic(client: VoiceClient, uuid: str) -> float:
    call = get_call.sync(uuid, client=client)
    return call.price * 1.2  # mypy: operator


def wrong_action_in_an_ncco() -> list[NccoAction]:
    return [TalkAction(text="Goodbye"), Hangup()]  # mypy: list-item


def list_typed_too_narrowly(client: VoiceClient) -> None:
    steps: list[TalkAction | InputAction] = [TalkAction(text="Hello")]
    body = CreateCallRequestNcco(
        to=[EndpointPhoneTo(number="14155550100")],
        random_from_number=True,
        ncco=steps,  # mypy: arg-type
    )
    create_call.sync(client=client, body=body)


def misspelt_field() -> TalkAction:
    return TalkAction(txt="Hello")  # mypy: call-arg


def uuid_of_the_wrong_type(client: VoiceClient) -> None:
    get_call.sync(42, client=client)  # mypy: arg-type


def answer_read_as_an_event(body: bytes) -> object:
    webhook = parse_callback(body, kind="answer")
    return webhook.status  # mypy: attr-defined


def kind_typo(body: bytes) -> object:
    return parse_callback(body, kind="events")  # mypy: call-overload


def optional_part_read_directly(body: bytes) -> object:
    event = parse_callback(body, kind="event")
    if isinstance(event, InputEvent):
        return event.dtmf.digits  # mypy: union-attr
    return None


def secret_forgotten(headers: Mapping[str, str], body: bytes) -> object:
    return construct_event(method="POST", headers=headers, body=body)  # mypy: call-overload
