from __future__ import annotations

from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors, models
from ...client import AuthenticatedClient, Client
from ...types import Response


def _get_kwargs(
    uuid: UUID | str,
    *,
    body: models.StartTalkRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/calls/{uuid}/talk".format(
            uuid=quote(str(uuid), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> models.StartTalkResponse:
    from ...models.start_talk_response import StartTalkResponse

    if response.status_code == 200:
        try:
            response_200 = StartTalkResponse.from_dict(response.json())

            return response_200

        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise errors.MalformedResponse(response.status_code, response.content, exc) from exc
    raise errors.UnexpectedStatus(response.status_code, response.content)


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[models.StartTalkResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    uuid: UUID | str,
    *,
    client: AuthenticatedClient,
    body: models.StartTalkRequest,
) -> Response[models.StartTalkResponse]:
    """Play text to speech into a call

     Play text to speech into a call

    Args:
        uuid (str):
        body (StartTalkRequest):

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
        Response[StartTalkResponse]
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
    body: models.StartTalkRequest,
) -> models.StartTalkResponse:
    """Play text to speech into a call

     Play text to speech into a call

    Args:
        uuid (str):
        body (StartTalkRequest):

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
        StartTalkResponse
    """

    # parsed is never None here: _parse_response raises instead.
    return cast(
        "models.StartTalkResponse",
        sync_detailed(
            uuid=uuid,
            client=client,
            body=body,
        ).parsed,
    )


async def asyncio_detailed(
    uuid: UUID | str,
    *,
    client: AuthenticatedClient,
    body: models.StartTalkRequest,
) -> Response[models.StartTalkResponse]:
    """Play text to speech into a call

     Play text to speech into a call

    Args:
        uuid (str):
        body (StartTalkRequest):

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
        Response[StartTalkResponse]
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
    body: models.StartTalkRequest,
) -> models.StartTalkResponse:
    """Play text to speech into a call

     Play text to speech into a call

    Args:
        uuid (str):
        body (StartTalkRequest):

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
        StartTalkResponse
    """

    return cast(
        "models.StartTalkResponse",
        (
            await asyncio_detailed(
                uuid=uuid,
                client=client,
                body=body,
            )
        ).parsed,
    )
