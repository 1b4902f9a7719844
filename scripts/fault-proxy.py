#!/usr/bin/env python3
"""The test environment's registry fault proxy (scripts/testenv starts it; loopback only).

A control endpoint (default 127.0.0.1:5690) opens fault sessions: each is an HTTP proxy on a
loopback port of its own in front of a registry, which makes a configured share of the requests
fail, each in one of these ways, picked at random:

  429        429 Too Many Requests, no Retry-After
  429-retry  429 Too Many Requests with Retry-After: 1
  500 502 503  the status, with a registry error body
  reset      the connection is reset (RST) half-way through the request body (a blob upload) or,
             for a request without a body, half-way through the response
  truncate   the response's headers promise more body than comes; the connection then closes
  stall      the response waits `stall` seconds before it is sent

Every IT opens its own session, so ITs running at the same time never share a configuration.

  POST   /sessions         {"upstream": "127.0.0.1:5000", "rate": 0.2, "kinds": [...], "seed": 1,
                            "stall": 3, "name": "it-name", "lifetime": 900}  -> {"port": N, ...}
  GET    /sessions/N       what session N saw: requests, faults by kind
  POST   /sessions/N       {"rate": 1.0, ...}: changes the session's configuration
  DELETE /sessions/N       closes session N, answers with what it saw
  GET    /health           200

A session closes by itself after `lifetime` seconds (default 900), so a crashed IT leaks nothing.
Only the Python 3 standard library is used.
"""
import argparse
import json
import os
import random
import socket
import struct
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

KINDS = ["429", "429-retry", "500", "502", "503", "reset", "truncate", "stall"]
REASONS = {429: "Too Many Requests", 500: "Internal Server Error", 502: "Bad Gateway",
           503: "Service Unavailable"}


class Framing:
    """How an HTTP message's body ends: a length, chunks, the connection's end, or no body."""

    def __init__(self, length=None, chunked=False, to_close=False):
        self.length, self.chunked, self.to_close = length, chunked, to_close


def read_head(stream):
    """The start line and headers of the next message on the stream, or None at its end."""
    lines = []
    while True:
        line = stream.readline(65537)
        if not line:
            return None
        if line in (b"\r\n", b"\n"):
            if lines:
                break
            continue
        lines.append(line)
    start = lines[0].decode("latin-1").rstrip("\r\n")
    headers = []
    for raw in lines[1:]:
        name, _, value = raw.decode("latin-1").partition(":")
        headers.append((name.strip(), value.strip()))
    return start, headers


def header(headers, name):
    for key, value in headers:
        if key.lower() == name.lower():
            return value
    return None


def framing(headers, request, method=None, status=None):
    if not request and (method == "HEAD" or status in (204, 304) or 100 <= status < 200):
        return Framing(length=0)
    if (header(headers, "Transfer-Encoding") or "").lower().endswith("chunked"):
        return Framing(chunked=True)
    length = header(headers, "Content-Length")
    if length is not None:
        return Framing(length=int(length))
    return Framing(length=0) if request else Framing(to_close=True)


def encode_head(start, headers):
    text = start + "\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers) + "\r\n"
    return text.encode("latin-1")


def copy_body(source, sink, frame, limit=None):
    """Copies a body from source to sink (sink None: drops it); stops after `limit` bytes."""
    sent = 0

    def emit(data):
        nonlocal sent
        if limit is not None and sent + len(data) > limit:
            data = data[: max(0, limit - sent)]
        if sink is not None and data:
            sink.sendall(data)
        sent += len(data)
        return limit is None or sent < limit

    if frame.chunked:
        while True:
            size_line = source.readline(65537)
            if not size_line:
                raise ConnectionError("chunked body ended early")
            size = int(size_line.split(b";")[0].strip() or b"0", 16)
            if not emit(size_line):
                return False
            data = read_exact(source, size + 2) if size else b""
            if size == 0:
                trailer = source.readline(65537)
                while trailer not in (b"\r\n", b"\n", b""):
                    if not emit(trailer):
                        return False
                    trailer = source.readline(65537)
                return emit(b"\r\n")
            if not emit(data):
                return False
    elif frame.to_close:
        while True:
            data = source.read1(65536)
            if not data:
                return True
            if not emit(data):
                return False
    else:
        remaining = frame.length
        while remaining > 0:
            data = source.read1(min(65536, remaining))
            if not data:
                raise ConnectionError("body ended early")
            remaining -= len(data)
            if not emit(data):
                return False
    return True


def read_exact(source, n):
    data = source.read(n)
    if len(data) != n:
        raise ConnectionError("body ended early")
    return data


def reset(sock):
    """Closes with RST, as a flaky network or load balancer does."""
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    except OSError:
        pass
    sock.close()


class Session:
    def __init__(self, config):
        self.lock = threading.Lock()
        self.name = config.get("name", "")
        self.upstream = config.get("upstream", "127.0.0.1:5000")
        self.configure(config)
        self.random = random.Random(config.get("seed", 0))
        self.requests = 0
        self.faults = {kind: 0 for kind in KINDS}
        self.server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.server.bind(("127.0.0.1", int(config.get("port", 0))))
        self.server.listen(64)
        self.port = self.server.getsockname()[1]
        self.deadline = time.time() + float(config.get("lifetime", 900))
        self.open = set()
        self.running = True
        threading.Thread(target=self.accept, daemon=True).start()

    def configure(self, config):
        with self.lock:
            if "rate" in config:
                self.rate = float(config["rate"])
            elif not hasattr(self, "rate"):
                self.rate = 0.0
            kinds = config.get("kinds", getattr(self, "kinds", KINDS))
            unknown = [k for k in kinds if k not in KINDS]
            if unknown:
                raise ValueError(f"unknown fault kinds {unknown}; known: {KINDS}")
            self.kinds = list(kinds)
            self.stall = float(config.get("stall", getattr(self, "stall", 3)))

    def pick(self):
        """The fault for the next request, or None."""
        with self.lock:
            self.requests += 1
            if self.kinds and self.random.random() < self.rate:
                return self.random.choice(self.kinds)
            return None

    def count(self, kind):
        with self.lock:
            self.faults[kind] += 1

    def stats(self):
        with self.lock:
            return {"port": self.port, "name": self.name, "upstream": self.upstream,
                    "rate": self.rate, "kinds": self.kinds, "stall": self.stall,
                    "requests": self.requests, "faults": dict(self.faults),
                    "injected": sum(self.faults.values())}

    def accept(self):
        self.server.settimeout(0.5)
        while self.running and time.time() < self.deadline:
            try:
                client, _ = self.server.accept()
            except socket.timeout:
                continue
            except OSError:
                break
            client.settimeout(None)
            self.open.add(client)
            threading.Thread(target=self.serve, args=(client,), daemon=True).start()
        self.close()

    def close(self):
        self.running = False
        try:
            self.server.close()
        except OSError:
            pass
        for sock in list(self.open):
            try:
                sock.close()
            except OSError:
                pass

    def serve(self, client):
        upstream = None
        try:
            source = client.makefile("rb")
            if source.peek(1)[:1] == b"\x16":
                # A TLS hello (jib tries HTTPS first): answer in plain HTTP, as the registry
                # itself would, so the client falls back to HTTP at once.
                client.sendall(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n"
                               b"Connection: close\r\n\r\n")
                return
            while self.running:
                head = read_head(source)
                if head is None:
                    return
                if upstream is None:
                    host, port = self.upstream.rsplit(":", 1)
                    upstream = socket.create_connection((host, int(port)))
                    self.open.add(upstream)
                    answers = upstream.makefile("rb")
                if not self.exchange(head, source, client, upstream, answers):
                    return
        except (OSError, ValueError, ConnectionError):
            pass
        finally:
            for sock in (client, upstream):
                if sock is not None:
                    self.open.discard(sock)
                    try:
                        sock.close()
                    except OSError:
                        pass

    def exchange(self, head, source, client, upstream, answers):
        """One request and its answer; False when the connection is to end."""
        start, headers = head
        method = start.split(" ", 1)[0]
        request_frame = framing(headers, True)
        kind = self.pick()
        if kind in ("429", "429-retry", "500", "502", "503"):
            copy_body(source, None, request_frame)
            status = int(kind[:3])
            body = json.dumps({"errors": [{"code": "UNAVAILABLE" if status != 429 else "TOOMANYREQUESTS",
                                           "message": f"{kind} injected by the fault proxy"}]}).encode()
            extra = [("Retry-After", "1")] if kind == "429-retry" else []
            client.sendall(encode_head(f"HTTP/1.1 {status} {REASONS[status]}",
                                       [("Content-Type", "application/json"),
                                        ("Content-Length", str(len(body))),
                                        ("Connection", "close")] + extra) + body)
            self.count(kind)
            return False
        has_body = request_frame.chunked or (request_frame.length or 0) > 0
        upstream.sendall(encode_head(start, headers))
        if kind == "reset" and has_body:
            # Half of the upload goes through, then the connection drops.
            limit = (request_frame.length or 65536) // 2
            copy_body(source, upstream, request_frame, limit)
            self.count(kind)
            reset(client)
            return False
        copy_body(source, upstream, request_frame)
        answer = read_head(answers)
        if answer is None:
            return False
        status_line, answer_headers = answer
        status = int(status_line.split(" ")[1])
        frame = framing(answer_headers, False, method, status)
        if kind == "stall":
            self.count(kind)
            time.sleep(self.stall)
        has_answer = frame.chunked or frame.to_close or frame.length
        if kind == "reset" and not has_answer:
            # The registry did the work; its answer is lost.
            self.count(kind)
            reset(client)
            return False
        if kind == "truncate" and not has_answer:
            # Headers that promise a body that never comes.
            promised = [(k, v) for k, v in answer_headers if k.lower() != "content-length"]
            client.sendall(encode_head(status_line, promised + [("Content-Length", "16")]))
            self.count(kind)
            return False
        client.sendall(encode_head(status_line, answer_headers))
        if kind in ("reset", "truncate"):
            limit = (frame.length or 2) // 2
            copy_body(answers, client, frame, limit)
            self.count(kind)
            if kind == "reset":
                reset(client)
            return False
        copy_body(answers, client, frame)
        return not frame.to_close and (header(answer_headers, "Connection") or "").lower() != "close"


class Control(BaseHTTPRequestHandler):
    sessions = {}
    lock = threading.Lock()

    def log_message(self, fmt, *args):
        print("control: " + fmt % args, flush=True)

    def answer(self, code, body):
        data = json.dumps(body).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def config(self):
        length = int(self.headers.get("Content-Length") or 0)
        return json.loads(self.rfile.read(length) or b"{}")

    def session(self):
        parts = self.path.strip("/").split("/")
        if len(parts) != 2 or parts[0] != "sessions" or not parts[1].isdigit():
            return None
        with Control.lock:
            return Control.sessions.get(int(parts[1]))

    def do_GET(self):
        if self.path == "/health":
            return self.answer(200, {"sessions": len(Control.sessions)})
        if self.path == "/sessions":
            with Control.lock:
                return self.answer(200, [s.stats() for s in Control.sessions.values()])
        found = self.session()
        return self.answer(200, found.stats()) if found else self.answer(404, {"error": "no such session"})

    def do_POST(self):
        if self.path != "/sessions":
            return self.reconfigure()
        try:
            created = Session(self.config())
        except (ValueError, OSError) as e:
            return self.answer(400, {"error": str(e)})
        with Control.lock:
            Control.sessions = {p: s for p, s in Control.sessions.items() if s.running}
            Control.sessions[created.port] = created
        print(f"session {created.port} opened: {created.stats()}", flush=True)
        return self.answer(201, created.stats())

    def reconfigure(self):
        found = self.session()
        if not found:
            return self.answer(404, {"error": "no such session"})
        try:
            found.configure(self.config())
        except ValueError as e:
            return self.answer(400, {"error": str(e)})
        return self.answer(200, found.stats())

    def do_DELETE(self):
        found = self.session()
        if not found:
            return self.answer(404, {"error": "no such session"})
        found.close()
        with Control.lock:
            Control.sessions.pop(found.port, None)
        print(f"session {found.port} closed: {found.stats()}", flush=True)
        return self.answer(200, found.stats())


def main():
    # A long-lived server must not hold what its starter had open: a `flock` around scripts/test
    # would stay locked for as long as the proxy runs.
    os.closerange(3, 65536)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--control", default="127.0.0.1:5690", help="host:port of the control endpoint")
    args = parser.parse_args()
    host, port = args.control.rsplit(":", 1)
    if host != "127.0.0.1":
        parser.error("the control endpoint listens on 127.0.0.1 only")
    server = ThreadingHTTPServer((host, int(port)), Control)
    server.daemon_threads = True
    print(f"fault proxy control on {args.control}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
