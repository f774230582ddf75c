"""The web face: the ASGI app, its request pipeline (faults, auth, validation), the operations' handlers, the
``/_sandbox/`` endpoints, and problem+json answers (:mod:`.problems`, the one place errors of the rooms below
become HTTP answers)."""
