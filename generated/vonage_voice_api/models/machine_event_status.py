from typing import Literal

MachineEventStatus = Literal["machine"]

MACHINE_EVENT_STATUS_VALUES: set[MachineEventStatus] = {
    "machine",
}


def check_machine_event_status(value: str) -> MachineEventStatus:
    if value in MACHINE_EVENT_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {MACHINE_EVENT_STATUS_VALUES!r}")
