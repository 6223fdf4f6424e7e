"""Plain HTTP requests for server tests: exactly the headers given, the body as sent (not decoded)."""

from __future__ import annotations

import http.client
import ssl
from dataclasses import dataclass
from urllib.parse import urlsplit


@dataclass
class Answer:
    status: int
    headers: dict[str, str]  # names lower-cased; repeated headers joined with ", "
    body: bytes

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())


def request(url: str, path: str, headers: dict[str, str] | None = None, method: str = "GET") -> Answer:
    """`method` `path` on the server at `url`. No Accept-Encoding unless `headers` gives one
    (http.client would otherwise ask for `identity`); HTTPS without checking the certificate."""
    parts = urlsplit(url)
    if parts.scheme == "https":
        connection: http.client.HTTPConnection = http.client.HTTPSConnection(
            parts.hostname, parts.port, timeout=30, context=ssl._create_unverified_context()  # noqa: S323 - a test's own certificate
        )
    else:
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        connection.putrequest(method, path, skip_accept_encoding=True)
        for name, value in (headers or {}).items():
            connection.putheader(name, value)
        connection.endheaders()
        response = connection.getresponse()
        found: dict[str, str] = {}
        for name, value in response.getheaders():
            key = name.lower()
            found[key] = f"{found[key]}, {value}" if key in found else value
        return Answer(response.status, found, response.read())
    finally:
        connection.close()
