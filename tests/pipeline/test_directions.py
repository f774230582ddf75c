"""The tolerant reader's input: which schemas the API sends, derived from the patched spec (tools/directions.py),
and what the generated package does with them. The raising docs and the client settings say what is true."""

from __future__ import annotations

import inspect
import subprocess
import sys
from pathlib import Path
from typing import Any

import attrs
import yaml
from vonage_voice_api import Client
from vonage_voice_api.api.calls import create_call, get_call
from vonage_voice_api.api.play_tts import start_talk

from tools.directions import MARK, api_sent_components, mark_api_sent, shared_models

ROOT = Path(__file__).resolve().parents[2]
PATCHED: dict[str, Any] = yaml.safe_load((ROOT / "openapi" / "voice-v1.patched.yaml").read_text(encoding="utf-8"))


def test_no_object_schema_is_both_sent_and_received() -> None:
    # A shared one would be read strictly (the safe side for requests); split it with an overlay instead, as
    # overlays/27-response-endpoints.yaml does for the endpoints.
    assert shared_models(PATCHED) == []


def test_responses_and_webhook_payloads_are_sent_by_the_api_and_request_bodies_are_not() -> None:
    sent = api_sent_components(PATCHED)
    assert {"GetCallResponse", "GetCallsResponse", "CreateCallResponse", "CallEndpointPhone", "ErrorResponse"} <= sent
    assert {"AnswerWebhook", "CompletedEvent", "FailedEvent"} <= sent  # referenced by no operation: webhooks
    assert not {"EndpointPhoneTo", "CreateCallRequestNcco", "StartTalkRequest", "TalkAction"} & sent


def test_inline_objects_of_sent_schemas_are_marked_and_the_patched_spec_is_untouched() -> None:
    marked = mark_api_sent(PATCHED)
    schemas = marked["components"]["schemas"]
    assert schemas["GetCallResponse"]["properties"]["_links"][MARK] is True  # inline: becomes CallLinks
    assert MARK not in schemas["StartTalkRequest"]
    assert MARK not in str(PATCHED)  # the contract the sandbox and Schemathesis read stays as it is


def test_a_property_named_like_a_keyword_is_still_walked() -> None:
    document = {
        "paths": {},
        "components": {
            "schemas": {
                "Event": {"type": "object", "properties": {"example": {"type": "object", "properties": {}}}},
            }
        },
    }
    marked = mark_api_sent(document)
    assert marked["components"]["schemas"]["Event"]["properties"]["example"][MARK] is True


def test_operation_docs_name_what_a_connect_client_raises() -> None:
    for module in (create_call, get_call, start_talk):
        doc = inspect.getdoc(module.sync) or ""
        assert "VoiceAPIError" in doc and "MalformedResponse" in doc and "VoiceTransportError" in doc
        assert "raise_on_unexpected_status" not in doc


def test_the_generated_client_has_no_flag_that_changes_nothing() -> None:
    assert "raise_on_unexpected_status" not in {field.name for field in attrs.fields(Client)}


def test_models_are_imported_on_first_use_with_every_import_path_unchanged() -> None:
    code = (
        "import sys\n"
        "from vonage_voice_api.models import Call\n"
        "loaded = {m for m in sys.modules if m.startswith('vonage_voice_api.models.')}\n"
        "assert 'vonage_voice_api.models.talk_action' not in loaded, sorted(loaded)\n"
        "from vonage_voice_api.models import TalkAction\n"
        "from vonage_voice_api.models.talk_action import TalkAction as Direct\n"
        "assert TalkAction is Direct\n"
        "import vonage_voice_api.models as models\n"
        "assert set(models.__all__) <= set(dir(models))\n"
        "try:\n"
        "    models.NoSuchModel\n"
        "except AttributeError:\n"
        "    pass\n"
        "else:\n"
        "    raise SystemExit('a misspelt model name must raise AttributeError')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
