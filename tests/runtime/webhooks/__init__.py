"""Tests of the runtime's webhook helpers: verifying, parsing and constructing callbacks."""
