from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import models
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.invalid_parameter import InvalidParameter


T = TypeVar("T", bound="ErrorResponse")


@_attrs_define
class ErrorResponse:
    """A problem details object (RFC 7807). The fields are all optional because older Voice API errors carry only `type`
    and `error_title`.

    """

    type_: str | Unset = UNSET
    """ A URL naming the kind of error, e.g. `https://developer.nexmo.com/api-errors#unauthorized`. """
    title: str | Unset = UNSET
    """ A short, human-readable summary of the kind of error. """
    detail: str | Unset = UNSET
    """ What went wrong with this request. """
    instance: str | Unset = UNSET
    """ Identifier of this occurrence of the error (the trace id). """
    invalid_parameters: list[models.InvalidParameter] | Unset = UNSET
    """ The request parameters that were refused, and why (validation errors only). """
    error_title: str | Unset = UNSET
    """ Summary of the error in the older Voice API error format, which uses it instead of `title`. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        title = self.title

        detail = self.detail

        instance = self.instance

        invalid_parameters: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.invalid_parameters, Unset):
            invalid_parameters = []
            for invalid_parameters_item_data in self.invalid_parameters:
                invalid_parameters_item = invalid_parameters_item_data.to_dict()
                invalid_parameters.append(invalid_parameters_item)

        error_title = self.error_title

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if type_ is not UNSET:
            field_dict["type"] = type_
        if title is not UNSET:
            field_dict["title"] = title
        if detail is not UNSET:
            field_dict["detail"] = detail
        if instance is not UNSET:
            field_dict["instance"] = instance
        if invalid_parameters is not UNSET:
            field_dict["invalid_parameters"] = invalid_parameters
        if error_title is not UNSET:
            field_dict["error_title"] = error_title

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = d.pop("type", UNSET)

        title = d.pop("title", UNSET)

        detail = d.pop("detail", UNSET)

        instance = d.pop("instance", UNSET)

        _invalid_parameters = d.pop("invalid_parameters", UNSET)
        invalid_parameters: list[InvalidParameter] | Unset = UNSET
        if _invalid_parameters is not UNSET:
            invalid_parameters = []
            for invalid_parameters_item_data in _invalid_parameters:
                invalid_parameters_item = InvalidParameter.from_dict(invalid_parameters_item_data)

                invalid_parameters.append(invalid_parameters_item)

        error_title = d.pop("error_title", UNSET)

        error_response = cls(
            type_=type_,
            title=title,
            detail=detail,
            instance=instance,
            invalid_parameters=invalid_parameters,
            error_title=error_title,
        )

        error_response.additional_properties = d
        return error_response

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
from ..models.invalid_parameter import InvalidParameter  # noqa: E402
