# quotes_seeds.sh: `dyad quotes` on the two seed reports must find all 22 gold
# quotations (../shared/seeds/gold/quotes.jsonl) with the right speaker and actor
# code; also the JSON shape of every line.  Skips without ../shared.
source "$(dirname "$0")/lib.bash"

SEEDS=${DYAD_SHARED:-}/seeds
[ -n "${DYAD_SHARED:-}" ] && [ -f "$SEEDS/gold/quotes.jsonl" ] ||
    skip "\$DYAD_SHARED/seeds is absent: no quotation gold"
command -v python3 >/dev/null || skip "python3 is needed to compare JSON"

# The article dates (NOTES.md): 000 is 2014-09-11, 003 2014-09-12.
"$DYAD" quotes --date 2014-09-11 "$SEEDS"/000_*.txt > "$T/q.jsonl" 2> "$T/err"
expect_status 0 $? "dyad quotes on seed 000"
"$DYAD" quotes --date 2014-09-12 "$SEEDS"/003_*.txt >> "$T/q.jsonl" 2>> "$T/err"
expect_status 0 $? "dyad quotes on seed 003"
[ -s "$T/err" ] && show "$T/err"

python3 - "$SEEDS/gold/quotes.jsonl" "$T/q.jsonl" "$SEEDS" > "$T/report" <<'PY'
import json, sys, glob, os
gold = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
sysq = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8") if l.strip()]
texts = {os.path.basename(p): open(p, "rb").read() for p in glob.glob(sys.argv[3] + "/*.txt")}
bad = 0
for q in sysq:
    for k in ("doc", "id", "quote", "start", "end", "speaker_text", "speaker_start",
              "speaker_end", "speaker", "speaker_code", "cue", "sentence"):
        if k not in q:
            print("missing field", k, q); bad += 1
    raw = texts.get(q["doc"])
    if raw is not None and raw[q["start"]:q["end"]].decode("utf-8") != q["quote"]:
        print("offsets do not give the quote", q["id"]); bad += 1
    if raw is not None and q["speaker_start"] >= 0 and \
            raw[q["speaker_start"]:q["speaker_end"]].decode("utf-8") != q["speaker_text"]:
        print("offsets do not give the speaker", q["id"]); bad += 1
found = 0
for g in gold:
    hit = [q for q in sysq if q["doc"].startswith(g["doc"]) and q["quote"] == g["quote"]]
    if not hit:
        print("NOT FOUND", g["doc"], g["quote"][:60]); continue
    q = hit[0]
    if q["speaker"] != g["speaker"] or q["speaker_code"] != g["speaker_code"]:
        print("WRONG", g["quote"][:40], "->", q["speaker"], q["speaker_code"],
              "expected", g["speaker"], g["speaker_code"]); continue
    found += 1
print("seed quotations %d/%d with speaker and code" % (found, len(gold)))
sys.exit(0 if found == len(gold) and not bad else 1)
PY
if [ $? -eq 0 ]; then ok; else fail "seed quotations"; fi
cat "$T/report"

finish
