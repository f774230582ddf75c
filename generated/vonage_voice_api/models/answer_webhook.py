from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import models
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.answer_webhook_custom_data import AnswerWebhookCustomData


from ..types import read_optional_str

T = TypeVar("T", bound="AnswerWebhook")


@_attrs_define
class AnswerWebhook:
    """Webhook payload (not an operation): what Vonage sends to `answer_url` when a call is answered, as a query string
    (`answer_method: GET`, the default) or a JSON body (POST). The expected answer is an NCCO. Each `X-` SIP header of
    an inbound SIP call arrives as an extra field `SipHeader_<header>` (for example `SipHeader_X-UserId`; `X-Nexmo*`
    headers are not forwarded), and `SipHeader_User-to-User` carries that standard header; extra fields are kept in
    `additional_properties`.

    """

    to: str
    """ The number (no `+`) or address that was called. """
    uuid: UUID
    """ The unique identifier for this call leg. The UUID is created when your call request is accepted by Vonage.
    You use the UUID in all requests for individual live calls """
    conversation_uuid: str
    """ The unique identifier for the conversation this call leg is part of. """
    from_: str | Unset = UNSET
    """ The number (no `+`) or address the call came from. """
    endpoint_type: models.AnswerWebhookEndpointType | str | Unset = UNSET
    """ Kind of endpoint that placed the call. """
    from_user: str | Unset = UNSET
    """ User name of the application user who placed the call, when an app user calls. """
    region_url: str | Unset = UNSET
    """ Base URL of the regional API that handles this call; send requests about the call there. """
    custom_data: models.AnswerWebhookCustomData | Unset = UNSET
    """ Data the Client SDK attached to the call. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        to = self.to

        uuid = str(self.uuid)

        conversation_uuid = self.conversation_uuid

        from_ = self.from_

        endpoint_type: str | Unset = UNSET
        if not isinstance(self.endpoint_type, Unset):
            endpoint_type = self.endpoint_type

        from_user = self.from_user

        region_url = self.region_url

        custom_data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.custom_data, Unset):
            custom_data = self.custom_data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "to": to,
                "uuid": uuid,
                "conversation_uuid": conversation_uuid,
            }
        )
        if from_ is not UNSET:
            field_dict["from"] = from_
        if endpoint_type is not UNSET:
            field_dict["endpoint_type"] = endpoint_type
        if from_user is not UNSET:
            field_dict["from_user"] = from_user
        if region_url is not UNSET:
            field_dict["region_url"] = region_url
        if custom_data is not UNSET:
            field_dict["custom_data"] = custom_data

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        to = d.pop("to")

        uuid = UUID(d.pop("uuid"))

        conversation_uuid = d.pop("conversation_uuid")

        from_ = d.pop("from", UNSET)

        endpoint_type = read_optional_str(d.pop("endpoint_type", UNSET), "endpoint_type")

        from_user = d.pop("from_user", UNSET)

        region_url = d.pop("region_url", UNSET)

        _custom_data = d.pop("custom_data", UNSET)
        custom_data: AnswerWebhookCustomData | Unset
        if isinstance(_custom_data, Unset):
            custom_data = UNSET
        else:
            custom_data = AnswerWebhookCustomData.from_dict(_custom_data)

        answer_webhook = cls(
            to=to,
            uuid=uuid,
            conversation_uuid=conversation_uuid,
            from_=from_,
            endpoint_type=endpoint_type,
            from_user=from_user,
            region_url=region_url,
            custom_data=custom_data,
        )

        answer_webhook.additional_properties = d
        return answer_webhook

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
from ..models.answer_webhook_custom_data import AnswerWebhookCustomData  # noqa: E402
