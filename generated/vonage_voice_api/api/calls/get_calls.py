from __future__ import annotations

import datetime
from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors, models
from ...client import AuthenticatedClient, Client
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    status: models.GetCallsStatus | Unset = UNSET,
    date_start: datetime.datetime | Unset = UNSET,
    date_end: datetime.datetime | Unset = UNSET,
    page_size: int | Unset = 10,
    record_index: int | Unset = 0,
    order: models.GetCallsOrder | Unset = "asc",
    conversation_uuid: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status

    params["status"] = json_status

    json_date_start: str | Unset = UNSET
    if not isinstance(date_start, Unset):
        json_date_start = date_start.isoformat()
    params["date_start"] = json_date_start

    json_date_end: str | Unset = UNSET
    if not isinstance(date_end, Unset):
        json_date_end = date_end.isoformat()
    params["date_end"] = json_date_end

    params["page_size"] = page_size

    params["record_index"] = record_index

    json_order: str | Unset = UNSET
    if not isinstance(order, Unset):
        json_order = order

    params["order"] = json_order

    params["conversation_uuid"] = conversation_uuid

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/calls",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> models.CallList:
    from ...models.call_list import CallList

    if response.status_code == 200:
        try:
            response_200 = CallList.from_dict(response.json())

            return response_200

        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise errors.MalformedResponse(response.status_code, response.content, exc) from exc
    raise errors.UnexpectedStatus(response.status_code, response.content)


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[models.CallList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    status: models.GetCallsStatus | Unset = UNSET,
    date_start: datetime.datetime | Unset = UNSET,
    date_end: datetime.datetime | Unset = UNSET,
    page_size: int | Unset = 10,
    record_index: int | Unset = 0,
    order: models.GetCallsOrder | Unset = "asc",
    conversation_uuid: str | Unset = UNSET,
) -> Response[models.CallList]:
    """Get details of your calls

     Get details of your calls

    Args:
        status (GetCallsStatus | Unset):  Example: started.
        date_start (datetime.datetime | Unset):  Example: 2016-11-14T07:45:14Z.
        date_end (datetime.datetime | Unset):  Example: 2016-11-14T07:45:14Z.
        page_size (int | Unset):  Default: 10.
        record_index (int | Unset):  Default: 0.
        order (GetCallsOrder | Unset):  Default: 'asc'.
        conversation_uuid (str | Unset): The unique identifier for the conversation this call leg
            is part of. Example: CON-f972836a-550f-45fa-956c-12a2ab5b7d22.

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
        Response[CallList]
    """

    kwargs = _get_kwargs(
        status=status,
        date_start=date_start,
        date_end=date_end,
        page_size=page_size,
        record_index=record_index,
        order=order,
        conversation_uuid=conversation_uuid,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    status: models.GetCallsStatus | Unset = UNSET,
    date_start: datetime.datetime | Unset = UNSET,
    date_end: datetime.datetime | Unset = UNSET,
    page_size: int | Unset = 10,
    record_index: int | Unset = 0,
    order: models.GetCallsOrder | Unset = "asc",
    conversation_uuid: str | Unset = UNSET,
) -> models.CallList:
    """Get details of your calls

     Get details of your calls

    Args:
        status (GetCallsStatus | Unset):  Example: started.
        date_start (datetime.datetime | Unset):  Example: 2016-11-14T07:45:14Z.
        date_end (datetime.datetime | Unset):  Example: 2016-11-14T07:45:14Z.
        page_size (int | Unset):  Default: 10.
        record_index (int | Unset):  Default: 0.
        order (GetCallsOrder | Unset):  Default: 'asc'.
        conversation_uuid (str | Unset): The unique identifier for the conversation this call leg
            is part of. Example: CON-f972836a-550f-45fa-956c-12a2ab5b7d22.

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
        CallList
    """

    # parsed is never None here: _parse_response raises instead.
    return cast(
        "models.CallList",
        sync_detailed(
            client=client,
            status=status,
            date_start=date_start,
            date_end=date_end,
            page_size=page_size,
            record_index=record_index,
            order=order,
            conversation_uuid=conversation_uuid,
        ).parsed,
    )


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    status: models.GetCallsStatus | Unset = UNSET,
    date_start: datetime.datetime | Unset = UNSET,
    date_end: datetime.datetime | Unset = UNSET,
    page_size: int | Unset = 10,
    record_index: int | Unset = 0,
    order: models.GetCallsOrder | Unset = "asc",
    conversation_uuid: str | Unset = UNSET,
) -> Response[models.CallList]:
    """Get details of your calls

     Get details of your calls

    Args:
        status (GetCallsStatus | Unset):  Example: started.
        date_start (datetime.datetime | Unset):  Example: 2016-11-14T07:45:14Z.
        date_end (datetime.datetime | Unset):  Example: 2016-11-14T07:45:14Z.
        page_size (int | Unset):  Default: 10.
        record_index (int | Unset):  Default: 0.
        order (GetCallsOrder | Unset):  Default: 'asc'.
        conversation_uuid (str | Unset): The unique identifier for the conversation this call leg
            is part of. Example: CON-f972836a-550f-45fa-956c-12a2ab5b7d22.

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
        Response[CallList]
    """

    kwargs = _get_kwargs(
        status=status,
        date_start=date_start,
        date_end=date_end,
        page_size=page_size,
        record_index=record_index,
        order=order,
        conversation_uuid=conversation_uuid,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    status: models.GetCallsStatus | Unset = UNSET,
    date_start: datetime.datetime | Unset = UNSET,
    date_end: datetime.datetime | Unset = UNSET,
    page_size: int | Unset = 10,
    record_index: int | Unset = 0,
    order: models.GetCallsOrder | Unset = "asc",
    conversation_uuid: str | Unset = UNSET,
) -> models.CallList:
    """Get details of your calls

     Get details of your calls

    Args:
        status (GetCallsStatus | Unset):  Example: started.
        date_start (datetime.datetime | Unset):  Example: 2016-11-14T07:45:14Z.
        date_end (datetime.datetime | Unset):  Example: 2016-11-14T07:45:14Z.
        page_size (int | Unset):  Default: 10.
        record_index (int | Unset):  Default: 0.
        order (GetCallsOrder | Unset):  Default: 'asc'.
        conversation_uuid (str | Unset): The unique identifier for the conversation this call leg
            is part of. Example: CON-f972836a-550f-45fa-956c-12a2ab5b7d22.

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
        CallList
    """

    return cast(
        "models.CallList",
        (
            await asyncio_detailed(
                client=client,
                status=status,
                date_start=date_start,
                date_end=date_end,
                page_size=page_size,
                record_index=record_index,
                order=order,
                conversation_uuid=conversation_uuid,
            )
        ).parsed,
    )
