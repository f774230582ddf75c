"""Tests of the build pipeline: tools/, the overlays, the generated package and `make update-spec`."""
