"""python-socketio and websocket-client (Debian's python3-socketio / python3-websocket)
against a socketio-echo at argv[1]. Prints "ok <check>" per check; any failure raises and
exits non-zero. Run by python.test.js with /usr/bin/python3 (where Debian installs them)."""
import os
import queue
import sys
import traceback

import socketio
import websocket

URL = sys.argv[1]
WS_URL = URL.replace("http://", "ws://") + "/socket.io/?EIO=4&transport=websocket"
TIMEOUT = 5


def check(name, condition, detail=""):
    if not condition:
        raise AssertionError(f"{name}: {detail}")
    print("ok", name, flush=True)


def socketio_client():
    sio = socketio.Client(reconnection=False)
    events = queue.Queue()
    for name in ("auth", "message-back", "ack-response", "broadcast"):
        sio.on(name, (lambda n: lambda *args: events.put((n, args)))(name))
    sio.on("ack-request", lambda *args: args + ("from-python", b"\x01\x02"))  # a tuple: several ack arguments
    disconnected = queue.Queue()
    sio.on("disconnect", lambda: disconnected.put(True))

    sio.connect(URL, transports=["websocket"], auth={"token": "py"}, wait_timeout=TIMEOUT)
    check("connects over WebSocket", sio.connected and sio.transport() == "websocket", sio.transport())
    name, args = events.get(timeout=TIMEOUT)
    check("receives an event (its auth back)", (name, args) == ("auth", ({"token": "py"},)), (name, args))

    sio.emit("message", (1, "2", {"3": [True]}, None))
    name, args = events.get(timeout=TIMEOUT)
    check("emits and receives events", (name, args) == ("message-back", (1, "2", {"3": [True]}, None)), args)

    reply = sio.call("message-with-ack", ("a", {"b": "c"}), timeout=TIMEOUT)
    check("emits with an acknowledgement", reply == ("a", {"b": "c"}), reply)

    blob = bytes([0, 1, 2, 250, 255])
    sio.emit("message", ({"nested": [blob, "text"]}, b"second"))
    name, args = events.get(timeout=TIMEOUT)
    check("sends and receives binary attachments",
          args == ({"nested": [blob, "text"]}, b"second"), args)
    reply = sio.call("message-with-ack", (b"\x09\x08\x07",), timeout=TIMEOUT)
    check("gets binary in an acknowledgement", reply == b"\x09\x08\x07", reply)

    sio.emit("request-ack", ("x", {"y": 1}))
    name, args = events.get(timeout=TIMEOUT)
    check("answers the server's acknowledgement request",
          name == "ack-response" and args == ("x", {"y": 1}, "from-python", b"\x01\x02"), args)

    big = "x" * 200_000  # several reads on the server, a 64-bit length
    sio.emit("message", big)
    name, args = events.get(timeout=TIMEOUT)
    check("carries a 200,000-byte message", args == (big,), len(args[0]) if args else args)

    sio.disconnect()
    check("disconnects cleanly", disconnected.get(timeout=TIMEOUT) and not sio.connected)


def websocket_frames():
    ws = websocket.create_connection(WS_URL, timeout=TIMEOUT)
    opcode, data = ws.recv_data()
    check("websocket-client: handshake and Engine.IO open packet",
          opcode == websocket.ABNF.OPCODE_TEXT and data.startswith(b"0{"), data)
    ws.ping(b"are you there")
    opcode, data = ws.recv_data(control_frame=True)
    check("websocket-client: ping answered with its payload",
          (opcode, data) == (websocket.ABNF.OPCODE_PONG, b"are you there"), (opcode, data))
    # Socket.IO CONNECT sent as three fragments, a ping between the first two.
    ws.send_frame(websocket.ABNF.create_frame("4", websocket.ABNF.OPCODE_TEXT, fin=0))
    ws.ping(b"between")
    ws.send_frame(websocket.ABNF.create_frame("0", websocket.ABNF.OPCODE_CONT, fin=0))
    ws.send_frame(websocket.ABNF.create_frame("{}", websocket.ABNF.OPCODE_CONT, fin=1))
    opcode, data = ws.recv_data(control_frame=True)
    check("websocket-client: ping inside a fragmented message", opcode == websocket.ABNF.OPCODE_PONG, opcode)
    opcode, data = ws.recv_data()
    check("websocket-client: the fragmented CONNECT reassembled", data.startswith(b"40{\"sid\""), data)
    ws.send_close(websocket.STATUS_NORMAL, b"done")
    frame = ws.recv_frame()
    for _ in range(5):  # what the server sent before it saw the close (its "auth" event)
        if frame.opcode != websocket.ABNF.OPCODE_TEXT:
            break
        frame = ws.recv_frame()
    code = int.from_bytes(frame.data[:2], "big") if len(frame.data) >= 2 else None
    check("websocket-client: close answered with its code",
          frame.opcode == websocket.ABNF.OPCODE_CLOSE and code == 1000, (frame.opcode, frame.data))
    check("websocket-client: then the server closes the connection", ws.sock.recv(1) == b"")
    ws.shutdown()


try:
    socketio_client()
    websocket_frames()
except Exception:  # a failed check: report it, and do not wait for the client's threads
    traceback.print_exc()
    sys.stdout.flush()
    os._exit(1)
