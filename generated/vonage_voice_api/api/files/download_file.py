from __future__ import annotations

from http import HTTPStatus
from io import BytesIO
from typing import Any, cast
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...types import File, Response


def _get_kwargs(
    file_id: UUID | str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/files/{file_id}".format(
            file_id=quote(str(file_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> File:
    if response.status_code == 200:
        try:
            response_200 = File(payload=BytesIO(response.content))

            return response_200

        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise errors.MalformedResponse(response.status_code, response.content, exc) from exc
    raise errors.UnexpectedStatus(response.status_code, response.content)


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[File]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    file_id: UUID | str,
    *,
    client: AuthenticatedClient,
) -> Response[File]:
    """Download a recording or a transcript

     The file behind a record event's `recording_url` (audio: `audio/mpeg`, `audio/wav` or `audio/ogg` as
    the record action's `format` asked) or a transcription callback's `transcription_url` (JSON, see
    `Transcript`). Only the application that made the recording may download it.

    Args:
        file_id (str):

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
        Response[File]
    """

    kwargs = _get_kwargs(
        file_id=file_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    file_id: UUID | str,
    *,
    client: AuthenticatedClient,
) -> File:
    """Download a recording or a transcript

     The file behind a record event's `recording_url` (audio: `audio/mpeg`, `audio/wav` or `audio/ogg` as
    the record action's `format` asked) or a transcription callback's `transcription_url` (JSON, see
    `Transcript`). Only the application that made the recording may download it.

    Args:
        file_id (str):

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
        File
    """

    # parsed is never None here: _parse_response raises instead.
    return cast(
        "File",
        sync_detailed(
            file_id=file_id,
            client=client,
        ).parsed,
    )


async def asyncio_detailed(
    file_id: UUID | str,
    *,
    client: AuthenticatedClient,
) -> Response[File]:
    """Download a recording or a transcript

     The file behind a record event's `recording_url` (audio: `audio/mpeg`, `audio/wav` or `audio/ogg` as
    the record action's `format` asked) or a transcription callback's `transcription_url` (JSON, see
    `Transcript`). Only the application that made the recording may download it.

    Args:
        file_id (str):

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
        Response[File]
    """

    kwargs = _get_kwargs(
        file_id=file_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    file_id: UUID | str,
    *,
    client: AuthenticatedClient,
) -> File:
    """Download a recording or a transcript

     The file behind a record event's `recording_url` (audio: `audio/mpeg`, `audio/wav` or `audio/ogg` as
    the record action's `format` asked) or a transcription callback's `transcription_url` (JSON, see
    `Transcript`). Only the application that made the recording may download it.

    Args:
        file_id (str):

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
        File
    """

    return cast(
        "File",
        (
            await asyncio_detailed(
                file_id=file_id,
                client=client,
            )
        ).parsed,
    )
