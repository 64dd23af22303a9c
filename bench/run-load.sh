#!/usr/bin/env bash
# TCP load benchmark (SPEC 9): our `frontdesk serve` against a minimal C epoll line server, both
# driven by the same C load client in the same run.
#   closed loop at 1, 100, 1000 connections (messages/s, p50/p99/p99.9)
#   paced at a quarter of the C server's 1000-connection closed-loop rate (p99 target <= 10 ms)
#   10,000 idle connections held, our server's VmRSS (target <= 200 MB)
# usage: bench/run-load.sh [--echo] [DURATION_SECONDS]
#   --echo  drive `serve --echo` (hidden flag: replies with the line itself; no engine, no journal)
#           instead of the engine in --json mode.
set -euo pipefail
cd "$(dirname "$0")/.."
MODE=engine
if [[ "${1:-}" == "--echo" ]]; then MODE=echo; shift; fi
DURATION=${1:-5}
MESSAGE=${MESSAGE:-你好}
OUR_PORT=${OUR_PORT:-7801}
C_PORT=${C_PORT:-7802}
ulimit -n 30000 2>/dev/null || ulimit -n "$(ulimit -Hn)"
OUT=$(mktemp -d)
trap 'kill ${OUR_PID:-} ${C_PID:-} 2>/dev/null || true; rm -rf "$OUT"' EXIT

gcc -O2 -Wall -o "$OUT/echo-server" bench/echo-server.c -lpthread
gcc -O2 -Wall -o "$OUT/load-client" bench/load-client.c
swift build -c release --product frontdesk >/dev/null
BIN=$(swift build -c release --show-bin-path)/frontdesk

SERVE=("$BIN" serve --port "$OUR_PORT" --rate 0 --max-connections 20000 --data-dir "$OUT/data")
if [[ $MODE == echo ]]; then SERVE+=(--echo); else SERVE+=(--json); fi
"${SERVE[@]}" 2>"$OUT/serve.log" &
OUR_PID=$!
"$OUT/echo-server" "$C_PORT" 2 2>/dev/null &
C_PID=$!
sleep 1
kill -0 "$OUR_PID" || { echo "serve did not start:"; cat "$OUT/serve.log"; exit 1; }

echo "# $(date -u +%FT%TZ) $(nproc) cores, $(uname -r); server: frontdesk serve ($MODE), message '$MESSAGE'"
run() { "$OUT/load-client" -w 1 -d "$DURATION" -m "$MESSAGE" "$@"; }
for c in 1 100 1000; do
    echo "frontdesk $(run -p "$OUR_PORT" -c "$c")"
    echo "C-server  $(run -p "$C_PORT" -c "$c")"
done
C_RATE=$(run -p "$C_PORT" -c 1000 | sed -n 's/.*rate=\([0-9]*\) msg\/s.*/\1/p')
OUR_RATE=$(run -p "$OUR_PORT" -c 1000 | sed -n 's/.*rate=\([0-9]*\) msg\/s.*/\1/p')
echo "closed loop, 1000 connections (rerun back to back): frontdesk $OUR_RATE msg/s, C $C_RATE msg/s," \
    "ratio $(awk "BEGIN{printf \"%.2f\", $OUR_RATE/$C_RATE}") (target >= 0.5)"
PACED=$((C_RATE / 4))
echo "paced at $PACED msg/s (a quarter of the C server), 1000 connections (target p99 <= 10 ms):"
echo "frontdesk $(run -p "$OUR_PORT" -c 1000 -r "$PACED")"
echo "C-server  $(run -p "$C_PORT" -c 1000 -r "$PACED")"

kill "$C_PID"
echo "idle: 10000 connections held (target frontdesk VmRSS <= 200 MB)"
echo "before: frontdesk $(grep VmRSS /proc/$OUR_PID/status)"
"$OUT/load-client" -p "$OUR_PORT" -c 10000 -i -d 6 >/dev/null &
IDLE_PID=$!
sleep 4
echo "held:   frontdesk $(grep VmRSS /proc/$OUR_PID/status), $(ls /proc/$OUR_PID/fd | wc -l) fds open"
wait "$IDLE_PID"
kill -TERM "$OUR_PID"
wait "$OUR_PID" && echo "serve exited 0 after SIGTERM"
