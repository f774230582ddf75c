from typing import Literal

MachineEventSubState = Literal["beep_start", "beep_timeout"]

MACHINE_EVENT_SUB_STATE_VALUES: set[MachineEventSubState] = {
    "beep_start",
    "beep_timeout",
}


def check_machine_event_sub_state(value: str) -> MachineEventSubState:
    if value in MACHINE_EVENT_SUB_STATE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {MACHINE_EVENT_SUB_STATE_VALUES!r}")
