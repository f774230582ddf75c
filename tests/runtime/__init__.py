"""Tests of the runtime, vonage_voice_client (and of the generated models it hands out)."""
