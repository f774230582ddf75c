"""Errors raised by the generated API functions and models."""

from collections.abc import Collection
from typing import Any, ClassVar


class VonageVoiceError(Exception):
    """Base of the errors of calling the Voice API and of building a request model.

    Derived from it: here, APIResponseError (UnexpectedStatus, MalformedResponse) and InvalidValueError; in
    vonage_voice_client, ConfigurationError, VoiceTransportError, VoiceAPIError (a subclass per status) and the errors
    of reading what Vonage sends (WebhookVerificationError, CallbackParseError). So with a client from
    ``vonage_voice_client.connect()``, ``except VonageVoiceError`` around an operation or a webhook helper catches
    everything it raises on purpose (a plain generated ``Client`` lets httpx's transport errors out). Not derived from
    it: the KeyError, TypeError or plain ValueError of a model's from_dict() given a malformed dict.
    """

    # Attributes a pickled error leaves behind (see __reduce__): the live objects it was built from. The HTTP
    # response and an httpx error hold the request, whose Authorization header is the application's JWT.
    _NOT_PICKLED: ClassVar[frozenset[str]] = frozenset({"response", "cause"})

    def __reduce__(self) -> tuple[Any, ...]:
        # The message and the plain fields (status, problem fields, trace id, ...), so an error crosses a process
        # boundary (ProcessPoolExecutor, multiprocessing) whole and without a secret. Rebuilt without __init__,
        # whose arguments differ from class to class (Exception's default reduce calls it with the message alone).
        fields = {name: value for name, value in vars(self).items() if name not in self._NOT_PICKLED}
        return _unpickle, (type(self), self.args), fields


def _unpickle(cls: type[VonageVoiceError], args: tuple[Any, ...]) -> VonageVoiceError:
    error = cls.__new__(cls)
    error.args = args
    return error


class APIResponseError(VonageVoiceError):
    """Base of every error about an HTTP response; keeps the status and the raw body."""

    def __init__(self, status_code: int, content: bytes, message: str) -> None:
        self.status_code = status_code
        self.content = content
        super().__init__(message)

    @property
    def text(self) -> str:
        """The raw body, decoded leniently (for messages and logs)."""
        return self.content.decode(errors="replace")


class UnexpectedStatus(APIResponseError):
    """The response has a status the spec does not document as a success."""

    def __init__(self, status_code: int, content: bytes):
        super().__init__(
            status_code,
            content,
            f"Unexpected status code: {status_code}\n\nResponse content:\n{content.decode(errors='replace')[:2000]}",
        )


class MalformedResponse(APIResponseError):
    """A success response whose body is unusable: not JSON, a required field missing, or a wrong JSON type.

    A value the spec does not list yet (a new status, endpoint type, ...) is not malformed: it is kept. ``cause`` is
    the parsing error; an unpickled copy has none (its message names it).
    """

    def __init__(self, status_code: int, content: bytes, cause: Exception):
        self.cause = cause
        super().__init__(
            status_code,
            content,
            f"HTTP {status_code} response body does not match the API spec ({type(cause).__name__}: {cause}).\n\n"
            f"Response content:\n{content.decode(errors='replace')[:2000]}",
        )


class InvalidValueError(VonageVoiceError, ValueError):
    """A request model was built with a value the spec does not allow; names the model, the field and the rule.

    ``rule`` is the spec's keyword broken (``"minLength 7"``, ``"type boolean"``, ``"format uri"``...), or ``"enum"``
    for a value outside ``allowed``.
    """

    def __init__(
        self, model: str, field: str, value: object, allowed: Collection[object] = (), *, rule: str = "enum"
    ) -> None:
        self.model, self.field, self.value, self.rule = model, field, value, rule
        self.allowed = sorted(allowed, key=repr)
        if rule != "enum":
            shown_value = repr(value)
            shown_value = shown_value if len(shown_value) <= 200 else shown_value[:197] + "..."
            super().__init__(f"{model}.{field}: {shown_value} breaks the spec's {rule}")
            return
        shown = ", ".join(repr(v) for v in self.allowed[:12])
        more = f", ... ({len(self.allowed)} values)" if len(self.allowed) > 12 else ""
        super().__init__(f"{model}.{field}: {value!r} is not one of {shown}{more}")


__all__ = ["APIResponseError", "InvalidValueError", "MalformedResponse", "UnexpectedStatus", "VonageVoiceError"]
