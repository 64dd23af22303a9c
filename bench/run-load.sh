#!/usr/bin/env bash
# TCP load benchmark (SPEC 9, issue 12): our `frontdesk serve` against a minimal C epoll line server, both driven by
# the same C load client in the same run, with the realistic message mix of bench/mix.txt (each connection one long
# conversation through every session of the mix: repairs, a complaint and an emergency reaching records, fee
# questions with verification, FAQs, small talk, goodbyes; zh-Hans, zh-Hant, English).
#   closed loop at 1 and 100 connections (messages/s, p50/p99/p99.9), once each
#   closed loop at 1000 connections: PAIRS rounds of ABBA pairs (frontdesk, C, C, frontdesk), ratio per pair, medians
#   paced at a quarter of the C server's median 1000-connection rate (p99 target <= 10 ms)
#   10,000 idle connections held, our server's VmRSS (target <= 200 MB)
# usage: bench/run-load.sh [--echo] [DURATION_SECONDS]
#   --echo  drive `serve --echo` (hidden flag: replies with the line itself; no engine, no journal)
#           instead of the engine in --json mode.
# environment: MIX=FILE (default bench/mix.txt), MESSAGE=TEXT (one message instead of the mix), PAIRS=N (default 2),
#   SERVE_FLAGS="…" (more flags for every frontdesk serve, e.g. --workers 16), BIN=PATH (our binary; default: release build of this tree), BEFORE_BIN=PATH (a second frontdesk binary, e.g. the
#   main branch's, measured in the same rounds as "before": frontdesk, C, before, before, C, frontdesk).
set -euo pipefail
cd "$(dirname "$0")/.."
MODE=engine
if [[ "${1:-}" == "--echo" ]]; then MODE=echo; shift; fi
DURATION=${1:-5}
MIX=${MIX:-bench/mix.txt}
MESSAGE=${MESSAGE:-}
PAIRS=${PAIRS:-2}
OUR_PORT=${OUR_PORT:-7801}
C_PORT=${C_PORT:-7802}
BEFORE_PORT=${BEFORE_PORT:-7803}
ulimit -n 30000 2>/dev/null || ulimit -n "$(ulimit -Hn)"
OUT=$(mktemp -d)
trap 'kill ${OUR_PID:-} ${C_PID:-} ${BEFORE_PID:-} 2>/dev/null || true; rm -rf "$OUT"' EXIT

gcc -O2 -Wall -o "$OUT/echo-server" bench/echo-server.c -lpthread
gcc -O2 -Wall -o "$OUT/load-client" bench/load-client.c
if [[ -z "${BIN:-}" ]]; then
    swift build -c release --product frontdesk >/dev/null
    BIN=$(swift build -c release --show-bin-path)/frontdesk
fi

start_serve() { # binary port data-dir → pid
    local args=("$1" serve --port "$2" --rate 0 --max-connections 20000 --data-dir "$3" ${SERVE_FLAGS:-})
    if [[ $MODE == echo ]]; then args+=(--echo); else args+=(--json); fi
    "${args[@]}" >/dev/null 2>>"$OUT/serve.log" &  # its stdout must not hold the $(…) that reads the pid open
    echo $!
}
OUR_PID=$(start_serve "$BIN" "$OUR_PORT" "$OUT/data")
if [[ -n "${BEFORE_BIN:-}" ]]; then BEFORE_PID=$(start_serve "$BEFORE_BIN" "$BEFORE_PORT" "$OUT/data-before"); fi
"$OUT/echo-server" "$C_PORT" 2 2>/dev/null &
C_PID=$!
# Wait until every server listens (loading intents/ and the matcher takes longer on a busy machine).
want=1; [[ -n "${BEFORE_PID:-}" ]] && want=2
for _ in $(seq 1 300); do
    [[ $(grep -c "listening on" "$OUT/serve.log" 2>/dev/null || true) -ge $want ]] && break
    kill -0 "$OUR_PID" 2>/dev/null || break
    sleep 0.1
done
kill -0 "$OUR_PID" || { echo "serve did not start:"; cat "$OUT/serve.log"; exit 1; }
if [[ -n "${BEFORE_PID:-}" ]]; then kill -0 "$BEFORE_PID" || { echo "before did not start:"; cat "$OUT/serve.log"; exit 1; }; fi
sleep 0.2

if [[ -n "$MESSAGE" ]]; then
    WHAT="message '$MESSAGE'"
    run() { "$OUT/load-client" -w 1 -d "$DURATION" -m "$MESSAGE" "$@"; }
else
    WHAT="mix $MIX ($(grep -cv '^\(#.*\)\?$' "$MIX") lines)"
    run() { "$OUT/load-client" -w 1 -d "$DURATION" -f "$MIX" "$@"; }
fi
rate_of() { sed -n 's/.*rate=\([0-9]*\) msg\/s.*/\1/p'; }
median() { sort -g | awk '{v[NR]=$1} END{if (NR%2) print v[(NR+1)/2]; else print (v[NR/2]+v[NR/2+1])/2}'; }
stop() { # pid: SIGTERM, then wait for it to exit (the servers are not children of this shell: started in $(…))
    kill -TERM "$1"
    for _ in $(seq 1 300); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.1; done
    return 1
}

echo "# $(date -u +%FT%TZ) $(nproc) cores, $(uname -r), load $(cut -d' ' -f1-3 /proc/loadavg); server: frontdesk serve ($MODE), $WHAT"
for c in 1 100; do
    echo "frontdesk $(run -p "$OUR_PORT" -c "$c")"
    [[ -n "${BEFORE_PID:-}" ]] && echo "before    $(run -p "$BEFORE_PORT" -c "$c")"
    echo "C-server  $(run -p "$C_PORT" -c "$c")"
done

echo "closed loop, 1000 connections, $PAIRS rounds of ABBA pairs:"
: >"$OUT/ours" >"$OUT/c" >"$OUT/before" >"$OUT/ratios" >"$OUT/before-ratios"
for ((round = 1; round <= PAIRS; round++)); do
    a1=$(run -p "$OUR_PORT" -c 1000); echo "  frontdesk $a1"
    c1=$(run -p "$C_PORT" -c 1000); echo "  C-server  $c1"
    if [[ -n "${BEFORE_PID:-}" ]]; then
        b1=$(run -p "$BEFORE_PORT" -c 1000); echo "  before    $b1"
        b2=$(run -p "$BEFORE_PORT" -c 1000); echo "  before    $b2"
    fi
    c2=$(run -p "$C_PORT" -c 1000); echo "  C-server  $c2"
    a2=$(run -p "$OUR_PORT" -c 1000); echo "  frontdesk $a2"
    for pair in "$a1|$c1" "$a2|$c2"; do
        ours=$(rate_of <<<"${pair%|*}"); theirs=$(rate_of <<<"${pair#*|}")
        echo "$ours" >>"$OUT/ours"; echo "$theirs" >>"$OUT/c"
        awk "BEGIN{printf \"%.3f\n\", $ours/$theirs}" >>"$OUT/ratios"
    done
    if [[ -n "${BEFORE_PID:-}" ]]; then
        for pair in "$b1|$c1" "$b2|$c2"; do
            before=$(rate_of <<<"${pair%|*}"); theirs=$(rate_of <<<"${pair#*|}")
            echo "$before" >>"$OUT/before"
            awk "BEGIN{printf \"%.3f\n\", $before/$theirs}" >>"$OUT/before-ratios"
        done
    fi
done
C_RATE=$(median <"$OUT/c"); C_RATE=${C_RATE%.*}
echo "medians: frontdesk $(median <"$OUT/ours") msg/s, C $C_RATE msg/s; ratio per pair $(paste -sd' ' "$OUT/ratios")," \
    "median ratio $(median <"$OUT/ratios" 2>/dev/null || true) (target >= 0.5)"
if [[ -n "${BEFORE_PID:-}" ]]; then
    echo "before:  $(median <"$OUT/before") msg/s; ratio per pair $(paste -sd' ' "$OUT/before-ratios")," \
        "median ratio $(median <"$OUT/before-ratios")"
fi
PACED=$((C_RATE / 4))
echo "paced at $PACED msg/s (a quarter of the C server's median), 1000 connections (target p99 <= 10 ms):"
echo "frontdesk $(run -p "$OUR_PORT" -c 1000 -r "$PACED")"
[[ -n "${BEFORE_PID:-}" ]] && echo "before    $(run -p "$BEFORE_PORT" -c 1000 -r "$PACED")"
echo "C-server  $(run -p "$C_PORT" -c 1000 -r "$PACED")"

kill "$C_PID"
[[ -n "${BEFORE_PID:-}" ]] && { stop "$BEFORE_PID" || true; BEFORE_PID=; }
if [[ $MODE == engine ]]; then
    echo "records created in the run: $(grep -c '"event":"create"' "$OUT/data/records.jsonl" || true)," \
        "lockout audit events: $(grep -c '"lockout"' "$OUT/data/records.jsonl" || true)"
fi
echo "idle: 10000 connections held (target frontdesk VmRSS <= 200 MB)"
echo "before: frontdesk $(grep VmRSS /proc/$OUR_PID/status)"
"$OUT/load-client" -p "$OUR_PORT" -c 10000 -i -d 6 >/dev/null &
IDLE_PID=$!
sleep 4
echo "held:   frontdesk $(grep VmRSS /proc/$OUR_PID/status), $(ls /proc/$OUR_PID/fd | wc -l) fds open"
wait "$IDLE_PID"
stop "$OUR_PID" && echo "serve exited after SIGTERM"
