"""Scoring: tie strength, target specs, fit, affinity and outcomes.

Each scorer is a pure function over pandas tables (vectorised) and explains itself in words.
Submodules are imported on demand to keep the command line fast.
"""
