"""JSON over HTTP with the transport failures sorted into NotSent and MaybeSent.

This is the one place where httpx exceptions become Loket errors, so every client agrees
on the rule that matters for money: only a failure that proves nothing was written to the
network (no connection) is ``NotSent``; everything after that is ``MaybeSent``.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from typing import Any, Mapping

import httpx

from services.errors import MaybeSent, NotSent

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT = httpx.Timeout(connect=10.0, read=45.0, write=20.0, pool=10.0)


@dataclass(frozen=True)
class JsonResponse:
    status: int
    body: Any
    raw: bytes


class JsonHttp:
    """POSTs JSON to one host and returns the parsed answer."""

    def __init__(self, client: httpx.Client, base_url: str, host: str) -> None:
        self.client = client
        self.base_url = base_url.rstrip("/")
        self.host = host

    def url(self, path: str) -> str:
        return self.base_url + path

    def post(
        self,
        path: str,
        *,
        content: bytes,
        headers: Mapping[str, str],
        params: Mapping[str, str] | None = None,
        timeout: httpx.Timeout | float | None = None,
    ) -> JsonResponse:
        """Send exactly ``content`` (the bytes a signature may have been computed over)."""
        try:
            response = self.client.post(
                self.url(path),
                content=content,
                headers=dict(headers),
                params=params,
                timeout=timeout or DEFAULT_TIMEOUT,
            )
        except (httpx.ConnectError, httpx.ConnectTimeout, httpx.UnsupportedProtocol, httpx.PoolTimeout) as exc:
            raise NotSent(host=self.host, detail=f"{type(exc).__name__}: {exc}") from exc
        except httpx.HTTPError as exc:
            raise MaybeSent(host=self.host, detail=f"{type(exc).__name__}: {exc}") from exc
        raw = response.content
        if response.status_code >= 500:
            raise MaybeSent(host=self.host, detail=f"HTTP {response.status_code}")
        try:
            body = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise MaybeSent(host=self.host, detail=f"HTTP {response.status_code}: unreadable answer") from exc
        return JsonResponse(response.status_code, body, raw)

    def post_json(self, path: str, body: Any, *, headers: Mapping[str, str] | None = None, **kw: Any) -> JsonResponse:
        content = json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
        merged = {"content-type": "application/json", **(headers or {})}
        return self.post(path, content=content, headers=merged, **kw)
