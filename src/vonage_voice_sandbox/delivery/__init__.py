"""Outbound delivery: what the engine's outbox holds (events, NCCO fetches) sent to loopback webhooks, signed, and
which addresses are loopback or lead back into the sandbox (:mod:`.addresses`)."""
