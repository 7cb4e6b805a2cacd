"""Sends QMP commands to a QEMU monitor socket, in order, after the
capabilities handshake; prints each reply and exits non-zero on the first
error. Usage: qmp.py SOCKET 'JSON COMMAND' ...
       qmp.py SOCKET -   (one command per line of stdin, over one connection)

A script that talks to QEMU more than once keeps one connection (the second
form): QEMU serves one QMP client at a time and takes the next only once it
has seen the last one go, which a loaded host can delay past any timeout."""
import json
import socket
import sys

sock = socket.socket(socket.AF_UNIX)
sock.settimeout(10)
sock.connect(sys.argv[1])
stream = sock.makefile("rw")


def reply():
    while True:
        message = json.loads(stream.readline())
        if "event" not in message:  # asynchronous events are not replies
            return message


def execute(command):
    stream.write(json.dumps(command) + "\n")
    stream.flush()
    answer = reply()
    print(answer, flush=True)
    if "error" in answer:
        sys.exit(f"QMP error for {command}: {answer}")


reply()  # the greeting
execute({"execute": "qmp_capabilities"})
commands = sys.stdin if sys.argv[2:] == ["-"] else sys.argv[2:]
for line in commands:
    if line.strip():
        execute(json.loads(line))
