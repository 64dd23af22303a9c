#!/usr/bin/env bash
# Server CPU a message, same-run ABBA of two builds (after, before, before, after per round): each serves
# `serve --json`, driven by bench/load-client.c closed loop at 1,000 connections with bench/mix.txt for 7 s, while
# `perf stat -e context-switches,task-clock` watches the server for 4 s in the middle.
# usage: BIN=PATH BEFORE_BIN=PATH bench/cpu-per-message.sh [ROUNDS]   (needs perf; run from the repository root)
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-2}
OUT=$(mktemp -d)
trap 'kill ${A:-} ${B:-} 2>/dev/null || true; rm -rf "$OUT"' EXIT
gcc -O2 -o "$OUT/load-client" bench/load-client.c
"$BIN" serve --port 7831 --rate 0 --max-connections 20000 --json --data-dir "$OUT/a" 2>/dev/null &
A=$!
"$BEFORE_BIN" serve --port 7832 --rate 0 --max-connections 20000 --json --data-dir "$OUT/b" 2>/dev/null &
B=$!
sleep 5
one() { # name port pid
    "$OUT/load-client" -p "$2" -c 1000 -w 1 -d 7 -f bench/mix.txt > "$OUT/load.txt" &
    local L=$!
    sleep 2.5
    perf stat -x, -e context-switches,task-clock -p "$3" -- sleep 4 2> "$OUT/stat.txt"
    wait $L
    local rate cs tc
    rate=$(sed -n 's/.*rate=\([0-9]*\) msg\/s.*/\1/p' "$OUT/load.txt")
    cs=$(grep context-switches "$OUT/stat.txt" | cut -d, -f1)
    tc=$(grep task-clock "$OUT/stat.txt" | cut -d, -f1)
    python3 -c "r=$rate;print('$1 rate=%d msg/s cpu=%.1f us/msg cs=%.3f /msg cores=%.2f'%(r,$tc*1000/4/r,$cs/4/r,$tc/4000))"
}
for _ in $(seq 1 "$ROUNDS"); do one after 7831 $A; one before 7832 $B; one before 7832 $B; one after 7831 $A; done
