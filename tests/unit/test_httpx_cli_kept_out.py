"""Loket's services use httpx without loading its command-line tool's click and pygments.

A fresh interpreter imports what the composition root and the clients import, then posts
through ``JsonHttp`` to a host answering in-process: the client works, and neither click
nor pygments (~5 MiB a counter would hold all day) was imported on the way.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import json, sys
import app.context
from services.hosts.http import JsonHttp
import httpx

answer = lambda request: httpx.Response(200, json={"echo": json.loads(request.content)})
client = httpx.Client(transport=httpx.MockTransport(answer))
body = JsonHttp(client, "http://127.0.0.1:9", "bankplus").post("/ping", content=b'{"a":1}', headers={}).body
print(json.dumps({"body": body, "loaded": sorted(m for m in ("click", "pygments", "rich") if m in sys.modules)}))
"""


def test_importing_loket_keeps_httpx_cli_out_and_the_client_posts():
    out = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    assert seen == {"body": {"echo": {"a": 1}}, "loaded": []}


def test_httpx_still_says_its_command_line_tool_is_not_installed():
    probe = "import services, httpx\ntry:\n    httpx.main()\nexcept SystemExit as exit:\n    print(exit.code)"
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.stdout.strip().splitlines()[-1] == "1"
    assert "command line client could not run" in out.stdout
