"""A tiny form backend for browser tests: records every POST, answers with a chosen status."""

from __future__ import annotations

import http.server
import json
import threading
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlsplit


@dataclass
class Received:
    path: str
    content_type: str
    body: bytes

    def fields(self) -> list[tuple[str, str]]:
        """The posted (name, value) pairs, in order, whatever the encoding."""
        if self.content_type.startswith("application/json"):
            data = json.loads(self.body)
            return [
                (name, item)
                for name, value in data.items()
                for item in (value if isinstance(value, list) else [value])
            ]
        return parse_qsl(self.body.decode("utf-8"), keep_blank_values=True)


@dataclass
class Receiver:
    """Answers `status` to every POST; 303 redirects to the posted `_next` when `redirect`."""

    url: str = ""
    status: int = 200
    redirect: bool = False
    posts: list[Received] = field(default_factory=list)
    preflights: int = 0


def handler_for(receiver: Receiver) -> type[http.server.BaseHTTPRequestHandler]:
    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

        def cors(self) -> None:
            self.send_header("Access-Control-Allow-Origin", "*")
            self.send_header("Access-Control-Allow-Methods", "POST")
            self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")

        def do_OPTIONS(self) -> None:
            receiver.preflights += 1
            self.send_response(204)
            self.cors()
            self.end_headers()

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            post = Received(
                urlsplit(self.path).path,
                self.headers.get("Content-Type", ""),
                self.rfile.read(length),
            )
            receiver.posts.append(post)
            if receiver.redirect:
                self.send_response(303)
                self.send_header("Location", dict(post.fields()).get("_next", "/"))
                self.end_headers()
                return
            body = json.dumps({"ok": receiver.status < 400}).encode()
            self.send_response(receiver.status)
            self.cors()
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return Handler


def start_receiver() -> tuple[Receiver, http.server.ThreadingHTTPServer]:
    receiver = Receiver()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler_for(receiver))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    receiver.url = f"http://127.0.0.1:{server.server_address[1]}/f/portal"
    return receiver, server
