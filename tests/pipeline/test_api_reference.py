"""``make docs`` (``tools.api_reference``): what the API reference documents, without rendering it (``make lint`` does,
and fails on any pdoc warning)."""

from __future__ import annotations

import importlib
import warnings

import pdoc.doc
import pdoc.extract
import pytest

from tools.api_reference import load_lazy_exports, modules, specs

LAZY_PACKAGES = ["vonage_voice_client", "vonage_voice_api.models", "vonage_voice_sandbox"]


def test_every_public_module_a_user_imports_is_documented_and_no_private_one() -> None:
    names = set(modules())
    assert {
        "vonage_voice_client",
        "vonage_voice_client.webhooks",
        "vonage_voice_client.starlette",
        "vonage_voice_client.replay",
        "vonage_voice_api.api.calls.create_call",
        "vonage_voice_api.api.dtmf.subscribe_dtmf",
        "vonage_voice_api.models",
        "vonage_voice_sandbox",
        "vonage_voice_sandbox.testing",
        "vonage_voice_sandbox.pytest_plugin",
    } <= names
    assert not [name for name in names if any(part.startswith("_") for part in name.split("."))]
    assert not [name for name in names if name.startswith("vonage_voice_api.models.")]  # on the package's page
    assert sorted(name for name in names if name.startswith("vonage_voice_sandbox.")) == [
        "vonage_voice_sandbox.pytest_plugin",
        "vonage_voice_sandbox.testing",
    ]


def test_pdoc_is_given_each_module_once_and_reaches_all_of_them() -> None:
    names = modules()
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # pdoc warns when a module is named twice
        walked = pdoc.extract.walk_specs(specs(names))
    assert sorted(walked) == sorted(names)


@pytest.mark.parametrize("package", LAZY_PACKAGES)
def test_pdoc_documents_every_lazy_export(package: str) -> None:
    load_lazy_exports([package])
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "Found 'X' in __all__, but it does not resolve"
        members = pdoc.doc.Module.from_name(package).members
    exported = importlib.import_module(package).__all__
    assert [name for name in exported if name not in members] == []
