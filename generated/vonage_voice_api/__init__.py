"""A client library for accessing Voice API"""

from .client import AuthenticatedClient, Client

SPEC_VERSION = "1.10.0"
"""info.version of the Voice API spec this package was generated from."""

__all__ = (
    "SPEC_VERSION",
    "AuthenticatedClient",
    "Client",
)
