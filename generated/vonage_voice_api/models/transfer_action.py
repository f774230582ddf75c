from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import models
from ..models.transfer_action_action import (
    TRANSFER_ACTION_ACTION_VALUES,
)
from ..types import (
    UNSET,
    Unset,
    check_value,
    compile_checks,
    compile_shapes,
    json_form,
    refuse_field,
    refuse_shape,
    strings,
)

# For the error only: which rule a value that failed __attrs_post_init__'s test breaks.
_CHECKS = compile_checks(
    (
        ("conversation_id", "conversationId", {"type": "string", "minLength": 1}),
        ("can_hear", "canHear", {"type": "array", "items": {"type": "string"}}),
        ("can_speak", "canSpeak", {"type": "array", "items": {"type": "string"}}),
        ("mute", "mute", {"type": "boolean"}),
    )
)

_SHAPES = compile_shapes(
    [{"not": {"description": "`mute` cannot be combined with `canSpeak`.", "required": ["mute", "canSpeak"]}}],
    {
        "action": "action",
        "conversationId": "conversation_id",
        "canHear": "can_hear",
        "canSpeak": "can_speak",
        "mute": "mute",
    },
)


def _refuse(model: Any) -> None:
    check_value(model, "action", model.action, TRANSFER_ACTION_ACTION_VALUES)
    for entry in _CHECKS:
        refuse_field(model, entry)
    for shape in _SHAPES:
        refuse_shape(model, shape)


T = TypeVar("T", bound="TransferAction")


@_attrs_define
class TransferAction:
    """Move every leg of the current conversation into another existing conversation. Ends the current conversation's NCCO.
    (Not to be confused with the REST transfer of updateCall.)

    """

    conversation_id: str
    """ ID of the conversation to move the legs into. """
    action: models.TransferActionAction = "transfer"
    can_hear: list[str] | Unset = UNSET
    """ UUIDs of the legs the moved participants can hear. """
    can_speak: list[str] | Unset = UNSET
    """ UUIDs of the legs that can hear the moved participants. """
    mute: bool | Unset = UNSET
    """ Mute the moved participants; not allowed together with `canSpeak`. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __attrs_post_init__(self) -> None:
        m: Any = self
        if not (
            ((v := m.action) is not UNSET and (v.__class__ is str and v in TRANSFER_ACTION_ACTION_VALUES))
            and ((v := m.conversation_id) is not UNSET and (v.__class__ is str and 1 <= len(v)))
            and ((v := m.can_hear) is UNSET or (v.__class__ is list and strings(v, None)))
            and ((v := m.can_speak) is UNSET or (v.__class__ is list and strings(v, None)))
            and ((v := m.mute) is UNSET or (v.__class__ is bool))
            and (not (m.mute is not UNSET and m.can_speak is not UNSET))
        ):
            _refuse(self)

    def to_dict(self) -> dict[str, Any]:
        action: str = self.action

        conversation_id = self.conversation_id

        can_hear: list[str] | Unset = UNSET
        if not isinstance(self.can_hear, Unset):
            can_hear = self.can_hear

        can_speak: list[str] | Unset = UNSET
        if not isinstance(self.can_speak, Unset):
            can_speak = self.can_speak

        mute = self.mute

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "action": action,
                "conversationId": conversation_id,
            }
        )
        if can_hear is not UNSET:
            field_dict["canHear"] = can_hear
        if can_speak is not UNSET:
            field_dict["canSpeak"] = can_speak
        if mute is not UNSET:
            field_dict["mute"] = mute

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        action = d.pop("action")

        conversation_id = d.pop("conversationId")

        can_hear = cast(list[str], d.pop("canHear", UNSET))

        can_speak = cast(list[str], d.pop("canSpeak", UNSET))

        mute = json_form(d.pop("mute", UNSET), "boolean")

        transfer_action = cls(
            action=action,
            conversation_id=conversation_id,
            can_hear=can_hear,
            can_speak=can_speak,
            mute=mute,
        )

        transfer_action.additional_properties = d
        return transfer_action

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
