"""Jaring's domain and its storage: registrations, validation, contributions, regions.

Nothing in this package imports Qt or touches the network; the GUI and the command line
both build on it.
"""
