"""The batch fixtures of the exchange tests: a real batch written to a "USB stick"."""

from __future__ import annotations

import pytest

from exchange import batch_file
from tests.exchange.batch_helpers import write


@pytest.fixture
def batch(tmp_path) -> batch_file.WrittenBatch:
    """A real batch on a "USB stick"."""
    usb = tmp_path / "usb"
    usb.mkdir()
    return write(usb)


@pytest.fixture
def good(batch) -> bytes:
    return batch.file_bytes
