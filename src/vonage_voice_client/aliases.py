"""Names for the generated unions, so user code can type a list it builds before handing it over.

openapi-python-client writes a union (the spec's ``oneOf``) inline in every field that uses it and generates no
name for it, and a template cannot add a module to the generated package. Without a name, a list built in a
variable (``steps: list[TalkAction | InputAction]``) is refused by mypy where ``list[<all nine actions>]`` is
expected, since ``list`` is invariant. ``tests/runtime/test_aliases.py`` checks each alias against the spec's ``oneOf``,
so a spec update that adds a member fails there rather than drifting.
"""

from __future__ import annotations

from typing import TypeAlias

from vonage_voice_api.models import (
    CallEndpointApp,
    CallEndpointPhone,
    CallEndpointSip,
    CallEndpointVbcExtension,
    CallEndpointWebsocket,
    ConnectAction,
    ConnectEndpointPhone,
    ConnectEndpointSip,
    ConversationAction,
    EndpointApp,
    EndpointPhoneTo,
    EndpointSip,
    EndpointVbcExtension,
    EndpointWebsocket,
    InputAction,
    NotifyAction,
    RecordAction,
    StreamAction,
    TalkAction,
    TransferAction,
    WaitAction,
)
from vonage_voice_api.types import UnknownVariant

NccoAction: TypeAlias = (
    RecordAction
    | ConversationAction
    | ConnectAction
    | TalkAction
    | StreamAction
    | InputAction
    | NotifyAction
    | WaitAction
    | TransferAction
)
"""One NCCO action (the spec's ``NccoAction``): an NCCO is a ``list[NccoAction]``."""

Endpoint: TypeAlias = EndpointPhoneTo | EndpointSip | EndpointWebsocket | EndpointVbcExtension | EndpointApp
"""One entry of createCall's ``to``."""

ConnectEndpoint: TypeAlias = (
    ConnectEndpointPhone | ConnectEndpointSip | EndpointWebsocket | EndpointVbcExtension | EndpointApp
)
"""One entry of an NCCO connect action's ``endpoint`` (the spec's ``ConnectEndpoint``)."""

CallEndpoint: TypeAlias = (
    CallEndpointPhone
    | CallEndpointSip
    | CallEndpointWebsocket
    | CallEndpointVbcExtension
    | CallEndpointApp
    | UnknownVariant
)
"""A call record's ``to``: a known endpoint, or an endpoint type newer than this client, kept as received."""

__all__ = ["CallEndpoint", "ConnectEndpoint", "Endpoint", "NccoAction"]
