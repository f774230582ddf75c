"""typing.get_type_hints() without a namespace on every generated operation and model, as sphinx-autodoc-typehints,
typeguard, beartype and FastAPI call it, while the models still load on first use (openapi/templates/qualified.jinja).

Everything runs in a fresh interpreter: in this one, other tests have long since imported every model, which would
hide both an annotation that only resolves once its model is loaded and a model loaded too early.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from typing import Any

import pytest

# What `import vonage_voice_api.api.calls.create_call` loads of the generated package: the operation, the client,
# errors, types and the lazy models index (its module __getattr__), and no model module (the NCCO and endpoint
# models cost about 35 ms of a cold start). The index is the one addition the qualified annotations make.
CREATE_CALL_LOADS = {
    "vonage_voice_api",
    "vonage_voice_api.api",
    "vonage_voice_api.api.calls",
    "vonage_voice_api.api.calls.create_call",
    "vonage_voice_api.client",
    "vonage_voice_api.errors",
    "vonage_voice_api.models",
    "vonage_voice_api.types",
}

SCRIPT = textwrap.dedent(
    """
    import importlib, inspect, json, pkgutil, sys, typing

    before = set(sys.modules)
    import vonage_voice_api.api.calls.create_call as create_call
    loaded = sorted(name for name in set(sys.modules) - before if name.startswith("vonage_voice_api"))

    def hints(target):
        try:
            return {name: repr(hint) for name, hint in typing.get_type_hints(target).items()}
        except Exception as exc:
            return f"{type(exc).__name__}: {exc}"

    import vonage_voice_api.api as api
    import vonage_voice_api.models as models

    results = {}
    for module in pkgutil.walk_packages(api.__path__, api.__name__ + "."):
        if not module.ispkg:
            operation = importlib.import_module(module.name)
            for function in ("sync", "sync_detailed", "asyncio", "asyncio_detailed"):
                results[f"{module.name}.{function}"] = hints(getattr(operation, function))
    for name in models.__all__:
        model = getattr(models, name)
        if inspect.isclass(model):
            results[name] = hints(model)
            results[f"{name}.__init__"] = hints(model.__init__)
    print(json.dumps({"loaded": loaded, "hints": results}))
    """
)


@pytest.fixture(scope="module")
def fresh() -> dict[str, Any]:
    """What the script saw in a fresh interpreter: the modules importing create_call loaded, and every hint."""
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    answer: dict[str, Any] = json.loads(result.stdout)
    return answer


def test_importing_an_operation_loads_no_model(fresh: dict[str, Any]) -> None:
    assert set(fresh["loaded"]) == CREATE_CALL_LOADS


def test_every_operation_and_model_has_resolvable_hints(fresh: dict[str, Any]) -> None:
    hints: dict[str, Any] = fresh["hints"]
    # The walk found the package's operations and models (it did not silently check nothing).
    assert "vonage_voice_api.api.calls.create_call.asyncio_detailed" in hints
    assert "vonage_voice_api.api.dtmf.start_dtmf.sync" in hints
    assert "TalkAction.__init__" in hints
    failed = {target: answer for target, answer in hints.items() if isinstance(answer, str)}
    assert failed == {}


def test_hints_name_the_model_classes(fresh: dict[str, Any]) -> None:
    from vonage_voice_api.client import AuthenticatedClient
    from vonage_voice_api.models import (
        ConnectAction,
        ConversationAction,
        CreateCallRequestAnswerUrl,
        CreateCallRequestNcco,
        CreateCallResponse,
        InputAction,
        NotifyAction,
        RecordAction,
        StreamAction,
        TalkAction,
        TransferAction,
        WaitAction,
    )

    hints: dict[str, Any] = fresh["hints"]
    assert hints["vonage_voice_api.api.calls.create_call.sync"] == {
        "client": repr(AuthenticatedClient),
        "body": repr(CreateCallRequestAnswerUrl | CreateCallRequestNcco),
        "return": repr(CreateCallResponse),
    }
    actions = (
        ConnectAction
        | ConversationAction
        | InputAction
        | NotifyAction
        | RecordAction
        | StreamAction
        | TalkAction
        | TransferAction
        | WaitAction
    )
    assert hints["CreateCallRequestNcco.__init__"]["ncco"] == f"list[{actions!r}]"
