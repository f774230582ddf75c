from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import models
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.connect_endpoint_sip_headers import ConnectEndpointSipHeaders
    from ..models.connect_endpoint_sip_standard_headers import ConnectEndpointSipStandardHeaders


from ..models.connect_endpoint_sip_type import CONNECT_ENDPOINT_SIP_TYPE_VALUES
from ..types import (
    check_value,
    compile_checks,
    compile_match,
    compile_shapes,
    refuse_field,
    refuse_shape,
)

_P0 = compile_match("^sips?:")

# For the error only: which rule a value that failed __attrs_post_init__'s test breaks.
_CHECKS = compile_checks(
    (
        ("uri", "uri", {"type": "string", "pattern": "^sips?:"}),
        ("user", "user", {"type": "string", "minLength": 1}),
        ("domain", "domain", {"type": "string", "minLength": 1}),
    )
)

_SHAPES = compile_shapes(
    [
        {
            "oneOf": [
                {
                    "title": "By URI",
                    "required": ["uri"],
                    "not": {"anyOf": [{"required": ["user"]}, {"required": ["domain"]}]},
                },
                {"title": "By user and domain", "required": ["user", "domain"], "not": {"required": ["uri"]}},
            ]
        }
    ],
    {
        "type": "type_",
        "uri": "uri",
        "user": "user",
        "domain": "domain",
        "headers": "headers",
        "standardHeaders": "standard_headers",
    },
)


def _refuse(model: Any) -> None:
    check_value(model, "type", model.type_, CONNECT_ENDPOINT_SIP_TYPE_VALUES)
    for entry in _CHECKS:
        refuse_field(model, entry)
    for shape in _SHAPES:
        refuse_shape(model, shape)


T = TypeVar("T", bound="ConnectEndpointSip")


@_attrs_define
class ConnectEndpointSip:
    """A SIP endpoint to connect to, addressed either by `uri` or by `user` and `domain` (a SIP trunk domain of your
    account), never both.

    """

    type_: models.ConnectEndpointSipType = "sip"
    uri: str | Unset = UNSET
    """ The SIP URI, e.g. `sip:rebekka@sip.example.com;transport=tls`. """
    user: str | Unset = UNSET
    """ The user part of the address at `domain`. """
    domain: str | Unset = UNSET
    """ A SIP trunk domain name provisioned for your account. """
    headers: models.ConnectEndpointSipHeaders | Unset = UNSET
    """ Data sent in the INVITE as custom headers; each key becomes an `X-<key>` header. """
    standard_headers: models.ConnectEndpointSipStandardHeaders | Unset = UNSET
    """ Standard SIP headers sent under their own names (REST createCall spells it `standard_headers`). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __attrs_post_init__(self) -> None:
        m: Any = self
        if not (
            ((v := m.type_) is not UNSET and (v.__class__ is str and v in CONNECT_ENDPOINT_SIP_TYPE_VALUES))
            and ((v := m.uri) is UNSET or (v.__class__ is str and _P0(v)))
            and ((v := m.user) is UNSET or (v.__class__ is str and 1 <= len(v)))
            and ((v := m.domain) is UNSET or (v.__class__ is str and 1 <= len(v)))
            and (
                [
                    m.uri is not UNSET and not ((m.user is not UNSET) or (m.domain is not UNSET)),
                    m.user is not UNSET and m.domain is not UNSET and not (m.uri is not UNSET),
                ].count(True)
                == 1
            )
        ):
            _refuse(self)

    def to_dict(self) -> dict[str, Any]:
        type_: str = self.type_

        uri = self.uri

        user = self.user

        domain = self.domain

        headers: dict[str, Any] | Unset = UNSET
        if not isinstance(self.headers, Unset):
            headers = self.headers.to_dict()

        standard_headers: dict[str, Any] | Unset = UNSET
        if not isinstance(self.standard_headers, Unset):
            standard_headers = self.standard_headers.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
            }
        )
        if uri is not UNSET:
            field_dict["uri"] = uri
        if user is not UNSET:
            field_dict["user"] = user
        if domain is not UNSET:
            field_dict["domain"] = domain
        if headers is not UNSET:
            field_dict["headers"] = headers
        if standard_headers is not UNSET:
            field_dict["standardHeaders"] = standard_headers

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = d.pop("type")

        uri = d.pop("uri", UNSET)

        user = d.pop("user", UNSET)

        domain = d.pop("domain", UNSET)

        _headers = d.pop("headers", UNSET)
        headers: ConnectEndpointSipHeaders | Unset
        if isinstance(_headers, Unset):
            headers = UNSET
        else:
            headers = ConnectEndpointSipHeaders.from_dict(_headers)

        _standard_headers = d.pop("standardHeaders", UNSET)
        standard_headers: ConnectEndpointSipStandardHeaders | Unset
        if isinstance(_standard_headers, Unset):
            standard_headers = UNSET
        else:
            standard_headers = ConnectEndpointSipStandardHeaders.from_dict(_standard_headers)

        connect_endpoint_sip = cls(
            type_=type_,
            uri=uri,
            user=user,
            domain=domain,
            headers=headers,
            standard_headers=standard_headers,
        )

        connect_endpoint_sip.additional_properties = d
        return connect_endpoint_sip

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


# Imported after the class, once: these modules may import this one (see the custom template's header).
from ..models.connect_endpoint_sip_headers import ConnectEndpointSipHeaders  # noqa: E402
from ..models.connect_endpoint_sip_standard_headers import ConnectEndpointSipStandardHeaders  # noqa: E402
