# Writes the multipart variant of slow-encoded-word-run.eml: PARTS parts, each with one
# 240 KB header of "=? " (default 20 parts, 4.8 MB). Not committed as a file: it is big.
#   python3 Fuzz/findings/make-encoded-word-parts.py 20 > /tmp/ew-parts.eml
import sys

parts = int(sys.argv[1]) if len(sys.argv) > 1 else 20
header = b"X-Note: " + b"=? " * 80000 + b"\r\n"
message = b"From: a@b.c\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
for _ in range(parts):
    message += b"--b\r\n" + header + b"Content-Type: text/plain\r\n\r\nx\r\n"
message += b"--b--\r\n"
sys.stdout.buffer.write(message)
