"""The strict writer: a request model refuses, when it is built, every value the patched spec does not allow.

The cases are read from the patched spec, not written by hand: every constrained property of every schema we send
(component or inline object, allOf merged, ``$ref`` followed) gives a value just inside each bound, which builds, and
one just outside, which raises InvalidValueError naming the field. A constraint a spec update adds is covered the day
it arrives, and a kind of constraint this file does not know fails the inventory test.
"""

from __future__ import annotations

import math
import re
import typing
from collections.abc import Callable, Iterator
from typing import Any

import attrs
import pytest
import yaml
from vonage_voice_api import models
from vonage_voice_api.errors import InvalidValueError

from tests.pipeline.spec_examples import PATCHED, ROOT, instances, load, operation_modules, operations, resolve, snake
from tools.directions import api_sent_components

RAW = load(PATCHED)
OVERRIDES = yaml.safe_load((ROOT / "openapi" / "generator.yaml").read_text(encoding="utf-8"))["class_overrides"]
KNOWN = {"type", "minLength", "maxLength", "pattern", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"}
KNOWN |= {"minItems", "maxItems", "uniqueItems", "format", "items", "enum", "anyOf", "nullable"}
IGNORED = {"description", "example", "default", "title", "deprecated"}
URI_INSIDE, URI_OUTSIDE = "https://example.com/hook", "not a uri"


def pascal(text: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in re.split(r"[^A-Za-z0-9]+", text) if part)


def class_name(derived: str) -> str:
    return str(OVERRIDES.get(derived, {}).get("class_name", derived))


def merged(schema: dict[str, Any], spec: dict[str, Any] | None = None) -> dict[str, Any]:
    """A schema with its $ref followed and its allOf members merged in (properties too)."""
    spec = SPEC if spec is None else spec
    schema = resolve(spec, schema)
    out: dict[str, Any] = {}
    for part in schema.get("allOf", []):
        part = merged(part, spec)
        out.update({key: value for key, value in part.items() if key != "properties"})
        out["properties"] = {**out.get("properties", {}), **part.get("properties", {})}
    own = {key: value for key, value in schema.items() if key != "allOf"}
    props = {**out.get("properties", {}), **own.get("properties", {})}
    out.update(own)
    if props:
        out["properties"] = props
    return out


def _valid_examples(node: Any) -> Any:
    """The spec with an example inside its bounds on every bounded scalar: the instances built from it are valid."""
    if isinstance(node, list):
        return [_valid_examples(value) for value in node]
    if not isinstance(node, dict):
        return node
    node = {key: _valid_examples(value) for key, value in node.items()}
    if "allOf" in node and "enum" in merged(node, RAW):  # `allOf: [$ref HttpMethod]`: the enum's first value
        node["example"], node["type"] = merged(node, RAW)["enum"][0], "string"
    if node.get("type") in ("integer", "number") and ("minimum" in node or "maximum" in node):
        guess = node.get("example", node.get("default", node.get("minimum", 0)))
        node["example"] = min(max(guess, node.get("minimum", -math.inf)), node.get("maximum", math.inf))
    if node.get("format") == "uri":
        node.setdefault("example", URI_INSIDE)
    if node.get("type") == "string" and "minLength" in node:  # a number of AddressE164's length, say
        node.setdefault("example", "1" * node["minLength"])
    return node


# The patched spec as it is, but for valid examples on bounded values: every instance built from it is valid.
SPEC = _valid_examples(RAW)
MODULES = operation_modules()


def request_models() -> Iterator[tuple[str, dict[str, Any]]]:
    """(generated class name, merged schema) of every object schema we send, inline objects included."""
    schemas = SPEC["components"]["schemas"]
    for name in sorted(set(schemas) - api_sent_components(SPEC)):
        schema = merged(schemas[name])
        if "properties" in schema and "oneOf" not in schema:
            yield from _with_inline(class_name(pascal(schemas[name].get("title") or name)), schema)
    for _, _, operation_id, operation in operations(SPEC):  # bodies written in the operation (subscribeDTMF's)
        schema = operation.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema", {})
        if "properties" in schema:
            body = typing.get_type_hints(MODULES[snake(operation_id)].sync_detailed)["body"]
            yield from _with_inline(body.__name__, merged(schema))


def _with_inline(name: str, schema: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    yield name, schema
    for prop, sub in schema["properties"].items():
        if "$ref" not in sub and "properties" in sub:
            yield from _with_inline(class_name(name + pascal(prop)), merged(sub))


def scalar_rule(schema: dict[str, Any]) -> dict[str, Any] | None:
    """A property's schema when a value of it is checked by its own model's table (not an object, not an enum)."""
    schema = merged(schema)
    if "enum" in schema or "properties" in schema or schema.get("type") == "object" or "oneOf" in schema:
        return None
    if "anyOf" in schema and any(scalar_rule(choice) is None for choice in schema["anyOf"]):
        return None
    return schema


def attribute(cls: type, json_name: str) -> str:
    snake = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", json_name).replace("-", "_").lower()
    return snake if snake in attrs.fields_dict(cls) else snake + "_"


def fit(example: str, length: int) -> str:
    return example[:length] if len(example) >= length else example + (example[-1:] or "1") * (length - len(example))


def bounds(rule: dict[str, Any], example: Any) -> Iterator[tuple[str, Any, Any]]:
    """(keyword, a value just inside, a value just outside) of each constraint of a rule; None: no such value."""
    if "anyOf" in rule:
        for choice in rule["anyOf"]:  # a value of one choice's type breaks every other choice by its type
            yield from bounds(merged(choice), _example_of(merged(choice)))
        return
    kind = rule["type"]
    yield "type", example, {"string": 5, "integer": "5", "number": "1.5", "boolean": "yes", "array": "x"}[kind]
    pattern = re.compile(rule["pattern"]) if "pattern" in rule else None
    for key in ("minLength", "maxLength"):
        if key in rule:
            step = -1 if key == "minLength" else 1
            inside = fit(example, rule[key])
            yield key, inside if not pattern or pattern.search(inside) else None, fit(example, rule[key] + step)
    if pattern:
        yield "pattern", example, "~" * max(len(example), rule.get("minLength", 1))
    if rule.get("format") == "uri":
        yield "format", URI_INSIDE, URI_OUTSIDE
    for key, down in (("minimum", True), ("maximum", False), ("exclusiveMinimum", False), ("exclusiveMaximum", True)):
        if key in rule:
            limit = rule[key]
            if kind == "integer":
                nearest = limit - 1 if down else limit + 1
            else:
                nearest = math.nextafter(limit, -math.inf if down else math.inf)
            yield (key, limit, nearest) if key in ("minimum", "maximum") else (key, nearest, limit)
    items = example if isinstance(example, list) and example else [None]
    distinct = (merged(rule.get("items", {})).get("enum") or items) * 2
    for key, step in (("minItems", -1), ("maxItems", 1)):
        if key in rule:
            unique = bool(rule.get("uniqueItems"))
            inside, outside = rule[key], rule[key] + step
            yield (
                key,
                *((distinct[:inside], distinct[:outside]) if unique else ([items[0]] * inside, [items[0]] * outside)),
            )
    if rule.get("uniqueItems"):
        yield "uniqueItems", distinct[:2], [distinct[0]] * 2
    item_rule = scalar_rule(rule["items"]) if "items" in rule else None
    if item_rule is not None and "type" in item_rule:  # each item's rule (eventUrl's format uri), on a list of one
        for key, inside, outside in bounds(item_rule, items[0]):
            yield f"items-{key}", None if inside is None else [inside], [outside]


def valid(rule: dict[str, Any], example: Any) -> Any:
    """The spec's example of a property, brought inside its bounds (a placeholder 1 where the minimum is 30)."""
    if "anyOf" in rule or example is None:
        return example
    low = rule.get("minimum", -math.inf)
    high = rule.get("maximum", math.inf)
    if rule["type"] in ("integer", "number"):
        return min(max(example, low), high)
    if rule["type"] == "array" and len(example) < rule.get("minItems", 0):
        return example * rule["minItems"]
    return example


def _example_of(schema: dict[str, Any]) -> Any:
    return {"number": 0.5, "integer": 1, "boolean": True}.get(schema["type"], schema.get("example", "0.5"))


def cases() -> Iterator[Any]:
    for name, schema in request_models():
        for json_name, prop in schema["properties"].items():
            rule = scalar_rule(prop)
            if rule is None:
                continue
            example = valid(rule, instances(SPEC, prop)[0]) if "anyOf" not in rule else None
            for keyword, inside, outside in bounds(rule, example):
                yield pytest.param(name, schema, json_name, inside, outside, id=f"{name}.{json_name}-{keyword}")


def base(name: str, schema: dict[str, Any], keep: str) -> Any:
    """A valid model of the schema holding ``keep``: the spec's example, bounded, without the optional fields that
    a rule of the whole object excludes beside another (`mute` and `canSpeak`)."""
    body = instances(SPEC, schema)[0]
    for json_name, prop in schema["properties"].items():
        rule = scalar_rule(prop)
        if rule is not None and json_name in body:
            body[json_name] = valid(rule, body[json_name])
    while True:
        try:
            return getattr(models, name).from_dict(body)
        except InvalidValueError as error:
            required = schema.get("required", [])
            optional = [f for f in error.field.split("/") if f in body and f != keep and f not in required]
            if "/" not in error.field or not optional:
                raise
            del body[optional[0]]


@pytest.mark.parametrize(("name", "schema", "json_name", "inside", "outside"), list(cases()))
def test_a_value_just_inside_builds_and_one_just_outside_is_refused(
    name: str, schema: dict[str, Any], json_name: str, inside: Any, outside: Any
) -> None:
    model = base(name, schema, json_name)
    field = attribute(type(model), json_name)
    if inside is not None:
        attrs.evolve(model, **{field: inside})
    with pytest.raises(InvalidValueError) as raised:
        attrs.evolve(model, **{field: outside})
    assert (raised.value.model, raised.value.field.partition("[")[0]) == (name, json_name)


def test_every_constraint_of_a_request_schema_is_one_the_cases_know() -> None:
    """A keyword a spec update brings (multipleOf, say) must get cases here, not pass unchecked."""
    unknown = set()
    for name, schema in request_models():
        for json_name, prop in schema["properties"].items():
            rule = scalar_rule(prop)
            for part in [rule, *(rule or {}).get("anyOf", []), scalar_rule((rule or {}).get("items", {}))]:
                if part:
                    keys = {key for key in merged(part) if not key.startswith("x-")}
                    unknown |= {f"{name}.{json_name}: {key}" for key in keys - KNOWN - IGNORED}
    assert not unknown
    assert len(list(cases())) > 100


def test_the_six_values_of_the_issue_are_refused() -> None:
    refused: dict[str, Callable[[], object]] = {
        "EndpointPhoneTo.number: '12' breaks the spec's minLength 7": lambda: models.EndpointPhoneTo(number="12"),
        "EndpointWebsocket.uri: 'http://x' breaks the spec's pattern '^wss?://'": lambda: models.EndpointWebsocket(
            uri="http://x", content_type="audio/l16;rate=16000"
        ),
        "ConnectAction.endpoint: [] breaks the spec's minItems 1": lambda: models.ConnectAction(endpoint=[]),
        "RecordAction.endOnSilence: -3 breaks the spec's minimum 3": lambda: models.RecordAction(end_on_silence=-3),
        "TalkAction.level: 5 breaks the spec's maximum 1": lambda: models.TalkAction(text="Hi", level=5),
        "RecordAction.beepStart: 'yes' breaks the spec's type boolean": lambda: models.RecordAction.from_dict(
            {"action": "record", "beepStart": "yes"}
        ),
    }
    for message, build in refused.items():
        with pytest.raises(InvalidValueError) as raised:
            build()
        assert str(raised.value) == message


def test_from_dict_reads_the_string_forms_of_d32_as_json_values() -> None:
    """NCCOs in the wild send "true" and "45" (D32): read as the boolean and number, so what is sent is typed."""
    record = models.RecordAction.from_dict({"action": "record", "beepStart": "true", "endOnSilence": "4"})
    assert (record.beep_start, record.end_on_silence) == (True, 4)
    assert record.to_dict()["beepStart"] is True
    talk = models.TalkAction.from_dict({"action": "talk", "text": "Hi", "level": "-0.5", "bargeIn": "false"})
    assert (talk.level, talk.barge_in) == (-0.5, False)
    for odd in ({"beepStart": "True"}, {"beepStart": "1"}, {"endOnSilence": "4.5"}, {"endOnSilence": "four"}):
        with pytest.raises(InvalidValueError):
            models.RecordAction.from_dict({"action": "record", **odd})


def test_a_broken_field_deep_in_a_request_says_where_it_is() -> None:
    connect = {"action": "connect", "endpoint": [{"type": "phone", "number": "1"}]}
    body = {"to": [{"type": "phone", "number": "447700900000"}], "ncco": [{"action": "talk", "text": "Hi"}, connect]}
    with pytest.raises(InvalidValueError) as raised:
        models.CreateCallRequestNcco.from_dict(body)
    error = raised.value
    assert (error.model, error.field, error.rule) == ("ConnectEndpointPhone", "number", "minLength 7")
    assert "in CreateCallRequestNcco.ncco[1] (action 'connect')" in raised.value.__notes__


def test_models_the_api_sends_stay_tolerant() -> None:
    # A call record with a number the request side would refuse: what the API sends is read as it is.
    body = instances(SPEC, {"$ref": "#/components/schemas/GetCallResponse"})[0]
    body["to"] = {"type": "phone", "number": "12"}
    assert models.Call.from_dict(body).to_dict()["to"]["number"] == "12"


def test_rules_on_the_whole_object_are_checked() -> None:
    """The spec's `not` and `oneOf` over which fields an object holds, and the type of its additional properties."""
    phone = models.ConnectEndpointPhone(number="447700900000")
    with pytest.raises(InvalidValueError, match="mutually exclusive") as raised:
        models.ConnectAction(endpoint=[phone], from_="447700900001", random_from_number=True)
    assert (raised.value.model, raised.value.field) == ("ConnectAction", "from/randomFromNumber")
    models.ConnectAction(endpoint=[phone], from_="447700900001", random_from_number=False)
    with pytest.raises(InvalidValueError, match="exactly one of: By URI; By user and domain"):
        models.ConnectEndpointSip(uri="sip:a@example.com", user="a")
    models.ConnectEndpointSip(user="a", domain="trunk")
    with pytest.raises(InvalidValueError, match="With from; With a random from number"):
        models.CreateCallRequestNcco(to=[models.EndpointPhoneTo(number="447700900000")], ncco=[models.WaitAction()])
    with pytest.raises(InvalidValueError, match=r"EndpointSipHeaders\.x: 5 breaks the spec's type string"):
        models.EndpointSip.from_dict({"type": "sip", "uri": "sip:a@example.com", "headers": {"x": 5}})
    headers = models.EndpointSipHeaders()
    headers["x"] = "1"
    with pytest.raises(InvalidValueError):
        headers["y"] = 5  # type: ignore[assignment]
