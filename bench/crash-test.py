#!/usr/bin/env python3
"""Crash test (SPEC 5, 9): while clients create repair records over TCP, kill -9 the server at
random moments (KILLS times, default 20), restart it, and check that every record ID a client was
shown is in records.jsonl with its details, and that the journal has no damaged line in the middle
(a torn last line is allowed: the server sets it aside on the next start).

usage: bench/crash-test.py [--kills N] [--clients N] [PATH_TO_FRONTDESK]   (default .build/release/frontdesk)
Exit 0 pass, 1 fail, 77 skipped (the engine is still a stub that answers with empty replies).
Needs intents/ and estate/sample.json in the current directory (run from the repository root).
"""
import json, os, random, re, socket, subprocess, sys, tempfile, threading, time, zlib

argv = sys.argv[1:]
def option(name, default):
    if name in argv:
        i = argv.index(name); value = argv[i + 1]; del argv[i:i + 2]; return int(value)
    return default
kills = option("--kills", 20)
clients = option("--clients", 4)
binary = argv[0] if argv else ".build/release/frontdesk"
port = 7821
data = tempfile.mkdtemp(prefix="frontdesk-crash-")
REPAIR = "3栋2单元501厨房水管漏水，电话13812345678"

def start():
    p = subprocess.Popen([binary, "serve", "--json", "--port", str(port), "--data-dir", data, "--rate", "0"],
                         stderr=open(os.path.join(data, "serve.log"), "a"))
    for _ in range(200):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return p
        except OSError:
            if p.poll() is not None:
                log = open(os.path.join(data, "serve.log")).read()
                if "not found" in log and ("intents" in log or "estate" in log):
                    print("SKIP: serve cannot start without intents/ and the estate file: " + log.strip()[-300:])
                    sys.exit(77)
                sys.exit(f"FAIL: serve exited with {p.returncode} on restart; see {data}/serve.log:\n"
                         + open(os.path.join(data, "serve.log")).read()[-2000:])
            time.sleep(0.05)
    sys.exit("FAIL: serve did not start")

def turn(f, s, text):
    s.sendall(text.encode() + b"\n")
    line = f.readline()
    if not line:
        raise ConnectionError("closed")
    return json.loads(line)

acknowledged = []  # record IDs shown to a client
lock = threading.Lock()
stop = threading.Event()
stub = threading.Event()

def client():
    while not stop.is_set():
        try:
            s = socket.create_connection(("127.0.0.1", port), timeout=5)
            f = s.makefile("rb")
            while not stop.is_set():
                first = turn(f, s, REPAIR)
                if first.get("reply", "") == "":
                    stub.set(); stop.set(); break
                reply = turn(f, s, "确认")
                record = reply.get("record") or first.get("record")
                if record and record.get("id"):
                    with lock:
                        acknowledged.append(record["id"])
            s.close()
        except (OSError, ValueError, ConnectionError):
            time.sleep(0.05)

server = start()
threads = [threading.Thread(target=client, daemon=True) for _ in range(clients)]
for t in threads: t.start()
for k in range(kills):
    time.sleep(random.uniform(0.2, 1.0))
    if stub.is_set(): break
    server.kill(); server.wait()
    server = start()
stop.set()
for t in threads: t.join(timeout=10)
server.kill(); server.wait()
if stub.is_set():
    print("SKIP: the engine answered with an empty reply (still a stub); rerun once the engine lands")
    sys.exit(77)

failures = []
creates = {}
path = os.path.join(data, "records.jsonl")
lines = open(path, "rb").read().split(b"\n") if os.path.exists(path) else []
if lines and lines[-1] == b"": lines.pop()
for number, raw in enumerate(lines, 1):
    m = re.match(rb'^(.*),"crc":"([0-9a-f]{8})"\}$', raw)
    ok = m is not None and format(zlib.crc32(m.group(1)), "08x") == m.group(2).decode()
    if not ok:
        if number == len(lines): continue  # torn tail: allowed, set aside on the next start
        failures.append(f"records.jsonl line {number} is damaged in the middle: {raw[:80]!r}")
        continue
    event = json.loads(raw)
    if event.get("event") == "create":
        creates[event["data"]["id"]] = event["data"]
for rid in acknowledged:
    rec = creates.get(rid)
    if rec is None:
        failures.append(f"acknowledged record {rid} is not in records.jsonl")
    elif rec.get("unit") != "3-2-501" or rec.get("phone") != "13812345678" or not rec.get("description"):
        failures.append(f"record {rid} lacks its details: {rec}")
print(f"{kills} kill -9s, {len(acknowledged)} records acknowledged, {len(creates)} in the journal, "
      f"{len(failures)} problems (data dir {data})")
for f in failures[:20]: print("  " + f)
print("PASS" if not failures and acknowledged else "FAIL")
sys.exit(0 if not failures and acknowledged else 1)
