"""An IVR on Starlette: a menu with talk and input, the caller's choice answered with a new NCCO, signed webhooks."""
