from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import models
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.endpoint_sip_headers import EndpointSipHeaders
    from ..models.endpoint_sip_standard_headers import EndpointSipStandardHeaders


from ..models.endpoint_sip_type import ENDPOINT_SIP_TYPE_VALUES
from ..types import (
    check_value,
    compile_checks,
    compile_match,
    refuse_field,
)

_P0 = compile_match("^sips?:")

# For the error only: which rule a value that failed __attrs_post_init__'s test breaks.
_CHECKS = compile_checks((("uri", "uri", {"type": "string", "minLength": 1, "maxLength": 50, "pattern": "^sips?:"}),))


def _refuse(model: Any) -> None:
    check_value(model, "type", model.type_, ENDPOINT_SIP_TYPE_VALUES)
    for entry in _CHECKS:
        refuse_field(model, entry)


T = TypeVar("T", bound="EndpointSip")


@_attrs_define
class EndpointSip:
    """Connect to a SIP Endpoint"""

    uri: str
    """ The SIP URI to connect to """
    type_: models.EndpointSipType = "sip"
    """ The type of connection. Must be `sip` """
    headers: models.EndpointSipHeaders | Unset = UNSET
    """ Metadata to include in the request. The headers are transmitted as part of the SIP INVITE as `X-key: value`
    headers. """
    standard_headers: models.EndpointSipStandardHeaders | Unset = UNSET
    """ Standard SIP INVITE headers. Unlike the `headers` property, these are not prepended with `X-`. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __attrs_post_init__(self) -> None:
        m: Any = self
        if not (
            ((v := m.type_) is not UNSET and (v.__class__ is str and v in ENDPOINT_SIP_TYPE_VALUES))
            and ((v := m.uri) is not UNSET and (v.__class__ is str and 1 <= len(v) <= 50 and _P0(v)))
        ):
            _refuse(self)

    def to_dict(self) -> dict[str, Any]:
        type_: str = self.type_

        uri = self.uri

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
                "uri": uri,
            }
        )
        if headers is not UNSET:
            field_dict["headers"] = headers
        if standard_headers is not UNSET:
            field_dict["standard_headers"] = standard_headers

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = d.pop("type")

        uri = d.pop("uri")

        _headers = d.pop("headers", UNSET)
        headers: EndpointSipHeaders | Unset
        if isinstance(_headers, Unset):
            headers = UNSET
        else:
            headers = EndpointSipHeaders.from_dict(_headers)

        _standard_headers = d.pop("standard_headers", UNSET)
        standard_headers: EndpointSipStandardHeaders | Unset
        if isinstance(_standard_headers, Unset):
            standard_headers = UNSET
        else:
            standard_headers = EndpointSipStandardHeaders.from_dict(_standard_headers)

        endpoint_sip = cls(
            type_=type_,
            uri=uri,
            headers=headers,
            standard_headers=standard_headers,
        )

        endpoint_sip.additional_properties = d
        return endpoint_sip

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
from ..models.endpoint_sip_headers import EndpointSipHeaders  # noqa: E402
from ..models.endpoint_sip_standard_headers import EndpointSipStandardHeaders  # noqa: E402
