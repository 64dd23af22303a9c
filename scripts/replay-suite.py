#!/usr/bin/env python3
"""replay --check over the QA suite: records every dialogue of ROOT (those without set-up directives) with an older
build of frontdesk, then replays the transcripts with today's build and counts the bot turns that differ.

    python3 scripts/replay-suite.py OLD_BINARY NEW_BINARY transcripts OLD_CHECKOUT/intents

OLD_CHECKOUT is a checkout of the older commit (its intents/ and estate/ are used to record); run from the
repository root. The differences are written to /tmp/replay-diffs.txt.
"""
import os, sys, subprocess, glob, tempfile, re
old, new, root, old_intents = sys.argv[1:5]
skip = ('@record', '@update', '@wait', '@session', '@estate')
tot_p = tot_f = 0; diffs = []; n = 0; skipped = 0
for path in sorted(glob.glob(os.path.join(root, '**/*.dialogue'), recursive=True)):
    text = open(path, encoding='utf-8-sig').read()
    if any(l.startswith(skip) for l in text.splitlines()): skipped += 1; continue
    now = re.search(r'^@now (\S+)', text, re.M)
    now = now.group(1) if now else '2026-11-22T10:00:00+08:00'
    lines = [l[2:] for l in text.splitlines() if l.startswith('> ')]
    d = tempfile.mkdtemp()
    subprocess.run([old, 'chat', '--now', now, '--data-dir', d, '--intents', old_intents, '--estate', os.path.join(os.path.dirname(old_intents), 'estate/sample.json')],
                   input='\n'.join(lines) + '\n', capture_output=True, text=True, cwd=os.path.dirname(old_intents))
    files = glob.glob(os.path.join(d, 'transcripts', '*.jsonl'))
    if not files: print('no transcript', path); continue
    r = subprocess.run([new, 'replay', '--check'] + files, capture_output=True, text=True, cwd=os.getcwd())
    m = re.search(r'(\d+) passed, (\d+) failed', r.stdout)
    if m:
        p, f = int(m.group(1)), int(m.group(2)); tot_p += p; tot_f += f
        if f: diffs.append((path, r.stdout))
    n += 1
print(f'{n} dialogues replayed ({skipped} with set-up directives skipped): {tot_p} bot turns the same, {tot_f} differ')
out = open('/tmp/replay-diffs.txt', 'w')
for path, o in diffs: out.write('=== ' + path + '\n' + o + '\n')
