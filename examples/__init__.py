"""Example applications built on vonage-voice-client, each tested by `make test` against the sandbox fixtures."""
