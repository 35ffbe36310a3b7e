"""Bundled resources: example projects, data sets, icons."""
