#!/usr/bin/env python3
"""The SMTP intake a practitioner would write instead of lead-intake (issue 4's peer).

aiosmtpd; each message is parsed with the standard `email` package and its raw bytes are
inserted with psycopg (one INSERT + COMMIT per message, autocommit) before the 250.
Connections come from a small pool of async psycopg connections (--pool, default 10).

Usage: peer_server.py --port PORT --dsn postgresql://... [--pool N]
Prints "ready" on stdout once it listens.
"""
import argparse
import asyncio
import email
import email.policy
import sys

import psycopg
from aiosmtpd.smtp import SMTP


class Handler:
    def __init__(self, pool):
        self.pool = pool

    async def handle_DATA(self, server, session, envelope):
        raw = envelope.original_content or envelope.content
        msg = email.message_from_bytes(raw, policy=email.policy.default)
        subject = str(msg.get("subject", ""))
        message_id = str(msg.get("message-id", ""))
        conn = await self.pool.get()
        try:
            await conn.execute(
                "INSERT INTO peer_messages (mail_from, rcpt_to, message_id, subject, raw) VALUES (%s, %s, %s, %s, %s)",
                (envelope.mail_from, envelope.rcpt_tos, message_id, subject, raw),
            )
        except Exception as e:  # noqa: BLE001 - a practitioner answers 451 and moves on
            print(f"peer: insert failed: {e!r}", file=sys.stderr)
            return "451 4.3.0 temporary failure"
        finally:
            self.pool.put_nowait(conn)
        return "250 OK"


async def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--dsn", required=True)
    ap.add_argument("--pool", type=int, default=10)
    args = ap.parse_args()
    pool = asyncio.Queue()
    for _ in range(args.pool):
        pool.put_nowait(await psycopg.AsyncConnection.connect(args.dsn, autocommit=True))
    conn = await pool.get()
    await conn.execute(
        "CREATE TABLE IF NOT EXISTS peer_messages (id bigserial PRIMARY KEY, received_at timestamptz DEFAULT now(), "
        "mail_from text, rcpt_to text[], message_id text, subject text, raw bytea)")
    pool.put_nowait(conn)
    handler = Handler(pool)
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: SMTP(handler, hostname="peer.localhost"), "127.0.0.1", args.port)
    print("ready", flush=True)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    asyncio.run(main())
