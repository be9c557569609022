"""Sync over HTTP: the district's endpoint, the officer's client and the protocol they share.
Never imports Qt.
"""
