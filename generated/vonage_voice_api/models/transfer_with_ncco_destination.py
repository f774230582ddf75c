from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.transfer_with_ncco_destination_type import (
    TransferWithNccoDestinationType,
    check_transfer_with_ncco_destination_type,
)

if TYPE_CHECKING:
    from ..models.connect_action import ConnectAction
    from ..models.conversation_action import ConversationAction
    from ..models.input_action import InputAction
    from ..models.notify_action import NotifyAction
    from ..models.record_action import RecordAction
    from ..models.stream_action import StreamAction
    from ..models.talk_action import TalkAction
    from ..models.transfer_action import TransferAction
    from ..models.wait_action import WaitAction


from ..models.transfer_with_ncco_destination_type import TRANSFER_WITH_NCCO_DESTINATION_TYPE_VALUES
from ..types import check_value

T = TypeVar("T", bound="TransferWithNccoDestination")


@_attrs_define
class TransferWithNccoDestination:
    ncco: list[
        ConnectAction
        | ConversationAction
        | InputAction
        | NotifyAction
        | RecordAction
        | StreamAction
        | TalkAction
        | TransferAction
        | WaitAction
    ]
    """ Refer to the [NCCO Guide](https://developer.nexmo.com/voice/voice-api/ncco-reference) for a description of
    possible NCCO parameters. """
    type_: TransferWithNccoDestinationType = "ncco"
    """ Always `ncco` """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __attrs_post_init__(self) -> None:
        check_value(self, "type", self.type_, TRANSFER_WITH_NCCO_DESTINATION_TYPE_VALUES)

    def to_dict(self) -> dict[str, Any]:
        type_: str = self.type_

        ncco = []
        for ncco_item_data in self.ncco:
            ncco_item: dict[str, Any]
            if isinstance(ncco_item_data, RecordAction):
                ncco_item = ncco_item_data.to_dict()
            elif isinstance(ncco_item_data, ConversationAction):
                ncco_item = ncco_item_data.to_dict()
            elif isinstance(ncco_item_data, ConnectAction):
                ncco_item = ncco_item_data.to_dict()
            elif isinstance(ncco_item_data, TalkAction):
                ncco_item = ncco_item_data.to_dict()
            elif isinstance(ncco_item_data, StreamAction):
                ncco_item = ncco_item_data.to_dict()
            elif isinstance(ncco_item_data, InputAction):
                ncco_item = ncco_item_data.to_dict()
            elif isinstance(ncco_item_data, NotifyAction):
                ncco_item = ncco_item_data.to_dict()
            elif isinstance(ncco_item_data, WaitAction):
                ncco_item = ncco_item_data.to_dict()
            else:
                ncco_item = ncco_item_data.to_dict()

            ncco.append(ncco_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "ncco": ncco,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = check_transfer_with_ncco_destination_type(d.pop("type"))

        ncco = []
        _ncco = d.pop("ncco")
        for ncco_item_data in _ncco:

            def _parse_ncco_item(
                data: object,
            ) -> (
                ConnectAction
                | ConversationAction
                | InputAction
                | NotifyAction
                | RecordAction
                | StreamAction
                | TalkAction
                | TransferAction
                | WaitAction
            ):
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_ncco_action_type_0 = RecordAction.from_dict(data)

                    return componentsschemas_ncco_action_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_ncco_action_type_1 = ConversationAction.from_dict(data)

                    return componentsschemas_ncco_action_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_ncco_action_type_2 = ConnectAction.from_dict(data)

                    return componentsschemas_ncco_action_type_2
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_ncco_action_type_3 = TalkAction.from_dict(data)

                    return componentsschemas_ncco_action_type_3
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_ncco_action_type_4 = StreamAction.from_dict(data)

                    return componentsschemas_ncco_action_type_4
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_ncco_action_type_5 = InputAction.from_dict(data)

                    return componentsschemas_ncco_action_type_5
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_ncco_action_type_6 = NotifyAction.from_dict(data)

                    return componentsschemas_ncco_action_type_6
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_ncco_action_type_7 = WaitAction.from_dict(data)

                    return componentsschemas_ncco_action_type_7
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_ncco_action_type_8 = TransferAction.from_dict(data)

                return componentsschemas_ncco_action_type_8

            ncco_item = _parse_ncco_item(ncco_item_data)

            ncco.append(ncco_item)

        transfer_with_ncco_destination = cls(
            type_=type_,
            ncco=ncco,
        )

        transfer_with_ncco_destination.additional_properties = d
        return transfer_with_ncco_destination

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
from ..models.connect_action import ConnectAction  # noqa: E402
from ..models.conversation_action import ConversationAction  # noqa: E402
from ..models.input_action import InputAction  # noqa: E402
from ..models.notify_action import NotifyAction  # noqa: E402
from ..models.record_action import RecordAction  # noqa: E402
from ..models.stream_action import StreamAction  # noqa: E402
from ..models.talk_action import TalkAction  # noqa: E402
from ..models.transfer_action import TransferAction  # noqa: E402
from ..models.wait_action import WaitAction  # noqa: E402
