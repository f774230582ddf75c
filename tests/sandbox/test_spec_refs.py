"""The repository's one `$ref` reader (vonage_voice_sandbox.spec.refs): RFC 6901 escapes, local references only,
and a clear error for a reference that cannot be followed. The sandbox, the build tools and the suites all read
references through it, so a reader that got `~1` or `~01` wrong would send every one of them to the wrong node."""

from __future__ import annotations

from typing import Any

import pytest

from vonage_voice_sandbox import patched_spec_path
from vonage_voice_sandbox.spec.defaults import SpecDefaults
from vonage_voice_sandbox.spec.document import load_spec
from vonage_voice_sandbox.spec.refs import RefError, follow_refs, pointer_tokens, resolve_ref

SMALL: dict[str, Any] = {
    "keys": {"a/b": "slash", "~1": "tilde-one", "~": "tilde", "/": "bare slash", "": "empty"},
    "list": ["first", {"$ref": "#/keys/a~1b"}],
    "alias": {"$ref": "#/list/1"},
    "loop": {"$ref": "#/loop2"},
    "loop2": {"$ref": "#/loop"},
    "dangling": {"$ref": "#/keys/gone"},
}


def _escape(key: str) -> str:
    """The pointer token for ``key`` (RFC 6901: ``~`` first, then ``/``)."""
    return key.replace("~", "~0").replace("/", "~1")


@pytest.mark.parametrize(
    ("ref", "expected"),
    [
        ("#/keys/a~1b", "slash"),
        ("#/keys/~01", "tilde-one"),  # ~0 then 1, not ~ then ~1: unescaping ~1 first is what keeps them apart
        ("#/keys/~0", "tilde"),
        ("#/keys/~1", "bare slash"),
        ("#/keys/", "empty"),
        ("#/list/0", "first"),
        ("#/keys/a%7E1b", "slash"),  # a URI fragment is percent-decoded, then read as a pointer
    ],
)
def test_each_escape_reaches_its_own_key(ref: str, expected: str) -> None:
    assert resolve_ref(SMALL, ref) == expected


def test_the_empty_fragment_is_the_whole_document_and_tokens_come_unescaped() -> None:
    assert resolve_ref(SMALL, "#") is SMALL
    assert pointer_tokens("#/paths/~1v1~1calls/~01~0") == ["paths", "/v1/calls", "~1~"]


@pytest.mark.parametrize(
    ("ref", "says"),
    [
        ("#/keys/gone", "points at nothing"),
        ("#/list/2", "points at nothing"),
        ("#/keys/a~1b/deeper", "points at nothing"),
        ("other.yaml#/components/schemas/Call", "not a local reference"),
        ("https://example.com/voice.yaml#/paths", "not a local reference"),
        ("#keys", "not a JSON pointer"),
    ],
)
def test_a_reference_that_cannot_be_followed_is_refused_by_name(ref: str, says: str) -> None:
    with pytest.raises(RefError, match=says) as refused:
        resolve_ref(SMALL, ref)
    assert repr(ref) in str(refused.value)


def test_a_chain_is_followed_to_its_end_and_a_cycle_or_a_dangling_end_is_an_error() -> None:
    assert follow_refs(SMALL, SMALL["alias"]) == "slash"
    assert follow_refs(SMALL, {"type": "string"}) == {"type": "string"}
    assert follow_refs(SMALL, {"$ref": {"not": "a reference"}}) == {"$ref": {"not": "a reference"}}  # a property
    with pytest.raises(RefError, match="leads back to itself"):
        follow_refs(SMALL, SMALL["loop"])
    with pytest.raises(RefError, match="points at nothing"):
        follow_refs(SMALL, SMALL["dangling"])


def test_every_path_of_the_patched_spec_is_reached_through_its_escaped_pointer() -> None:
    document = load_spec(patched_spec_path()).document
    paths = document["paths"]
    assert any("/" in key and "{" in key for key in paths)  # the keys the escapes exist for
    for key, item in paths.items():
        assert resolve_ref(document, f"#/paths/{_escape(key)}") is item, key
        encoded = _escape(key).replace("{", "%7B").replace("}", "%7D")
        assert resolve_ref(document, f"#/paths/{encoded}") is item, key


def test_the_sandbox_follows_an_escaped_reference_into_the_spec() -> None:
    spec = load_spec()
    key, item = next((key, item) for key, item in spec.document["paths"].items() if "{" in key and "get" in item)
    assert SpecDefaults(spec).resolve({"$ref": f"#/paths/{_escape(key)}/get"}) is item["get"]
    assert SpecDefaults(spec).resolve({"$ref": "other.yaml#/paths"}) == {}  # not read: nothing to apply
