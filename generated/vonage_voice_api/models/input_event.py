from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import models
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.input_event_dtmf import InputEventDtmf
    from ..models.input_event_speech import InputEventSpeech


T = TypeVar("T", bound="InputEvent")


@_attrs_define
class InputEvent:
    """Webhook payload (not an operation): the result of an `input` action (or, with `mode: asynchronous`, one digit, sent
    to the DTMF subscription's URL). The answer should be an NCCO that replaces the current one.

    """

    uuid: UUID
    """ The unique identifier for this call leg. The UUID is created when your call request is accepted by Vonage.
    You use the UUID in all requests for individual live calls """
    conversation_uuid: str
    """ The unique identifier for the conversation this call leg is part of. """
    timestamp: datetime.datetime
    """ When Vonage sent the event, in UTC (RFC 3339, with milliseconds). """
    from_: str | Unset = UNSET
    """ The number (no `+`) or address the call is from. """
    to: str | Unset = UNSET
    """ The number (no `+`) or address the call is to. """
    dtmf: models.InputEventDtmf | Unset = UNSET
    """ The DTMF result. """
    speech: models.InputEventSpeech | Unset = UNSET
    """ The speech recognition result. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        uuid = str(self.uuid)

        conversation_uuid = self.conversation_uuid

        timestamp = self.timestamp.isoformat()

        from_ = self.from_

        to = self.to

        dtmf: dict[str, Any] | Unset = UNSET
        if not isinstance(self.dtmf, Unset):
            dtmf = self.dtmf.to_dict()

        speech: dict[str, Any] | Unset = UNSET
        if not isinstance(self.speech, Unset):
            speech = self.speech.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "uuid": uuid,
                "conversation_uuid": conversation_uuid,
                "timestamp": timestamp,
            }
        )
        if from_ is not UNSET:
            field_dict["from"] = from_
        if to is not UNSET:
            field_dict["to"] = to
        if dtmf is not UNSET:
            field_dict["dtmf"] = dtmf
        if speech is not UNSET:
            field_dict["speech"] = speech

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        uuid = UUID(d.pop("uuid"))

        conversation_uuid = d.pop("conversation_uuid")

        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))

        from_ = d.pop("from", UNSET)

        to = d.pop("to", UNSET)

        _dtmf = d.pop("dtmf", UNSET)
        dtmf: InputEventDtmf | Unset
        if isinstance(_dtmf, Unset):
            dtmf = UNSET
        else:
            dtmf = InputEventDtmf.from_dict(_dtmf)

        _speech = d.pop("speech", UNSET)
        speech: InputEventSpeech | Unset
        if isinstance(_speech, Unset):
            speech = UNSET
        else:
            speech = InputEventSpeech.from_dict(_speech)

        input_event = cls(
            uuid=uuid,
            conversation_uuid=conversation_uuid,
            timestamp=timestamp,
            from_=from_,
            to=to,
            dtmf=dtmf,
            speech=speech,
        )

        input_event.additional_properties = d
        return input_event

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
from ..models.input_event_dtmf import InputEventDtmf  # noqa: E402
from ..models.input_event_speech import InputEventSpeech  # noqa: E402
