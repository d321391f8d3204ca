"""Tampering with a simulated host's answers, for the fuzz tests of every host client.

The simulated host books the payment and answers as it should; on the way back the answer
is tampered with: one field replaced by a wrong type, a huge or negative number, a float,
NaN, HTML, a list or an object, or removed; or the whole body replaced by an empty one, HTML
or bytes that are not JSON. ``check`` then holds the journal row to what a tampered answer
may and may not do (see tests/integration/test_fuzz_answers.py).
"""

from __future__ import annotations

import copy
import json
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import httpx
from hypothesis import strategies as st

from services.journal import Journal, State
from services.money import MoneyError, parse_rupiah

HTML = "<html><head><title>502 Bad Gateway</title></head><body><h1>502</h1></body></html>"
MISSING = object()

garbage = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=12), st.just(HTML), st.just(""),
    st.just("99999999999999999999999999"), st.just("25.000,50"), st.just(" 00 "),
    st.lists(st.integers(), max_size=2), st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)
whole_bodies = st.one_of(st.just(b""), st.just(HTML.encode()), st.binary(max_size=40),
                         garbage.map(lambda v: json.dumps(v).encode()))


def leaf_paths(value: Any, prefix: tuple = ()) -> list[tuple]:
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in leaf_paths(v, prefix + (k,))] + ([prefix] if prefix else [])
    return [prefix]


@dataclass(frozen=True)
class Tampering:
    path: tuple | None  # None: the whole body replaced
    value: Any  # the new value, or MISSING (the field removed), or the body's bytes

    def apply(self, original: dict) -> bytes:
        if self.path is None:
            return self.value
        answer = copy.deepcopy(original)
        *parents, last = self.path
        node = answer
        for key in parents:
            node = node[key]
        if self.value is MISSING:
            node.pop(last, None)
        else:
            node[last] = self.value
        return json.dumps(answer, allow_nan=True).encode()

    def original_value(self, original: dict) -> Any:
        node: Any = original
        for key in self.path or ():
            node = node[key]
        return node


@st.composite
def tamperings(draw, original: dict) -> Tampering:
    if draw(st.integers(0, 5)) == 0:
        return Tampering(None, draw(whole_bodies))
    path = draw(st.sampled_from(leaf_paths(original)))
    return Tampering(path, draw(st.one_of(st.just(MISSING), garbage)))


def any_request(request: httpx.Request) -> bool:
    return True


class Tamper(httpx.BaseTransport):
    """The sandbox, with the answer to ``path`` replaced by ``tampering.apply(answer)``
    (only for the requests ``which`` picks, where one path serves several operations)."""

    def __init__(self, inner: httpx.BaseTransport, path: str,
                 which: Callable[[httpx.Request], bool] = any_request) -> None:
        self.inner, self.path, self.which = inner, path, which
        self.tampering: Tampering | None = None
        self.original: dict | None = None

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(request)
        if request.url.path != self.path or self.tampering is None or not self.which(request):
            return response
        response.read()
        self.original = response.json()
        return httpx.Response(response.status_code, headers={"content-type": "application/json"},
                              content=self.tampering.apply(self.original))


def same(a: Any, b: Any) -> bool:
    """The tampered field still says what the original did (as text, or as the same rupiah)."""
    if a is MISSING or b is MISSING:
        return False
    if str(a).strip() == str(b).strip():
        return True
    try:
        return parse_rupiah(a) == parse_rupiah(b)
    except (MoneyError, ValueError, TypeError, ArithmeticError):
        return False


def absent(value: Any) -> bool:
    """Left out, as the clients read it (``services.hosts.answers.stated``): null or blank."""
    return value is MISSING or value is None or (isinstance(value, str) and not value.strip())


@dataclass(frozen=True)
class Client:
    name: str
    host: Callable[[], httpx.BaseTransport]  # a fresh sandbox transport for one example
    path: str
    sample: dict  # a real answer of the sandbox, for the paths to tamper with
    identity: frozenset  # the paths that name the payment: a changed one is never SUCCESS
    echoed_twice: frozenset  # those the answer may leave out (stated elsewhere, or optional)
    verdict: frozenset  # the paths that carry the host's verdict
    pay: Callable[[Tamper, Path], Journal]  # make one payment through the tampering transport
    which: Callable[[httpx.Request], bool] = any_request
    settled_before: State | None = None  # the row's state before the tampered answer (a status check)


def sample(host: Callable[[], httpx.BaseTransport], pay: Callable[[Tamper, Path], Journal], path: str,
           which: Callable[[httpx.Request], bool] = any_request) -> dict:
    """A real answer of the sandbox to ``path``, untampered, for the paths to tamper with."""
    tamper = Tamper(host(), path, which)
    tamper.tampering = Tampering(None, b"")  # capture only; the payment itself is not checked here
    with tempfile.TemporaryDirectory() as folder:
        pay(tamper, Path(folder)).close()
    assert tamper.original is not None, f"no answer to {path} was captured"
    return tamper.original


def check(c: Client, tampering: Tampering) -> None:
    """One payment through ``tampering``: its row settled, SUCCESS only when every field
    that names it still says what was sent, FAILED only when the verdict was changed."""
    tamper = Tamper(c.host(), c.path, c.which)
    tamper.tampering = tampering
    with tempfile.TemporaryDirectory() as folder:
        with c.pay(tamper, Path(folder)) as journal:
            [row] = list(journal.rows())
            state = row.state
    assert state in (State.SUCCESS, State.FAILED, State.SUSPECT), (tampering, state)
    if tampering.path is None:
        assert state is State.SUSPECT, (tampering, state)  # nothing readable: unknown
        return
    assert tamper.original is not None
    if state is State.SUCCESS and tampering.path in c.identity:
        left_out = absent(tampering.value) and tampering.path in c.echoed_twice
        assert left_out or same(tampering.original_value(tamper.original), tampering.value), (tampering, state)
    if state is State.FAILED:
        assert tampering.path in c.verdict, (tampering, state)
