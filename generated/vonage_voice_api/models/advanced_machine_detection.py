from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import models
from ..models.advanced_machine_detection_behavior import (
    ADVANCED_MACHINE_DETECTION_BEHAVIOR_VALUES,
)
from ..models.advanced_machine_detection_mode import (
    ADVANCED_MACHINE_DETECTION_MODE_VALUES,
)
from ..types import (
    UNSET,
    Unset,
    check_value,
    compile_checks,
    json_form,
    refuse_field,
)

# For the error only: which rule a value that failed __attrs_post_init__'s test breaks.
_CHECKS = compile_checks((("beep_timeout", "beep_timeout", {"type": "integer", "minimum": 30, "maximum": 120}),))


def _refuse(model: Any) -> None:
    check_value(model, "behavior", model.behavior, ADVANCED_MACHINE_DETECTION_BEHAVIOR_VALUES)
    check_value(model, "mode", model.mode, ADVANCED_MACHINE_DETECTION_MODE_VALUES)
    for entry in _CHECKS:
        refuse_field(model, entry)


T = TypeVar("T", bound="AdvancedMachineDetection")


@_attrs_define
class AdvancedMachineDetection:
    """Settings of Vonage's advanced machine detection, which wins over `machine_detection` when both are given. It is
    charged; the rates are on the Voice API Pricing page, under 'Programmable Features'.

    """

    behavior: models.AdvancedMachineDetectionBehavior | Unset = UNSET
    """ When `hangup` is used, the call will be terminated if a machine is detected. When `continue` is used, the
    call will continue even if a machine is detected. """
    mode: models.AdvancedMachineDetectionMode | Unset = "detect"
    """ Detects whether a human or a machine answered, and reports `human` or `machine` in an event. Note that
    the default mode is `detect`, not the mode named `default`:

    * `default`: asynchronous. The next NCCO action starts at once while detection goes on alongside; the
      application gets both the detection status event and the beep events, and may answer any of them
      with a new NCCO.
    * `detect`: synchronous. The next NCCO action waits until detection is over; the application only gets
      the detection status event.
    * `detect_beep`: synchronous. The next NCCO action waits until detection is over; the application only
      gets a beep event.
     """
    beep_timeout: int | Unset = UNSET
    """ Maximum time in seconds Vonage should wait for a machine beep to be detected. A machine event with
    `sub_state` set to `beep_timeout` will be sent if the timeout is exceeded. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __attrs_post_init__(self) -> None:
        m: Any = self
        if not (
            ((v := m.behavior) is UNSET or (v.__class__ is str and v in ADVANCED_MACHINE_DETECTION_BEHAVIOR_VALUES))
            and ((v := m.mode) is UNSET or (v.__class__ is str and v in ADVANCED_MACHINE_DETECTION_MODE_VALUES))
            and ((v := m.beep_timeout) is UNSET or (v.__class__ is int and 30 <= v <= 120))
        ):
            _refuse(self)

    def to_dict(self) -> dict[str, Any]:
        behavior: str | Unset = UNSET
        if not isinstance(self.behavior, Unset):
            behavior = self.behavior

        mode: str | Unset = UNSET
        if not isinstance(self.mode, Unset):
            mode = self.mode

        beep_timeout = self.beep_timeout

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if behavior is not UNSET:
            field_dict["behavior"] = behavior
        if mode is not UNSET:
            field_dict["mode"] = mode
        if beep_timeout is not UNSET:
            field_dict["beep_timeout"] = beep_timeout

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        behavior = d.pop("behavior", UNSET)

        mode = d.pop("mode", UNSET)

        beep_timeout = json_form(d.pop("beep_timeout", UNSET), "integer")

        advanced_machine_detection = cls(
            behavior=behavior,
            mode=mode,
            beep_timeout=beep_timeout,
        )

        advanced_machine_detection.additional_properties = d
        return advanced_machine_detection

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
