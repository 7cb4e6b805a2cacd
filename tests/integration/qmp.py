"""Sends QMP commands to a QEMU monitor socket, in order, after the
capabilities handshake; prints each reply and exits non-zero on the first
error. Usage: qmp.py SOCKET 'JSON COMMAND' ..."""
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


reply()  # the greeting
for command in [{"execute": "qmp_capabilities"}] + [json.loads(c) for c in sys.argv[2:]]:
    stream.write(json.dumps(command) + "\n")
    stream.flush()
    answer = reply()
    print(answer)
    if "error" in answer:
        sys.exit(f"QMP error for {command}: {answer}")
