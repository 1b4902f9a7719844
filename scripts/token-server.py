#!/usr/bin/env python3
"""Loopback token server for the test registry that uses Docker's token auth (scripts/testenv).

Answers the registry token protocol as Docker Hub or Harbor do:
  GET  /token?service=S&scope=repository:NAME:pull,push   Basic auth of the test user, or none
  POST /token  grant_type=password (username, password)   also returns a refresh_token
  POST /token  grant_type=refresh_token (refresh_token)   the identity token of `docker login`
Tokens are RS256 JWTs signed with a key whose certificate the registry trusts (rootcertbundle),
the certificate in the x5c header. Every token issued is appended to --issued, so the ITs can
check that no build log shows one.
"""
import argparse
import base64
import hmac
import http.server
import json
import ssl
import threading
import time
import urllib.parse
import uuid

import jwt
from cryptography import x509
from cryptography.hazmat.primitives import serialization

ISSUER = "dockyard-test-token"


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read().strip()


class Tokens:
    def __init__(self, args):
        self.user = read(args.user_file)
        self.accounts = {self.user: read(args.password_file)}
        # More accounts, one "user:password" a line: passwords that need URL-encoding and escaping.
        with open(args.accounts, encoding="utf-8") as f:
            for line in f.read().splitlines():
                if ":" in line:
                    user, _, password = line.partition(":")
                    self.accounts[user] = password
        self.identity_token = read(args.identity_token_file)
        self.key = serialization.load_pem_private_key(open(args.sign_key, "rb").read(), None)
        cert = x509.load_pem_x509_certificate(open(args.sign_cert, "rb").read())
        self.x5c = [base64.b64encode(cert.public_bytes(serialization.Encoding.DER)).decode()]
        self.issued = args.issued
        self.lock = threading.Lock()

    def valid_password(self, user, password):
        known = self.accounts.get(user)
        return known is not None and hmac.compare_digest(password.encode(), known.encode())

    def issue(self, account, service, scopes):
        now = int(time.time())
        access = []
        for scope in scopes if account else []:
            parts = scope.split(":")
            if len(parts) >= 3 and parts[0] == "repository":
                access.append({"type": "repository", "name": ":".join(parts[1:-1]),
                               "actions": parts[-1].split(",")})
        claims = {"iss": ISSUER, "sub": account or "", "aud": service, "iat": now, "nbf": now - 10,
                  "exp": now + 300, "jti": uuid.uuid4().hex, "access": access}
        token = jwt.encode(claims, self.key, algorithm="RS256", headers={"x5c": self.x5c})
        with self.lock, open(self.issued, "a", encoding="utf-8") as f:
            f.write(token + "\n")
        return token


def handler(tokens):
    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, fmt, *args):  # the request line only: never a header or a body
            print("%s %s" % (self.command, self.path.split("?")[0]), flush=True)

        def answer(self, status, body):
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def basic_account(self):
            header = self.headers.get("Authorization", "")
            if not header.lower().startswith("basic "):
                return None, True
            try:
                user, _, password = base64.b64decode(header[6:]).decode("utf-8").partition(":")
            except ValueError:
                return None, False
            return (user, True) if tokens.valid_password(user, password) else (None, False)

        def body(self):
            if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
                data = b""
                while True:
                    size = int(self.rfile.readline().split(b";")[0].strip(), 16)
                    if size == 0:
                        self.rfile.readline()
                        return data
                    data += self.rfile.read(size)
                    self.rfile.readline()
            return self.rfile.read(int(self.headers.get("Content-Length", "0")))

        def do_GET(self):
            url = urllib.parse.urlparse(self.path)
            if url.path != "/token":
                return self.answer(404, {"error": "not found"})
            query = urllib.parse.parse_qs(url.query)
            account, ok = self.basic_account()
            if not ok:
                return self.answer(401, {"errors": [{"code": "UNAUTHORIZED"}]})
            service = query.get("service", [""])[0]
            token = tokens.issue(account, service, query.get("scope", []))
            self.answer(200, {"token": token, "access_token": token, "expires_in": 300})

        def do_POST(self):
            if urllib.parse.urlparse(self.path).path != "/token":
                return self.answer(404, {"error": "not found"})
            form = urllib.parse.parse_qs(self.body().decode())
            grant = form.get("grant_type", [""])[0]
            print("POST /token grant_type=%s fields=%s" % (grant, sorted(form)), flush=True)
            service = form.get("service", [""])[0]
            scopes = " ".join(form.get("scope", [])).split()
            if grant == "refresh_token":
                if not hmac.compare_digest(form.get("refresh_token", [""])[0], tokens.identity_token):
                    return self.answer(401, {"error": "invalid_grant"})
                token = tokens.issue(tokens.user, service, scopes)
                return self.answer(200, {"access_token": token, "expires_in": 300})
            if grant == "password":
                user = form.get("username", [""])[0]
                if not tokens.valid_password(user, form.get("password", [""])[0]):
                    return self.answer(401, {"error": "invalid_grant"})
                token = tokens.issue(user, service, scopes)
                return self.answer(200, {"access_token": token, "expires_in": 300,
                                         "refresh_token": tokens.identity_token})
            self.answer(400, {"error": "unsupported_grant_type"})

    return Handler


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--listen", required=True)
    p.add_argument("--tls-cert", required=True)
    p.add_argument("--tls-key", required=True)
    p.add_argument("--sign-key", required=True)
    p.add_argument("--sign-cert", required=True)
    p.add_argument("--user-file", required=True)
    p.add_argument("--password-file", required=True)
    p.add_argument("--accounts", required=True)
    p.add_argument("--identity-token-file", required=True)
    p.add_argument("--issued", required=True)
    args = p.parse_args()
    host, port = args.listen.rsplit(":", 1)
    server = http.server.ThreadingHTTPServer((host, int(port)), handler(Tokens(args)))
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(args.tls_cert, args.tls_key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    print("token server on https://%s/token" % args.listen, flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
