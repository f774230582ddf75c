from __future__ import annotations

from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors, models
from ...client import AuthenticatedClient, Client
from ...types import Response


def _get_kwargs(
    uuid: UUID | str,
    *,
    body: models.SubscribeDtmfRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/calls/{uuid}/input/dtmf".format(
            uuid=quote(str(uuid), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
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
    body: models.SubscribeDtmfRequest,
) -> Response[None]:
    """Subscribe to real-time DTMF events

     Registers a listener that receives the DTMF digits of this call leg as they are pressed. It only
    applies to `input` NCCO actions whose `mode` is `asynchronous`. Each time the callee presses a key,
    the listener URL is sent an [Input webhook event](https://developer.vonage.com/en/voice/voice-
    api/webhook-reference#input) that carries that one digit.

    Args:
        uuid (str):
        body (SubscribeDtmfRequest):

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
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    uuid: UUID | str,
    *,
    client: AuthenticatedClient,
    body: models.SubscribeDtmfRequest,
) -> None:
    """Subscribe to real-time DTMF events

     Registers a listener that receives the DTMF digits of this call leg as they are pressed. It only
    applies to `input` NCCO actions whose `mode` is `asynchronous`. Each time the callee presses a key,
    the listener URL is sent an [Input webhook event](https://developer.vonage.com/en/voice/voice-
    api/webhook-reference#input) that carries that one digit.

    Args:
        uuid (str):
        body (SubscribeDtmfRequest):

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
        body=body,
    )


async def asyncio_detailed(
    uuid: UUID | str,
    *,
    client: AuthenticatedClient,
    body: models.SubscribeDtmfRequest,
) -> Response[None]:
    """Subscribe to real-time DTMF events

     Registers a listener that receives the DTMF digits of this call leg as they are pressed. It only
    applies to `input` NCCO actions whose `mode` is `asynchronous`. Each time the callee presses a key,
    the listener URL is sent an [Input webhook event](https://developer.vonage.com/en/voice/voice-
    api/webhook-reference#input) that carries that one digit.

    Args:
        uuid (str):
        body (SubscribeDtmfRequest):

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
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    uuid: UUID | str,
    *,
    client: AuthenticatedClient,
    body: models.SubscribeDtmfRequest,
) -> None:
    """Subscribe to real-time DTMF events

     Registers a listener that receives the DTMF digits of this call leg as they are pressed. It only
    applies to `input` NCCO actions whose `mode` is `asynchronous`. Each time the callee presses a key,
    the listener URL is sent an [Input webhook event](https://developer.vonage.com/en/voice/voice-
    api/webhook-reference#input) that carries that one digit.

    Args:
        uuid (str):
        body (SubscribeDtmfRequest):

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
        body=body,
    )
