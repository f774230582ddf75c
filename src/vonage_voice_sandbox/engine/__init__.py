"""The call engine: calls and their state, scenarios, the clock, NCCO timing, the payloads and logs of what calls
produced, and the errors a request can meet here (:mod:`.errors`). No I/O: what goes out waits in the outbox for
:mod:`..delivery`, and HTTP answers are the web face's."""
