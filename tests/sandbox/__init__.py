"""Tests of the embedded sandbox, vonage_voice_sandbox, and its pytest plugin's fixtures."""
