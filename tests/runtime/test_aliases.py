"""The union aliases name exactly the spec's oneOf members, and are what the generated fields accept."""

from __future__ import annotations

import typing
from pathlib import Path
from typing import Any

import pytest
import yaml
from vonage_voice_api.models import Call, ConnectAction, CreateCallRequestNcco
from vonage_voice_api.types import UnknownVariant

from vonage_voice_client import aliases

ROOT = Path(__file__).resolve().parents[2]
SCHEMAS: dict[str, Any] = yaml.safe_load((ROOT / "openapi" / "voice-v1.patched.yaml").read_text(encoding="utf-8"))[
    "components"
]["schemas"]
RENAMED = {"EndpointVBCExtension": "EndpointVbcExtension"}  # openapi/generator.yaml class_overrides


def one_of(schema: dict[str, Any]) -> set[str]:
    names = (member["$ref"].rsplit("/", 1)[1] for member in schema["oneOf"])
    return {RENAMED.get(name, name) for name in names}


def members(alias: object) -> set[str]:
    return {member.__name__ for member in typing.get_args(alias)}


@pytest.mark.parametrize(
    ("alias", "schema"),
    [
        (aliases.NccoAction, SCHEMAS["NccoAction"]),
        (aliases.ConnectEndpoint, SCHEMAS["ConnectEndpoint"]),
        (aliases.Endpoint, SCHEMAS["CreateCallRequestBase"]["properties"]["to"]["items"]),
    ],
    ids=["NccoAction", "ConnectEndpoint", "Endpoint"],
)
def test_each_alias_is_the_spec_union(alias: object, schema: dict[str, Any]) -> None:
    assert members(alias) == one_of(schema)


def test_the_call_endpoint_alias_is_the_record_union_plus_the_unknown_kind() -> None:
    assert members(aliases.CallEndpoint) == one_of(SCHEMAS["GetCallResponse"]["properties"]["to"]) | {"UnknownVariant"}
    assert UnknownVariant in typing.get_args(aliases.CallEndpoint)


def test_each_alias_is_the_type_of_the_generated_fields() -> None:
    def field(cls: type, name: str) -> set[str]:
        hint = typing.get_type_hints(cls)[name]
        inner = typing.get_args(hint)[0] if typing.get_origin(hint) is list else hint
        return {arg.__name__ for arg in typing.get_args(inner)} - {"Unset"}

    assert field(CreateCallRequestNcco, "ncco") == members(aliases.NccoAction)
    assert field(CreateCallRequestNcco, "to") == members(aliases.Endpoint)
    assert field(ConnectAction, "endpoint") == members(aliases.ConnectEndpoint)
    assert field(Call, "to") == members(aliases.CallEndpoint)
