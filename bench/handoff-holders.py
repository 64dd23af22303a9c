#!/usr/bin/env python3
"""Holds N live hand-offs on a running `frontdesk serve --operator-port` (SPEC 8.3) for the
hand-off load benchmark: N operators sign in, N residents ask for a person, each operator takes one
session, then every pair exchanges a line each way every INTERVAL seconds until killed.
usage: handoff-holders.py RESIDENT_PORT OPERATOR_PORT TOKEN_PREFIX N [INTERVAL]"""
import json
import socket
import sys
import time

resident_port, operator_port, prefix, n = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
interval = float(sys.argv[5]) if len(sys.argv) > 5 else 0.1


def connect(port):
    s = socket.create_connection(("127.0.0.1", port))
    s.settimeout(10)
    return s, s.makefile("r", encoding="utf-8")


def send(s, line):
    s.sendall((line + "\n").encode())


operators = []
for i in range(n):
    s, f = connect(operator_port)
    send(s, json.dumps({"auth": f"{prefix}{i:04d}"}))
    assert json.loads(f.readline())["event"] == "welcome"
    operators.append((s, f))
residents = []
for i in range(n):
    s, f = connect(resident_port)
    send(s, "转人工")
    reply = json.loads(f.readline())
    assert reply.get("handoff") == "queued", reply
    residents.append((s, f, reply["session"]))
for index, ((o, of), (_, _, session)) in enumerate(zip(operators, residents)):
    send(o, json.dumps({"take": session}))
    while True:  # skip the other `waiting`/`taken` events until this operator holds its session
        event = json.loads(of.readline())
        if event["event"] == "taken" and event["session"] == session and event["by"] == f"op{index:02d}":
            break
for s, f, _ in residents:
    assert json.loads(f.readline()).get("handoff") == "taken"
print(f"holding {n} sessions", flush=True)
count = 0
while True:
    for (o, of), (r, rf, session) in zip(operators, residents):
        send(o, json.dumps({"say": f"客服回复 {count}", "session": session}))
        rf.readline()
        send(r, f"住户消息 {count}")
        of.readline()  # an event (the resident's line, or one left over from the set-up)
    count += 1
    time.sleep(interval)
