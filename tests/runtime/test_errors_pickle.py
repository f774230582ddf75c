"""Every error pickles with its fields and without the JWT or any header, so it can cross a process boundary.

Before: every status error, VoiceTransportError, MalformedResponse and InvalidValueError failed to unpickle (their
``__init__`` takes other arguments than the message), a NotFoundError raised in a ProcessPoolExecutor worker broke
the pool, and the pickled bytes held the response, its request and the ``Authorization: Bearer eyJ...`` header.
"""

from __future__ import annotations

import inspect
import multiprocessing
import pickle
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor

import httpx
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from vonage_voice_api import errors as generated_errors
from vonage_voice_api.api.calls import get_call
from vonage_voice_api.models import CreateCallRequestNcco

from tests.runtime.support import APP_ID, CALL_UUID, call_record, mock_client, problem
from vonage_voice_client import connect
from vonage_voice_client import errors as runtime_errors
from vonage_voice_client.errors import (
    APIResponseError,
    AuthenticationError,
    ConfigurationError,
    ForbiddenError,
    InvalidValueError,
    MalformedResponseError,
    NotFoundError,
    RateLimitedError,
    ServerError,
    ValidationError,
    VoiceAPIError,
    VoiceTransportError,
    VonageVoiceError,
    error_for,
)

NOT_PICKLED = {"response", "cause"}  # the live objects an error was built from; their requests carry the JWT
RESPONSE_SECRET = "AWSALB=session-cookie-from-the-response"
# Errors one value of a header may be read into, on purpose: the trace id is a field.
KEPT_HEADERS = {"x-nexmo-trace-id"}


class Built:
    """An error as the client raised it, and every header value that crossed the wire while building it."""

    def __init__(self, error: BaseException, headers: list[httpx.Headers]) -> None:
        self.error = error
        self.secrets = [
            value
            for header_set in headers
            for name, value in header_set.items()
            if name not in KEPT_HEADERS and not value.isdigit()  # a length or a delay may occur in any body
        ]


def answered(key: rsa.RSAPrivateKey, answer: Callable[[httpx.Request], httpx.Response]) -> Built:
    """The error a ``get_call`` raises when the API gives ``answer``, with the headers of every exchange."""
    headers: list[httpx.Headers] = []

    def handler(request: httpx.Request) -> httpx.Response:
        headers.append(request.headers)
        response = answer(request)
        response.headers["Set-Cookie"] = RESPONSE_SECRET
        headers.append(response.headers)
        return response

    with mock_client(key, handler, max_retries=0) as client, pytest.raises(VonageVoiceError) as caught:
        get_call.sync(CALL_UUID, client=client)
    assert any(h.get("Authorization", "").startswith("Bearer eyJ") for h in headers), "the JWT was sent"
    return Built(caught.value, headers)


def status(code: int, **headers: str) -> Callable[[rsa.RSAPrivateKey], Built]:
    def build(key: rsa.RSAPrivateKey) -> Built:
        def answer(request: httpx.Request) -> httpx.Response:
            response = problem(code, "Problem", detail="what went wrong", instance="bf0ca0bf927b3b52e3cb03217e1a1ddf")
            response.headers.update(headers)
            return response

        return answered(key, answer)

    return build


def refused(key: rsa.RSAPrivateKey) -> Built:
    def answer(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    return answered(key, answer)


def malformed(key: rsa.RSAPrivateKey) -> Built:
    return answered(key, lambda request: httpx.Response(200, json=call_record(status=["not", "a", "status"])))


def invalid_value(key: rsa.RSAPrivateKey) -> Built:
    body = {"to": [{"type": "fax", "number": "14155550100"}], "ncco": [{"action": "talk", "text": "Hi"}]}
    with pytest.raises(InvalidValueError) as caught:
        CreateCallRequestNcco.from_dict(body)
    return Built(caught.value, [])


def bad_key(key: rsa.RSAPrivateKey) -> Built:
    with pytest.raises(ConfigurationError) as caught:
        connect(application_id=APP_ID, private_key=b"-----BEGIN PRIVATE KEY-----\nnot a key\n")
    return Built(caught.value, [])


def unexpected_status(key: rsa.RSAPrivateKey) -> Built:
    built = status(409)(key)  # the generated code's own error for a status, from the same exchange
    assert isinstance(built.error, VoiceAPIError)
    built.error = generated_errors.UnexpectedStatus(built.error.status, built.error.content)
    return built


def plain(cls: type[VonageVoiceError]) -> Callable[[rsa.RSAPrivateKey], Built]:
    def build(key: rsa.RSAPrivateKey) -> Built:
        error = cls(409, b'{"title": "Conflict"}', "HTTP 409") if cls is APIResponseError else cls("failed")
        return Built(error, [])

    return build


BUILDERS: dict[type[BaseException], Callable[[rsa.RSAPrivateKey], Built]] = {
    VonageVoiceError: plain(VonageVoiceError),
    APIResponseError: plain(APIResponseError),
    generated_errors.UnexpectedStatus: unexpected_status,
    MalformedResponseError: malformed,
    InvalidValueError: invalid_value,
    ConfigurationError: bad_key,
    VoiceTransportError: refused,
    VoiceAPIError: status(409),
    ValidationError: status(400),
    AuthenticationError: status(401),
    ForbiddenError: status(403),
    NotFoundError: status(404),
    RateLimitedError: status(429, **{"Retry-After": "7"}),
    ServerError: status(503),
}


def error_classes() -> set[type[BaseException]]:
    """Every exception class the runtime's and the generated package's errors modules define."""
    return {
        cls
        for module in (runtime_errors, generated_errors)
        for cls in vars(module).values()
        if inspect.isclass(cls) and issubclass(cls, BaseException) and cls.__module__ == module.__name__
    }


def test_every_error_class_has_a_builder() -> None:
    assert error_classes() == set(BUILDERS), "a new error class: add how the client builds one to BUILDERS"


@pytest.mark.parametrize("cls", list(BUILDERS), ids=lambda cls: cls.__name__)
def test_an_error_pickles_with_its_fields_and_without_any_header(
    rsa_key: rsa.RSAPrivateKey, cls: type[BaseException]
) -> None:
    built = BUILDERS[cls](rsa_key)
    original = built.error
    assert type(original) is cls

    data = pickle.dumps(original)
    copy = pickle.loads(data)

    assert type(copy) is cls
    assert (str(copy), copy.args) == (str(original), original.args)
    assert vars(copy) == {name: value for name, value in vars(original).items() if name not in NOT_PICKLED}
    assert not any(hasattr(copy, name) for name in NOT_PICKLED)
    leaked = [value for value in built.secrets if value.encode() in data]
    assert not leaked, f"header values in the pickled bytes: {leaked}"
    assert b"eyJ" not in data and RESPONSE_SECRET.encode() not in data


def test_status_errors_keep_every_field_a_handler_reads(rsa_key: rsa.RSAPrivateKey) -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        response = problem(429, "Too Many", detail="slow down", invalid_parameters=[{"name": "to", "reason": "bad"}])
        response.headers["Retry-After"] = "7"
        return response

    copy = pickle.loads(pickle.dumps(answered(rsa_key, answer).error))
    assert isinstance(copy, RateLimitedError)
    assert (copy.status, copy.title, copy.detail, copy.trace_id, copy.retry_after) == (
        429,
        "Too Many",
        "slow down",
        "trace-429",
        7.0,
    )
    assert [(p.name, p.reason) for p in copy.invalid_parameters] == [("to", "bad")]
    assert (copy.method, copy.path) == ("GET", f"/v1/calls/{CALL_UUID}")
    assert copy.body is not None and copy.text == copy.content.decode()


def raise_not_found() -> None:
    """Runs in a worker process: raise a NotFoundError the way the client builds one."""
    request = httpx.Request(
        "GET", f"https://api.nexmo.com/v1/calls/{CALL_UUID}", headers={"Authorization": "Bearer eyJx"}
    )
    response = problem(404, "Not Found", detail=f"Call {CALL_UUID} was not found")
    response.request = request
    raise error_for(response)


def test_an_error_raised_in_a_process_pool_worker_reaches_the_caller_whole() -> None:
    """Before: BrokenProcessPool (the worker could not send the error back), and every later task failed too."""
    # spawn, as on macOS and Windows: nothing is inherited, the error travels only as pickled bytes.
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as pool:
        with pytest.raises(NotFoundError) as caught:
            pool.submit(raise_not_found).result(timeout=120)
        assert pool.submit(abs, -1).result(timeout=120) == 1, "the pool still works"
    error = caught.value
    assert (error.status, error.title, error.trace_id) == (404, "Not Found", "trace-404")
    assert (error.method, error.path) == ("GET", f"/v1/calls/{CALL_UUID}")
    assert str(error).startswith(f"HTTP 404 from GET /v1/calls/{CALL_UUID}: Not Found: Call {CALL_UUID} was not found")
