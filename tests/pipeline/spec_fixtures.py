"""Synthetic next releases of the spec, made from the vendored file when tests/pipeline/test_update_spec_runs.py runs.

Each is openapi/voice-v1.yaml (Vonage's published file) with a few textual edits and nothing else: every edit must
match exactly once, so when the vendored file changes so much that an edit no longer fits, the fixture fails by
name instead of silently testing something else. The archive's `# x-archived-*` lines are replaced by a comment
saying what the fixture is (a made-up release has no archive).

* next-breaking: three breaking changes and one addition:
  GetCallResponse loses `network` (a removed response field; the `network` schema stays), StartTalkRequest's
  language loses `no-NO` (a narrowed request enum; `nb-NO` remains), getCalls gains the required query parameter
  `region` (a new required parameter), and GetCallResponse gains the optional integer `sip_code`.
* next-renamed: the schema `conversation_uuid` is renamed `ConversationId` (its three `$ref`s too), so the overlay
  that fixes it (overlays/02-conversation-uuid.yaml) targets nothing.
"""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
VENDORED = REPO / "openapi" / "voice-v1.yaml"
NEXT_VERSION = "1.11.0"
ARCHIVE_LINES = re.compile(r"\A(?:#\s*x-archived-[a-z-]+:.*\n)+")
VERSION_LINE = re.compile(r"^(info:\n  version: )(.+)$", re.MULTILINE)

REGION = """\
      - name: region
        in: query
        required: true
        description: Only return the calls handled in this region.
        schema:
          type: string
          example: eu-west
          enum:
          - na-east
          - na-west
          - eu-east
          - eu-west
          - apac-sng
          - apac-australia
"""
BREAKING_EDITS = [
    (  # getCalls gains a required query parameter, after its last one
        "          $ref: '#/components/schemas/conversation_uuid'\n      responses:\n",
        "          $ref: '#/components/schemas/conversation_uuid'\n" + REGION + "      responses:\n",
    ),
    (  # StartTalkRequest.language (the `language` component) loses no-NO
        "      - nl-NL\n      - no-NO\n      - pl-PL\n",
        "      - nl-NL\n      - pl-PL\n",
    ),
    (  # GetCallResponse: network out, sip_code in
        "        network:\n          $ref: '#/components/schemas/network'\n    GetCallsResponse:\n",
        "        sip_code:\n          type: integer\n"
        "          description: The SIP response code that ended the call, when it ended with one.\n"
        "          example: 200\n    GetCallsResponse:\n",
    ),
]
RENAMED_EDITS = [
    ("    conversation_uuid:\n      type: string\n", "    ConversationId:\n      type: string\n"),
]


class FixtureRecipeError(AssertionError):
    """An edit no longer fits the vendored file."""


def _edit(text: str, old: str, new: str, count: int = 1) -> str:
    found = text.count(old)
    if found != count:
        raise FixtureRecipeError(f"fixture edit expects {count} match(es) in {VENDORED.name}, found {found}: {old!r}")
    return text.replace(old, new)


def _as_release(text: str, comment: str) -> str:
    if not ARCHIVE_LINES.match(text):
        raise FixtureRecipeError(f"{VENDORED.name} no longer opens with its `# x-archived-*` lines")
    text = ARCHIVE_LINES.sub(comment, text, count=1)
    text, replaced = VERSION_LINE.subn(rf"\g<1>{NEXT_VERSION}", text, count=1)
    if not replaced:
        raise FixtureRecipeError(f"no `info:` / `  version:` lines in {VENDORED.name}")
    return text


def next_breaking(text: str) -> str:
    for old, new in BREAKING_EDITS:
        text = _edit(text, old, new)
    comment = (
        f"# Test fixture (tests/pipeline/spec_fixtures.py): a made-up {NEXT_VERSION} with three breaking changes.\n"
    )
    return _as_release(text, comment)


def next_renamed(text: str) -> str:
    for old, new in RENAMED_EDITS:
        text = _edit(text, old, new)
    text = _edit(text, "'#/components/schemas/conversation_uuid'", "'#/components/schemas/ConversationId'", count=3)
    comment = (
        f"# Test fixture (tests/pipeline/spec_fixtures.py): a made-up {NEXT_VERSION} renaming conversation_uuid.\n"
    )
    return _as_release(text, comment)


def write(folder: Path, name: str) -> Path:
    """The fixture ``name`` (next-breaking, next-renamed), written under ``folder``."""
    make = {"next-breaking": next_breaking, "next-renamed": next_renamed}[name]
    path = folder / f"voice-v1-{name}.yaml"
    path.write_bytes(make(VENDORED.read_bytes().decode("utf-8")).encode("utf-8"))
    return path
