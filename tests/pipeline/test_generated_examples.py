"""The generated models parse what the API sends and give it back unchanged.

Bodies come from three places: every 2xx example of the patched spec (each oneOf branch), the published spec's own
examples (space-separated times included), and responses shaped like the real ones the official SDKs record
(tests/data/real_responses.yaml). Date-times are compared as instants: the models turn
`2024-04-19T01:34:18.000Z` into a datetime and back into `2024-04-19T01:34:18+00:00`, the same instant.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from dateutil.parser import isoparse
from vonage_voice_api import Client
from vonage_voice_api.types import File

from tests.pipeline.spec_examples import PATCHED, UPSTREAM, load, operation_modules, snake, success_examples

MODULES = operation_modules()
CLIENT = Client(base_url="http://127.0.0.1:9")
REAL = yaml.safe_load((Path(__file__).parents[1] / "data" / "real_responses.yaml").read_text(encoding="utf-8"))


def parse(operation_id: str, status: int, body: Any) -> Any:
    module = MODULES[snake(operation_id)]
    return module._parse_response(client=CLIENT, response=httpx.Response(status, json=body))


def normalise(value: Any) -> Any:
    """Date-time strings become datetimes so that equal instants compare equal."""
    if isinstance(value, dict):
        return {k: normalise(v) for k, v in value.items()}
    if isinstance(value, list):
        return [normalise(v) for v in value]
    if isinstance(value, str) and len(value) >= 19 and value[4] == "-" and value[10] in "T ":
        try:
            return isoparse(value)
        except ValueError:
            return value
    return value


@pytest.mark.parametrize(("operation_id", "status", "body"), list(success_examples(load(PATCHED))))
def test_patched_spec_examples_round_trip(operation_id: str, status: int, body: Any) -> None:
    parsed = parse(operation_id, status, body)
    if isinstance(parsed, File):  # downloadFile gives any file back as its bytes (a transcript's JSON included)
        assert json.loads(parsed.payload.read()) == body
        return
    assert normalise(parsed.to_dict()) == normalise(body)


@pytest.mark.parametrize(("operation_id", "status", "body"), list(success_examples(load(UPSTREAM))))
def test_published_examples_parse_without_crashing(operation_id: str, status: int, body: Any) -> None:
    parsed = parse(operation_id, status, body)
    if isinstance(body, dict) and "start_time" in body:
        assert isinstance(parsed.start_time, datetime), "a space-separated published time still parses"


@pytest.mark.parametrize("case", REAL, ids=[case["name"] for case in REAL])
def test_real_shaped_responses_round_trip(case: dict[str, Any]) -> None:
    parsed = parse(case["operation"], case["status"], case["body"])
    assert normalise(parsed.to_dict()) == normalise(case["body"])
