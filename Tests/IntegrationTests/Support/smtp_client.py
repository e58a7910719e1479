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

starttls HOST PORT MAIL_FROM RCPT[,RCPT...] FILE
    EHLO, STARTTLS (certificate not verified: the test server's is self-signed), EHLO
    again, then sends FILE. Prints "TLS <version> <cipher>", "FEATURES <ehlo keywords>"
    (after TLS) and an OK/ERR line as for send.

inject HOST PORT
    The STARTTLS command-injection probe on a raw socket: sends "STARTTLS\r\nNOOP\r\n"
    in one write, does the TLS handshake, sends EHLO and prints "FIRST <line>": the first
    reply line received inside TLS.

starttls-again HOST PORT ARGUMENT
    After a good STARTTLS and EHLO, sends "STARTTLS" again; with ARGUMENT "plain" it
    instead sends "STARTTLS now" before TLS. Prints "REPLY <code> <text>".

send-utf8 HOST PORT MAIL_FROM RCPT[,RCPT...] FILE
    Like send with one file, declaring SMTPUTF8 (and BODY=8BITMIME) on MAIL.

raw HOST PORT LINE...
    Sends each LINE (UTF-8, CRLF added) on a plain socket after the greeting and prints
    "REPLY <last line of its reply>" for each, so a test can send what smtplib refuses to.

lmtp HOST PORT|/SOCKET MAIL_FROM RCPT[,RCPT...] FILE
    LHLO, MAIL, each RCPT ("RCPT <address> <code> <text>"), DATA, then one reply per
    accepted recipient ("DATA <address> <code> <text>"). smtplib's LMTP class reads only
    the first of those replies itself, so the rest are read here.
"""
import smtplib
import socket
import ssl
import sys
import time


def insecure_context():
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context


def starttls_send(host, port, mail_from, rcpts, name):
    with smtplib.SMTP(host, int(port), timeout=30) as client:
        client.ehlo("tests.example")
        if not client.has_extn("starttls"):
            print("NOSTARTTLS", flush=True)
            return
        client.starttls(context=insecure_context())
        client.ehlo("tests.example")
        version = client.sock.version()
        cipher = client.sock.cipher()[0]
        print("TLS", version, cipher, flush=True)
        print("FEATURES", " ".join(sorted(client.esmtp_features)), flush=True)
        with open(name, "rb") as f:
            data = f.read()
        try:
            client.mail(mail_from)
            for rcpt in rcpts:
                code, text = client.rcpt(rcpt)
                if code >= 400:
                    raise smtplib.SMTPResponseException(code, text)
            code, text = client.data(data)
            print(("OK" if code == 250 else "ERR"), 0, code, text.decode(), flush=True)
        except smtplib.SMTPResponseException as e:
            print("ERR", 0, e.smtp_code, e.smtp_error.decode(errors="replace"), flush=True)


def read_reply(stream):
    """Reads one (possibly multi-line) reply; returns its lines."""
    lines = []
    while True:
        line = stream.readline()
        if not line:
            return lines
        lines.append(line.decode(errors="replace").rstrip("\r\n"))
        if len(line) < 4 or line[3:4] != b"-":
            return lines


def inject(host, port):
    raw = socket.create_connection((host, int(port)), timeout=30)
    plain = raw.makefile("rb")
    read_reply(plain)
    raw.sendall(b"EHLO tests.example\r\n")
    read_reply(plain)
    # One write: the NOOP arrives in the same segment as STARTTLS, in plaintext.
    raw.sendall(b"STARTTLS\r\nNOOP\r\n")
    ready = read_reply(plain)
    print("READY", ready[0] if ready else "", flush=True)
    tls = insecure_context().wrap_socket(raw, server_hostname=host)
    stream = tls.makefile("rb")
    tls.sendall(b"EHLO inside.example\r\n")
    first = read_reply(stream)
    print("FIRST", first[0] if first else "(nothing)", flush=True)
    tls.sendall(b"QUIT\r\n")
    read_reply(stream)
    tls.close()


def starttls_again(host, port, argument):
    with smtplib.SMTP(host, int(port), timeout=30) as client:
        client.ehlo("tests.example")
        if argument == "plain":
            code, text = client.docmd("STARTTLS", "now")
        else:
            client.starttls(context=insecure_context())
            client.ehlo("tests.example")
            code, text = client.docmd("STARTTLS")
        print("REPLY", code, text.decode(errors="replace"), flush=True)


def send_utf8(host, port, mail_from, rcpts, name):
    with open(name, "rb") as f:
        data = f.read()
    with smtplib.SMTP(host, int(port), timeout=30) as client:
        client.ehlo("tests.example")
        try:
            client.mail(mail_from, ["SMTPUTF8", "BODY=8BITMIME"])
            for rcpt in rcpts:
                code, text = client.rcpt(rcpt)
                if code >= 400:
                    raise smtplib.SMTPResponseException(code, text)
            code, text = client.data(data)
            print(("OK" if code == 250 else "ERR"), 0, code, text.decode(), flush=True)
        except smtplib.SMTPResponseException as e:
            print("ERR", 0, e.smtp_code, e.smtp_error.decode(errors="replace"), flush=True)


def raw_lines(host, port, lines):
    sock = socket.create_connection((host, int(port)), timeout=30)
    stream = sock.makefile("rb")
    read_reply(stream)
    for line in lines:
        sock.sendall(line.encode("utf-8") + b"\r\n")
        reply = read_reply(stream)
        print("REPLY", reply[-1] if reply else "(closed)", flush=True)
    sock.close()


def lmtp(host, port, mail_from, rcpts, name):
    with open(name, "rb") as f:
        data = f.read()
    if host.startswith("/"):
        client = smtplib.LMTP(host)
    else:
        client = smtplib.LMTP(host, int(port))
    client.ehlo("relay.example")  # smtplib.LMTP sends LHLO for ehlo()
    client.mail(mail_from)
    accepted = []
    for rcpt in rcpts:
        code, text = client.rcpt(rcpt)
        print("RCPT", rcpt, code, text.decode(errors="replace"), flush=True)
        if code == 250:
            accepted.append(rcpt)
    if accepted:
        code, text = client.data(data)
        print("DATA", accepted[0], code, text.decode(errors="replace"), flush=True)
        for rcpt in accepted[1:]:
            code, text = client.getreply()
            print("DATA", rcpt, code, text.decode(errors="replace"), flush=True)
    client.quit()


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


FIRST = ["Jane", "Omar", "Priya", "Lucas", "Mei", "Tomas", "Ava", "Kofi", "Ingrid", "Raj",
         "Elena", "Noah", "Sofia", "Yusuf", "Hannah", "Mateo", "Chloe", "Arjun", "Greta", "Diego"]
LAST = ["Okafor", "Lindqvist", "Moreau", "Takahashi", "Novak", "Brennan", "Castillo", "Haddad", "Kowalski",
        "Van Dyke", "Oyelaran", "Sorensen", "Abernathy", "Quintero", "Whitfield", "Nakamura", "Fitzgerald",
        "Balogun", "Esposito", "Lindgren", "Marchetti", "Oduya", "Petrakis", "Rasmussen", "Szabo", "Thorne"]


def message(index, tag):
    # A different prospect per message (name, address, phone): deduplication would rightly
    # merge one person's repeated inquiries into one lead.
    name = "{} {}".format(FIRST[index % len(FIRST)], LAST[(index // len(FIRST)) % len(LAST)])
    return (
        "From: {2} <stream{0}@example.org>\r\n"
        "To: leads@acme.example\r\n"
        "Subject: Inquiry {0}\r\n"
        "Message-ID: <{1}-{0}@test.example>\r\n"
        "\r\n"
        "Please call me about a new build, (512) {3:03d}-{4:04d}.\r\n"
    ).format(index, tag, name, 200 + index // 9000, 1000 + index % 9000).encode()


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
    elif mode == "starttls":
        starttls_send(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5].split(","), sys.argv[6])
    elif mode == "inject":
        inject(sys.argv[2], sys.argv[3])
    elif mode == "starttls-again":
        starttls_again(sys.argv[2], sys.argv[3], sys.argv[4])
    elif mode == "send-utf8":
        send_utf8(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5].split(","), sys.argv[6])
    elif mode == "raw":
        raw_lines(sys.argv[2], sys.argv[3], sys.argv[4:])
    elif mode == "lmtp":
        lmtp(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5].split(","), sys.argv[6])
    else:
        sys.exit("unknown mode " + mode)
