#!/usr/bin/python3
"""Local receivers for the delivery tests: a real SMTP server (aiosmtpd) and
an HTTP webhook receiver, both on free loopback ports.

Usage: delivery_sinks.py OUT_DIR [WEBHOOK_DELAY_SECONDS]
Prints one line "pid=P smtp=S http=H" once both listen, then serves until
killed. Every message that arrives is appended as one JSON line:
  OUT_DIR/smtp.jsonl     {"mail_from", "rcpt_tos", "data" (the raw message), and decoded:
                         "subject", "from", "message_id", "text", "html"}
  OUT_DIR/webhook.jsonl  {"path", "headers", "body"}
The SMTP server refuses recipients whose address starts with "refuse"
(550); the webhook answers 503 on the path /busy, 400 on /reject, 401 on
/unauthorized, and
waits WEBHOOK_DELAY_SECONDS before answering any other path.
"""
import email
import email.policy
import http.server
import json
import os
import socket
import sys
import threading
import time

from aiosmtpd.controller import Controller


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def append(path, record):
    with open(path, "a", encoding="utf-8") as f:
        f.write(json.dumps(record, ensure_ascii=False) + "\n")
        f.flush()
        os.fsync(f.fileno())


class SmtpHandler:
    def __init__(self, out):
        self.out = out

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.startswith("refuse"):
            return "550 5.1.1 no such user"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
        parts = {}
        for kind in ("plain", "html"):
            body = message.get_body(preferencelist=(kind,))
            parts[kind] = body.get_content() if body is not None else None
        append(self.out, {"mail_from": envelope.mail_from, "rcpt_tos": envelope.rcpt_tos,
                          "data": envelope.original_content.decode("utf-8", "replace"),
                          "subject": str(message["Subject"]), "from": str(message["From"]),
                          "message_id": str(message["Message-ID"]), "text": parts["plain"], "html": parts["html"]})
        return "250 Message accepted"


def main():
    out_dir = sys.argv[1]
    delay = float(sys.argv[2]) if len(sys.argv) > 2 else 0.0
    smtp_port = free_port()
    controller = Controller(SmtpHandler(os.path.join(out_dir, "smtp.jsonl")), hostname="127.0.0.1", port=smtp_port)
    controller.start()
    webhook_out = os.path.join(out_dir, "webhook.jsonl")

    class Webhook(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", "0"))).decode("utf-8")
            if self.path == "/busy":
                self.send_response(503)
            elif self.path == "/reject":
                self.send_response(400)
            elif self.path == "/unauthorized":
                self.send_response(401)
            else:
                time.sleep(delay)
                append(webhook_out, {"path": self.path, "headers": dict(self.headers.items()), "body": body})
                self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Webhook)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    print(f"pid={os.getpid()} smtp={smtp_port} http={httpd.server_address[1]}", flush=True)
    while True:
        time.sleep(3600)


if __name__ == "__main__":
    main()
