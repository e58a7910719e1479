#!/usr/bin/env python3
"""End-to-end processing rate of a running gateway, for one builder against several.

Sends N generated direct inquiries (distinct people, unique Message-IDs) over one SMTP
connection, round-robin over the given recipients, then polls the database until no item is
queued or processing. Leads of one builder are placed one transaction at a time (the
per-builder advisory lock), so one builder against two shows what that serialisation costs.

    placement_load.py SMTP_PORT DATABASE_URL N RCPT[,RCPT...] TAG
"""
import smtplib, subprocess, sys, time

port, db, n, rcpts, tag = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), sys.argv[4].split(','), sys.argv[5]


def pending():
    out = subprocess.check_output(["psql", db, "-Atc", "SELECT count(*) FROM inbound_items WHERE status IN ('queued','processing')"])
    return int(out.strip())


first = ["Ana", "Ben", "Cara", "Dev", "Eli", "Fay", "Gus", "Hana", "Ivan", "Jo"]
last = ["Reyes", "Stone", "Tran", "Ueda", "Vance", "Wolfe", "Xu", "Young", "Zamora", "Ames"]
smtp = smtplib.SMTP("127.0.0.1", port)
start = time.time()
for i in range(n):
    given, family, rcpt = first[i % 10], last[(i // 10) % 10] + str(i), rcpts[i % len(rcpts)]
    address = f"{given.lower()}.{family.lower()}@example.org"
    message = (f"From: {given} {family} <{address}>\r\nTo: {rcpt}\r\nSubject: New home {tag} {i}\r\n"
               f"Message-ID: <{tag}-{i}@example.org>\r\n\r\nHi, we want to build a custom home in Austin, TX 787{i % 100:02d}.\r\n"
               f"Budget around $650k. Call me at (512) 555-{1000 + i}.\r\n\r\nThanks,\r\n{given}\r\n")
    smtp.sendmail(address, [rcpt], message.encode())
smtp.quit()
sent = time.time()
while pending() > 0:
    time.sleep(0.05)
done = time.time()
print(f"{tag}: {n} messages to {len(rcpts)} builder(s): sent in {sent - start:.2f} s, all processed "
      f"{done - start:.2f} s after the first send ({n / (done - start):.1f} msg/s end to end)")
