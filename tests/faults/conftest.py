"""The fault tests' set-up: a district and one enrolled officer device, each a database file
(with its keys) that the command line opens in a process of its own."""

from __future__ import annotations

import pytest

from tests.faults.field import Field, make_field


@pytest.fixture
def field(tmp_path) -> Field:
    """A district, an officer device with 12 ready registrations, and two USB sticks."""
    return make_field(tmp_path, people=12)
