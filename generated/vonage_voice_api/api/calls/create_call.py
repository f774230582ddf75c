from __future__ import annotations

from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors, models
from ...client import AuthenticatedClient, Client
from ...types import Response


def _get_kwargs(
    *,
    body: models.CreateCallRequestAnswerUrl | models.CreateCallRequestNcco,
) -> dict[str, Any]:
    from ...models.create_call_request_ncco import CreateCallRequestNcco

    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/calls",
    }

    if isinstance(body, CreateCallRequestNcco):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> models.CreateCallResponse:
    from ...models.create_call_response import CreateCallResponse

    if response.status_code == 201:
        try:
            response_201 = CreateCallResponse.from_dict(response.json())

            return response_201

        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise errors.MalformedResponse(response.status_code, response.content, exc) from exc
    raise errors.UnexpectedStatus(response.status_code, response.content)


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[models.CreateCallResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: models.CreateCallRequestAnswerUrl | models.CreateCallRequestNcco,
) -> Response[models.CreateCallResponse]:
    """Create an outbound call

     Create an outbound Call

    Args:
        body (CreateCallRequestAnswerUrl | CreateCallRequestNcco):

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
        Response[CreateCallResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: models.CreateCallRequestAnswerUrl | models.CreateCallRequestNcco,
) -> models.CreateCallResponse:
    """Create an outbound call

     Create an outbound Call

    Args:
        body (CreateCallRequestAnswerUrl | CreateCallRequestNcco):

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
        CreateCallResponse
    """

    # parsed is never None here: _parse_response raises instead.
    return cast(
        "models.CreateCallResponse",
        sync_detailed(
            client=client,
            body=body,
        ).parsed,
    )


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: models.CreateCallRequestAnswerUrl | models.CreateCallRequestNcco,
) -> Response[models.CreateCallResponse]:
    """Create an outbound call

     Create an outbound Call

    Args:
        body (CreateCallRequestAnswerUrl | CreateCallRequestNcco):

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
        Response[CreateCallResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: models.CreateCallRequestAnswerUrl | models.CreateCallRequestNcco,
) -> models.CreateCallResponse:
    """Create an outbound call

     Create an outbound Call

    Args:
        body (CreateCallRequestAnswerUrl | CreateCallRequestNcco):

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
        CreateCallResponse
    """

    return cast(
        "models.CreateCallResponse",
        (
            await asyncio_detailed(
                client=client,
                body=body,
            )
        ).parsed,
    )
