"""Realistic fake registrations for trying the app and for the benchmarks (``demo``).

Outside the core: nothing in models/ depends on it.
"""
