from __future__ import annotations

from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...types import Response


def _get_kwargs(
    uuid: UUID | str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/v1/calls/{uuid}/input/dtmf".format(
            uuid=quote(str(uuid), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> None:
    if response.status_code == 200:
        return None
    raise errors.UnexpectedStatus(response.status_code, response.content)


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[None]:
    _parse_response(client=client, response=response)
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=None,
    )


def sync_detailed(
    uuid: UUID | str,
    *,
    client: AuthenticatedClient,
) -> Response[None]:
    """Stop receiving real-time DTMF events

     Removes the registered DTMF listener.

    Args:
        uuid (str):

    Raises:
        VoiceAPIError: (with a client from ``vonage_voice_client.connect()``) the API answered a non-2xx status: a
            subclass by status: ValidationError (400/422), AuthenticationError (401), ForbiddenError (403),
            NotFoundError (404), RateLimitedError (429), ServerError (5xx); each carries the problem details and the
            trace id.
        VoiceTransportError: (with a ``connect()`` client) no answer after the retries the operation allows.
        errors.MalformedResponse: a 2xx answer whose body is unusable (not JSON, a required field missing, a wrong
            JSON type); ``vonage_voice_client.MalformedResponseError`` is the same class.
        errors.UnexpectedStatus: (with a plain generated ``Client``) any status the spec does not document as a success.
        All of them derive from errors.VonageVoiceError.

    Returns:
        Response[None]
    """

    kwargs = _get_kwargs(
        uuid=uuid,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    uuid: UUID | str,
    *,
    client: AuthenticatedClient,
) -> None:
    """Stop receiving real-time DTMF events

     Removes the registered DTMF listener.

    Args:
        uuid (str):

    Raises:
        VoiceAPIError: (with a client from ``vonage_voice_client.connect()``) the API answered a non-2xx status: a
            subclass by status: ValidationError (400/422), AuthenticationError (401), ForbiddenError (403),
            NotFoundError (404), RateLimitedError (429), ServerError (5xx); each carries the problem details and the
            trace id.
        VoiceTransportError: (with a ``connect()`` client) no answer after the retries the operation allows.
        errors.MalformedResponse: a 2xx answer whose body is unusable (not JSON, a required field missing, a wrong
            JSON type); ``vonage_voice_client.MalformedResponseError`` is the same class.
        errors.UnexpectedStatus: (with a plain generated ``Client``) any status the spec does not document as a success.
        All of them derive from errors.VonageVoiceError.

    Returns:
        None
    """

    sync_detailed(
        uuid=uuid,
        client=client,
    )


async def asyncio_detailed(
    uuid: UUID | str,
    *,
    client: AuthenticatedClient,
) -> Response[None]:
    """Stop receiving real-time DTMF events

     Removes the registered DTMF listener.

    Args:
        uuid (str):

    Raises:
        VoiceAPIError: (with a client from ``vonage_voice_client.connect()``) the API answered a non-2xx status: a
            subclass by status: ValidationError (400/422), AuthenticationError (401), ForbiddenError (403),
            NotFoundError (404), RateLimitedError (429), ServerError (5xx); each carries the problem details and the
            trace id.
        VoiceTransportError: (with a ``connect()`` client) no answer after the retries the operation allows.
        errors.MalformedResponse: a 2xx answer whose body is unusable (not JSON, a required field missing, a wrong
            JSON type); ``vonage_voice_client.MalformedResponseError`` is the same class.
        errors.UnexpectedStatus: (with a plain generated ``Client``) any status the spec does not document as a success.
        All of them derive from errors.VonageVoiceError.

    Returns:
        Response[None]
    """

    kwargs = _get_kwargs(
        uuid=uuid,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    uuid: UUID | str,
    *,
    client: AuthenticatedClient,
) -> None:
    """Stop receiving real-time DTMF events

     Removes the registered DTMF listener.

    Args:
        uuid (str):

    Raises:
        VoiceAPIError: (with a client from ``vonage_voice_client.connect()``) the API answered a non-2xx status: a
            subclass by status: ValidationError (400/422), AuthenticationError (401), ForbiddenError (403),
            NotFoundError (404), RateLimitedError (429), ServerError (5xx); each carries the problem details and the
            trace id.
        VoiceTransportError: (with a ``connect()`` client) no answer after the retries the operation allows.
        errors.MalformedResponse: a 2xx answer whose body is unusable (not JSON, a required field missing, a wrong
            JSON type); ``vonage_voice_client.MalformedResponseError`` is the same class.
        errors.UnexpectedStatus: (with a plain generated ``Client``) any status the spec does not document as a success.
        All of them derive from errors.VonageVoiceError.

    Returns:
        None
    """

    await asyncio_detailed(
        uuid=uuid,
        client=client,
    )
