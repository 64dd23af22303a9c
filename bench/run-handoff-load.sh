#!/usr/bin/env bash
# Hand-off load benchmark (issue 14): 1,000 resident connections in closed loop against
# `frontdesk serve --json --operator-port`, alternately without and with 10 operators holding 10
# sessions (each pair exchanging a line each way every 0.1 s). The other residents' msg/s should
# stay within the noise of the runs without operators.
# usage: bench/run-handoff-load.sh [DURATION_SECONDS] (CONNS=1000, BIN=… to use another binary)
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-5}
CONNS=${CONNS:-1000}
PORT=${PORT:-7811}
OPERATOR_PORT=${OPERATOR_PORT:-7812}
ulimit -n 30000 2>/dev/null || ulimit -n "$(ulimit -Hn)"
OUT=$(mktemp -d)
trap 'kill ${HOLD_PID:-} ${OUR_PID:-} 2>/dev/null || true; rm -rf "$OUT"' EXIT

gcc -O2 -Wall -o "$OUT/load-client" bench/load-client.c
if [[ -z "${BIN:-}" ]]; then
    swift build -c release --product frontdesk >/dev/null
    BIN=$(swift build -c release --show-bin-path)/frontdesk
fi
for i in $(seq 0 9); do printf 'op%02d\tbench-token-%04d\n' "$i" "$i"; done >"$OUT/tokens"
chmod 600 "$OUT/tokens"
"$BIN" serve --json --port "$PORT" --operator-port "$OPERATOR_PORT" --operator-token-file "$OUT/tokens" \
    --rate 0 --max-connections 20000 --handoff-wait 100000 --data-dir "$OUT/data" 2>"$OUT/serve.log" &
OUR_PID=$!
sleep 1
kill -0 "$OUR_PID" || { echo "serve did not start:"; cat "$OUT/serve.log"; exit 1; }

echo "# $(date -u +%FT%TZ) $(nproc) cores, $(uname -r); frontdesk serve --json, $CONNS connections, closed loop"
run() { "$OUT/load-client" -p "$PORT" -c "$CONNS" -w 1 -d "$DURATION" -m 你好; }
rate() { sed -n 's/.*rate=\([0-9]*\) msg\/s.*/\1/p'; }
hold() {
    python3 bench/handoff-holders.py "$PORT" "$OPERATOR_PORT" bench-token- 10 0.1 >"$OUT/hold.log" &
    HOLD_PID=$!
    for _ in $(seq 50); do grep -q holding "$OUT/hold.log" 2>/dev/null && return; sleep 0.1; done
    echo "the operators did not take their sessions"; exit 1
}
A1=$(run | rate); echo "without operators: $A1 msg/s"
hold; B1=$(run | rate); echo "10 operators holding 10 sessions: $B1 msg/s"; kill "$HOLD_PID"; wait "$HOLD_PID" 2>/dev/null || true
sleep 0.5
A2=$(run | rate); echo "without operators: $A2 msg/s"
hold; B2=$(run | rate); echo "10 operators holding 10 sessions: $B2 msg/s"; kill "$HOLD_PID"; wait "$HOLD_PID" 2>/dev/null || true
echo "with/without: $(awk "BEGIN{printf \"%.2f\", ($B1+$B2)/($A1+$A2)}")," \
    "spread without operators $(awk "BEGIN{d=$A1-$A2; if (d<0) d=-d; printf \"%.2f\", d/(($A1+$A2)/2)}")"
kill -TERM "$OUR_PID"
wait "$OUR_PID" && echo "serve exited 0 after SIGTERM"
