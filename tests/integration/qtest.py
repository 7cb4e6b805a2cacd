"""Drives a QEMU input line through the qtest protocol (-qtest), one level
after another; prints each reply and exits non-zero on the first that is
not OK. A level may wait for text to appear in a file first (the firmware's
output: "1:ready" sets 1 50 ms after "ready" is there). After each level it gives
the firmware 50 ms, as edges closer than that merge in its handler.
Usage: qtest.py SOCKET LINE OUTPUT LEVEL[:TEXT] ..."""
import socket
import sys
import time

sock = socket.socket(socket.AF_UNIX)
sock.connect(sys.argv[1])
replies = sock.makefile("r")
line, output = sys.argv[2], sys.argv[3]
for step in sys.argv[4:]:
    level, _, waiting = step.partition(":")
    if waiting:
        for _ in range(200):
            with open(output) as text:
                if waiting in text.read():
                    break
            time.sleep(0.05)
        time.sleep(0.05)  # the firmware says it before it waits
    sock.sendall(f"set_irq_in {line} {level}\n".encode())
    reply = replies.readline().strip()
    print(reply)
    if reply != "OK":
        sys.exit(1)
    time.sleep(0.05)
