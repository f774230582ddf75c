from typing import Literal

TransferWithNccoDestinationType = Literal["ncco"]

TRANSFER_WITH_NCCO_DESTINATION_TYPE_VALUES: set[TransferWithNccoDestinationType] = {
    "ncco",
}


def check_transfer_with_ncco_destination_type(value: str) -> TransferWithNccoDestinationType:
    if value in TRANSFER_WITH_NCCO_DESTINATION_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TRANSFER_WITH_NCCO_DESTINATION_TYPE_VALUES!r}")
