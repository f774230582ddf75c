"""The bottom room: reading the patched spec and checking requests against it.

Route table (:mod:`.document`), local ``$ref`` pointers (:mod:`.refs`), the spec's defaults, openapi-core set-up and
request validation with its errors (:mod:`.errors`). It imports nothing of the sandbox's other rooms, so anything
that checks traffic against the spec can use it without the call engine or the web face (import-linter holds it).
"""
