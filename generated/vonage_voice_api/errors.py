"""Errors raised by the generated API functions."""


class APIResponseError(Exception):
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
    """A success response whose body does not match the spec (not JSON, a field missing or of the wrong type)."""

    def __init__(self, status_code: int, content: bytes, cause: Exception):
        self.cause = cause
        super().__init__(
            status_code,
            content,
            f"HTTP {status_code} response body does not match the API spec ({type(cause).__name__}: {cause}).\n\n"
            f"Response content:\n{content.decode(errors='replace')[:2000]}",
        )


__all__ = ["APIResponseError", "MalformedResponse", "UnexpectedStatus"]
