#!/usr/bin/env python3
"""A raw-socket SMTP client for the hardening tests: sends exactly the bytes given.

smtp_raw.py HOST PORT STEP...
    Reads the greeting, then runs each STEP:
      send:TEXT      sends TEXT (backslash escapes \\r \\n \\t \\xNN decoded, Latin-1)
      trickle:TEXT   like send, but if the server has already said something unasked,
                     prints its replies up to the close and stops instead
      repeat:N:TEXT  sends TEXT (escapes decoded) N times in one write
      reply          reads one (possibly multi-line) reply
      replies:N      reads N replies
      sleep:SECONDS  waits
      waitfile:PATH  waits (up to 120 s) until PATH exists: the test's go-ahead
      close          closes the socket (a dropped connection)
      eof            reads until the server closes; prints its replies, then "EOF"
    Prints "REPLY <last line>" for every reply read, and "EOF" when the server closed
    the connection while a reply was expected.

smtp_raw.py HOST PORT parallel COUNT RCPT TAG
    Opens COUNT sessions at once (threads, smtplib), each delivering one message with
    Message-ID <TAG-i@test.example>; prints "OK <i> <code> <text>" or "ERR <i> <error>".
"""
import codecs
import select
import socket
import sys
import time


def decode(text):
    return codecs.decode(text, "unicode_escape").encode("latin-1")


class Client:
    def __init__(self, host, port):
        self.sock = socket.create_connection((host, int(port)), timeout=60)
        self.pending = b""

    def line(self):
        while b"\r\n" not in self.pending:
            chunk = self.sock.recv(65536)
            if not chunk:
                return None
            self.pending += chunk
        line, self.pending = self.pending.split(b"\r\n", 1)
        return line.decode("utf-8", "replace")

    def reply(self):
        while True:
            line = self.line()
            if line is None:
                print("EOF", flush=True)
                return False
            if len(line) < 4 or line[3] != "-":
                print("REPLY", line, flush=True)
                return True


def parallel(host, port, count, rcpt, tag):
    import smtplib
    import threading
    barrier = threading.Barrier(count)
    results = [None] * count

    def one(i):
        message = (
            "From: Jane <jane%d@example.org>\r\nTo: %s\r\nSubject: Inquiry %d\r\n"
            "Message-ID: <%s-%d@test.example>\r\n\r\nPlease call me about lot %d.\r\n" % (i, rcpt, i, tag, i, i))
        try:
            with smtplib.SMTP(host, int(port), timeout=120) as client:
                client.ehlo("parallel.example")
                barrier.wait(timeout=120)
                client.mail("jane%d@example.org" % i)
                client.rcpt(rcpt)
                code, text = client.data(message.encode())
                results[i] = "OK %d %d %s" % (i, code, text.decode())
        except Exception as e:
            results[i] = "ERR %d %r" % (i, e)

    threads = [threading.Thread(target=one, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for line in results:
        print(line, flush=True)


def main():
    host, port, steps = sys.argv[1], sys.argv[2], sys.argv[3:]
    if steps and steps[0] == "parallel":
        parallel(host, port, int(steps[1]), steps[2], steps[3])
        return
    client = Client(host, port)
    if not client.reply():
        return
    for step in steps:
        kind, _, argument = step.partition(":")
        try:
            if kind == "send":
                client.sock.sendall(decode(argument))
            elif kind == "trickle":
                readable, _, _ = select.select([client.sock], [], [], 0)
                if readable or client.pending:
                    while client.reply():
                        pass
                    return
                client.sock.sendall(decode(argument))
            elif kind == "repeat":
                count, _, text = argument.partition(":")
                client.sock.sendall(decode(text) * int(count))
            elif kind == "reply":
                if not client.reply():
                    return
            elif kind == "replies":
                for _ in range(int(argument)):
                    if not client.reply():
                        return
            elif kind == "waitfile":
                import os
                deadline = time.time() + 120
                while not os.path.exists(argument) and time.time() < deadline:
                    time.sleep(0.05)
            elif kind == "sleep":
                time.sleep(float(argument))
            elif kind == "close":
                client.sock.close()
                return
            elif kind == "eof":
                while client.reply():
                    pass
                return
            else:
                raise SystemExit("unknown step " + step)
        except (ConnectionResetError, BrokenPipeError):
            print("EOF", flush=True)
            return
    client.sock.close()


if __name__ == "__main__":
    main()
