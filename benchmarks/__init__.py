"""Benchmarks: scripts that print figures (never tests). A regular package, so that `from benchmarks import speed`
finds these files and not a top-level `benchmarks` package another distribution installs (pySBD ships one).
"""
