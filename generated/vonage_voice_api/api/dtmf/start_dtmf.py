from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.dtmf_request import DtmfRequest
from ...models.dtmf_response import DtmfResponse
from ...types import Response


def _get_kwargs(
    uuid: str,
    *,
    body: DtmfRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/calls/{uuid}/dtmf".format(
            uuid=quote(str(uuid), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> DtmfResponse:
    if response.status_code == 200:
        try:
            response_200 = DtmfResponse.from_dict(response.json())

            return response_200

        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise errors.MalformedResponse(response.status_code, response.content, exc) from exc
    raise errors.UnexpectedStatus(response.status_code, response.content)


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[DtmfResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    uuid: str,
    *,
    client: AuthenticatedClient,
    body: DtmfRequest,
) -> Response[DtmfResponse]:
    """Play DTMF tones into a call

     Play DTMF tones into a call

    Args:
        uuid (str):
        body (DtmfRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DtmfResponse]
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
    uuid: str,
    *,
    client: AuthenticatedClient,
    body: DtmfRequest,
) -> DtmfResponse:
    """Play DTMF tones into a call

     Play DTMF tones into a call

    Args:
        uuid (str):
        body (DtmfRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DtmfResponse
    """

    # parsed is never None here: _parse_response raises instead.
    return cast(
        DtmfResponse,
        sync_detailed(
            uuid=uuid,
            client=client,
            body=body,
        ).parsed,
    )


async def asyncio_detailed(
    uuid: str,
    *,
    client: AuthenticatedClient,
    body: DtmfRequest,
) -> Response[DtmfResponse]:
    """Play DTMF tones into a call

     Play DTMF tones into a call

    Args:
        uuid (str):
        body (DtmfRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DtmfResponse]
    """

    kwargs = _get_kwargs(
        uuid=uuid,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    uuid: str,
    *,
    client: AuthenticatedClient,
    body: DtmfRequest,
) -> DtmfResponse:
    """Play DTMF tones into a call

     Play DTMF tones into a call

    Args:
        uuid (str):
        body (DtmfRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DtmfResponse
    """

    return cast(
        DtmfResponse,
        (
            await asyncio_detailed(
                uuid=uuid,
                client=client,
                body=body,
            )
        ).parsed,
    )
