#!/usr/bin/env python3
"""Bad-input run (SPEC 8): start `frontdesk serve`, send the worst we can, then check that a normal
client still gets correct answers and the server is still alive with bounded memory.

usage: bench/bad-input.py [--echo] [PATH_TO_FRONTDESK]   (default: .build/release/frontdesk)
"""
import os, random, socket, struct, subprocess, sys, tempfile, threading, time

echo = "--echo" in sys.argv
args = [a for a in sys.argv[1:] if a != "--echo"]
binary = args[0] if args else ".build/release/frontdesk"
port = 7811
data = tempfile.mkdtemp()
cmd = [binary, "serve", "--port", str(port), "--data-dir", data, "--max-connections", "20000", "--rate", "0",
       "--line-timeout", "3"]
cmd += ["--echo"] if echo else ["--json"]
server = subprocess.Popen(cmd, stderr=subprocess.PIPE)
time.sleep(1)
random.seed(7)
failures = []

def conn():
    s = socket.create_connection(("127.0.0.1", port))
    s.settimeout(10)
    return s

def rss():
    for line in open(f"/proc/{server.pid}/status"):
        if line.startswith("VmRSS"):
            return line.split()[1] + " kB"

def attack(name, fn):
    t = time.time()
    try:
        fn()
    except Exception as e:  # the attacker's own errors (resets) are expected
        pass
    print(f"  {name}: done in {time.time() - t:.1f}s, server RSS {rss()}", flush=True)

def random_bytes():
    for _ in range(50):
        s = conn()
        s.sendall(os.urandom(random.randint(1, 200_000)))
        s.close()

def megabyte_lines():
    s = conn()
    for _ in range(5):
        s.sendall(b"a" * 1_000_000 + b"\n")
    s.close()

def nuls_and_half_utf8():
    s = conn()
    for _ in range(200):
        s.sendall(random.choice([b"\x00\x00\n", b"ab\x00cd\n", b"\xe4\xbd\n", b"\xf0\x9f\n", b"\xc3\n", b"\xed\xa0\x80\n",
                                 b"\x1b[2J\n", "正常".encode()[:4] + b"\r\n"]))
    s.close()

def open_and_drop():
    for i in range(3000):
        s = socket.socket()
        s.connect(("127.0.0.1", port))
        if i % 2:  # half of them reset instead of closing
            s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        s.close()

slow = []
def slow_reader():
    s = conn()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    s.setblocking(False)
    try:
        for _ in range(20000):
            s.send("你好\n".encode())
    except BlockingIOError:
        pass
    slow.append(s)  # kept open, never read

def slow_sender():
    s = conn()
    for b in b"slow line":
        s.send(bytes([b]))
        time.sleep(0.3)
    slow.append(s)

print(f"bad-input run against: {' '.join(cmd)}")
attack("random bytes on 50 connections", random_bytes)
attack("five 1 MB lines", megabyte_lines)
attack("NULs, half UTF-8 sequences, control characters", nuls_and_half_utf8)
attack("3000 connections opened and dropped (half with RST)", open_and_drop)
attack("slow reader (never reads, 20000 lines)", slow_reader)
threading.Thread(target=slow_sender, daemon=True).start()

def check_normal_client():
    s = conn()
    f = s.makefile("rb")
    if echo:
        for word in ["ping", "你好", "last"]:
            s.sendall(word.encode() + b"\n")
            got = f.readline().decode().rstrip("\n")
            if got != word:
                failures.append(f"echo: sent {word!r}, got {got!r}")
    else:
        s.sendall("你好\n".encode())
        got = f.readline().decode()
        if '"reply"' not in got or not got.endswith("\n"):
            failures.append(f"json: got {got!r}")
    s.close()

check_normal_client()
if server.poll() is not None:
    failures.append(f"server died with status {server.returncode}")
print(f"  normal client after the attacks: {'OK' if not failures else failures}; server RSS {rss()}")
server.terminate()
try:
    code = server.wait(timeout=20)
except subprocess.TimeoutExpired:
    server.kill()
    code = "killed after 20 s"
if code != 0:
    failures.append(f"serve exit status after SIGTERM: {code}")
for s in slow:
    s.close()
print("PASS" if not failures else f"FAIL: {failures}")
sys.exit(0 if not failures else 1)
