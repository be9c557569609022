"""What the district's sync endpoint and the officers' client agree on: the API version in
every path, the headers that name and authenticate a device, and the text a device signs.

Kept apart from `httpsync.server` (Starlette) and `httpsync.client` (httpx) so that neither side
imports the other's web library.
"""

from __future__ import annotations

API = "v1"
DEVICE_HEADER = "x-jaring-device"
TIME_HEADER = "x-jaring-time"
SIGNATURE_HEADER = "x-jaring-signature"


def request_text(method: str, path: str, query: str, timestamp: str, device_id: str) -> bytes:
    """What a device signs for one request (the body, if any, is signed on its own)."""
    return f"jaring-request-1\n{device_id}\n{method}\n{path}\n{query}\n{timestamp}".encode()
