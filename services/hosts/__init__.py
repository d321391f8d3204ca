"""One client per bank API. Each knows its host's auth, signing, wire format and error
shapes, and returns typed results or raises the typed errors of ``services.errors``.
Clients receive their ``httpx.Client`` (real network or the in-process sandbox transport)
from the composition root; none creates its own."""
