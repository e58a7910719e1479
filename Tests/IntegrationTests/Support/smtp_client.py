#!/usr/bin/env python3
"""A real SMTP client (Python's smtplib) for the end-to-end tests.

send HOST PORT MAIL_FROM RCPT[,RCPT...] FILE...
    Sends each FILE in its own transaction; prints one line per file:
    "OK <index> <code> <reply text>" or "ERR <index> <code> <reply text>".

stream HOST PORT MAIL_FROM RCPT COUNT TAG RETRY_SECONDS
    Sends COUNT generated messages (Message-ID <TAG-i@test.example>) on one connection,
    reconnecting after a failure for up to RETRY_SECONDS; a message whose transaction
    failed is not retried (the test checks what was acknowledged). Prints OK/ERR lines.

hold HOST PORT
    Opens a session, says EHLO, prints READY, and prints the next reply the server sends
    unasked (e.g. 421 at shutdown).
"""
import smtplib
import sys
import time


def send_files(host, port, mail_from, rcpts, files):
    with smtplib.SMTP(host, int(port), timeout=30) as client:
        client.ehlo("tests.example")
        for index, name in enumerate(files):
            with open(name, "rb") as f:
                data = f.read()
            try:
                client.mail(mail_from)
                for rcpt in rcpts:
                    code, text = client.rcpt(rcpt)
                    if code >= 400:
                        raise smtplib.SMTPResponseException(code, text)
                code, text = client.data(data)
                print(("OK" if code == 250 else "ERR"), index, code, text.decode(), flush=True)
            except smtplib.SMTPResponseException as e:
                print("ERR", index, e.smtp_code, e.smtp_error.decode(errors="replace"), flush=True)
                client.rset()


def message(index, tag):
    return (
        "From: Stream Tester <stream{0}@example.org>\r\n"
        "To: leads@acme.example\r\n"
        "Subject: Inquiry {0}\r\n"
        "Message-ID: <{1}-{0}@test.example>\r\n"
        "\r\n"
        "Please call me about a new build, (512) 555-0142.\r\n"
    ).format(index, tag).encode()


def stream(host, port, mail_from, rcpt, count, tag, retry_seconds):
    client = None
    deadline = None
    index = 0
    while index < count:
        try:
            if client is None:
                client = smtplib.SMTP(host, int(port), timeout=30)
                client.ehlo("tests.example")
                deadline = None
            client.mail(mail_from)
            client.rcpt(rcpt)
            code, text = client.data(message(index, tag))
            print(("OK" if code == 250 else "ERR"), index, code, text.decode(), flush=True)
            index += 1
        except (OSError, smtplib.SMTPException) as e:
            if client is not None:
                # The transaction in flight when the connection broke: never acknowledged.
                print("ERR", index, 0, type(e).__name__, flush=True)
                index += 1
            client = None
            deadline = deadline or time.time() + float(retry_seconds)
            if time.time() > deadline:
                print("GAVEUP", index, flush=True)
                return
            time.sleep(0.05)
    if client is not None:
        client.quit()


def hold(host, port):
    """Opens a session, says EHLO, then waits for whatever the server says next."""
    client = smtplib.SMTP(host, int(port), timeout=60)
    client.ehlo("tests.example")
    print("READY", flush=True)
    code, text = client.getreply()
    print("GOT", code, text.decode(), flush=True)


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "send":
        send_files(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5].split(","), sys.argv[6:])
    elif mode == "stream":
        stream(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5], int(sys.argv[6]), sys.argv[7], sys.argv[8])
    elif mode == "hold":
        hold(sys.argv[2], sys.argv[3])
    else:
        sys.exit("unknown mode " + mode)
