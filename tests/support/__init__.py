"""Helpers shared by tests of more than one subject (never tests themselves)."""
