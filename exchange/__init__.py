"""Batches, keys, enrolment, receipts and signed updates: what the officer's laptop and the
district office exchange on a USB stick or a shared folder. Never imports Qt.
"""
