from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import models
from ..types import UNSET

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


from ..errors import InvalidValueError
from ..models.transfer_with_ncco_destination_type import TRANSFER_WITH_NCCO_DESTINATION_TYPE_VALUES
from ..types import (
    check_value,
    compile_checks,
    refuse_field,
)

# For the error only: which rule a value that failed __attrs_post_init__'s test breaks.
_CHECKS = compile_checks((("ncco", "ncco", {"type": "array", "minItems": 1}),))


def _refuse(model: Any) -> None:
    check_value(model, "type", model.type_, TRANSFER_WITH_NCCO_DESTINATION_TYPE_VALUES)
    for entry in _CHECKS:
        refuse_field(model, entry)


T = TypeVar("T", bound="TransferWithNccoDestination")


@_attrs_define
class TransferWithNccoDestination:
    ncco: list[
        models.ConnectAction
        | models.ConversationAction
        | models.InputAction
        | models.NotifyAction
        | models.RecordAction
        | models.StreamAction
        | models.TalkAction
        | models.TransferAction
        | models.WaitAction
    ]
    """ Refer to the [NCCO Guide](https://developer.nexmo.com/voice/voice-api/ncco-reference) for a description of
    possible NCCO parameters. """
    type_: models.TransferWithNccoDestinationType = "ncco"
    """ Always `ncco` """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __attrs_post_init__(self) -> None:
        m: Any = self
        if not (
            ((v := m.type_) is not UNSET and (v.__class__ is str and v in TRANSFER_WITH_NCCO_DESTINATION_TYPE_VALUES))
            and ((v := m.ncco) is not UNSET and (v.__class__ is list and 1 <= len(v)))
        ):
            _refuse(self)

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
        type_ = d.pop("type")

        def _parse_ncco(
            data: object, where: str
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
            if not isinstance(data, dict):
                raise TypeError(
                    f"TransferWithNccoDestination.{where}: expected a JSON object, got {type(data).__name__}"
                )
            kind = data.get("action")
            try:
                if kind == "record":
                    return RecordAction.from_dict(data)
                if kind == "conversation":
                    return ConversationAction.from_dict(data)
                if kind == "connect":
                    return ConnectAction.from_dict(data)
                if kind == "talk":
                    return TalkAction.from_dict(data)
                if kind == "stream":
                    return StreamAction.from_dict(data)
                if kind == "input":
                    return InputAction.from_dict(data)
                if kind == "notify":
                    return NotifyAction.from_dict(data)
                if kind == "wait":
                    return WaitAction.from_dict(data)
                if kind == "transfer":
                    return TransferAction.from_dict(data)
            except (KeyError, TypeError, ValueError) as error:  # a known kind, broken: say where it is
                error.add_note(f"in TransferWithNccoDestination.{where} (action {kind!r})")
                raise
            raise InvalidValueError(
                "TransferWithNccoDestination",
                f"{where}.action",
                kind,
                ["record", "conversation", "connect", "talk", "stream", "input", "notify", "wait", "transfer"],
            )

        _ncco = d.pop("ncco")
        if not isinstance(_ncco, list):
            raise TypeError(f"TransferWithNccoDestination.ncco: expected a list, got {type(_ncco).__name__}")
        ncco = [_parse_ncco(item, f"ncco[{index}]") for index, item in enumerate(_ncco)]

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
