#!/usr/bin/env bash
# tests/cli/screen.sh: black-box tests of `aka compare`, `aka search`,
# `aka screen` and `aka eval`: the contract of DESIGN.md (exit codes, JSON
# shape, hits best first, bad records named by line).
set -u
AKA=${AKA_BIN:?}; DATA=${AKA_SHARED:?}/data; FIX=${AKA_TESTDATA:?}
UN=$DATA/un/consolidated.xml
fails=0; passes=0
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
check() { local name=$1; shift
  if "$@"; then passes=$((passes+1)); else echo "FAIL: $name"; fails=$((fails+1)); fi; }
run() { "$AKA" "$@" >"$tmp/out" 2>"$tmp/err"; rc=$?; }
ge() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a >= b) }'; }
lt() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a < b) }'; }

# compare
run compare "Абу Бакр аль-Багдади" "Abu Bakr al-Baghdadi"
check "compare exits 0" test $rc -eq 0
check "compare explains transliteration" grep -q transliterated "$tmp/out"
run compare --json "محمد عمر" "Mohammed Omar"
check "compare json" test "$(jq -r '.matched_name' "$tmp/out")" = "Mohammed Omar"
check "compare score high" ge "$(jq '.score' "$tmp/out")" 0.8
check "compare parts" test "$(jq '.explanation.parts | length' "$tmp/out")" -eq 2
run compare --json "Yusupov" "Юсупов"
check "Yusupov = Юсупов" ge "$(jq '.score' "$tmp/out")" 0.9
run compare "only one"
check "compare needs two names" test $rc -eq 2
run compare $'\xff' "x"
check "compare bad UTF-8 exits 2" test $rc -eq 2

# search
run search --list "$UN" --json "أبو بكر البغدادي"
check "search exits 0" test $rc -eq 0
check "search finds QDi.299 first" test "$(jq -r '.hits[0].source_id' "$tmp/out")" = QDi.299
check "search hit has the contract keys" test "$(jq -r '.hits[0] | [has("source"), has("source_id"), has("schema"), has("name"), has("matched_name"), has("score"), has("explanation")] | all' "$tmp/out")" = true
run search --list "$UN" --fail-on-hit "Abu Bakr al-Baghdadi"
check "--fail-on-hit with a hit exits 1" test $rc -eq 1
run search --list "$UN" --fail-on-hit "Elisabeth Zwiebelmann"
check "--fail-on-hit without a hit exits 0" test $rc -eq 0
run search --list "$UN" --threshold 0 --limit 3 --json "Mohammed"
check "threshold 0 and limit" test "$(jq '.hits | length' "$tmp/out")" -eq 3
run search --list "$UN" --threshold 2 "x"
check "bad threshold exits 2" test $rc -eq 2
run search --list "$UN" --birth-date 12/05/1971 "x"
check "bad birth date exits 2" test $rc -eq 2
check "bad birth date named" grep -q birth_date "$tmp/err"
run search "x"
check "no list exits 2" test $rc -eq 2
run search --list "$tmp/nothing.xml" "x"
check "missing list exits 2" test $rc -eq 2
run search --index snap.aka "x"
check "--index not yet: exits 2" test $rc -eq 2

# screen: CSV in, JSON lines out, one line per record, hits best first
printf 'id,name,birth_date,extra\nc1,Abu Bakr al-Baghdadi,1971,x\nc2,Elisabeth Zwiebelmann,,\nc3,"AL-BAGHDADI, Abu Bakr",,\n' > "$tmp/in.csv"
run screen --list "$UN" "$tmp/in.csv"
check "screen exits 0" test $rc -eq 0
check "screen: one line per record" test "$(wc -l < "$tmp/out")" -eq 3
check "screen: c1 hits QDi.299" test "$(jq -r 'select(.id=="c1") | .hits[0].source_id' "$tmp/out")" = QDi.299
check "screen: c2 no hits" test "$(jq -r 'select(.id=="c2") | .hits | length' "$tmp/out")" -eq 0
# reals as rounded (0.9005), not as the nearest double (0.90049999999999997)
check "screen: reals have at most 4 decimals" test "$(grep -cE '[0-9]\.[0-9]{5,}' "$tmp/out")" -eq 0
check "screen: c3 LAST, First" test "$(jq -r 'select(.id=="c3") | .hits[0].source_id' "$tmp/out")" = QDi.299
# a line longer than the writer's buffer (a 20,000-letter name) is whole
{ printf 'id,name\nbig,Abu Bakr '; printf 'x%.0s' $(seq 20000); printf '\nok,Abu Bakr al-Baghdadi\n'; } > "$tmp/big.csv"
run screen --list "$UN" "$tmp/big.csv"
check "screen: a long line is valid JSON" test "$(jq -r .id "$tmp/out" | tr '\n' ' ')" = "big ok "
run screen --list "$UN" --format csv < "$tmp/in.csv"
check "screen csv from stdin exits 0" test $rc -eq 0
check "screen csv header" test "$(head -1 "$tmp/out")" = "id,query,rank,source,source_id,schema,name,matched_name,score"
check "screen csv row for no-hit record" grep -q '^c2,Elisabeth Zwiebelmann,,,,,,,$' "$tmp/out"
printf '{"id":"j1","name":"Абу Бакр аль-Багдади"}\nnot json\n{"id":"j3","name":"Mohammed Omar"}\n' > "$tmp/in.jsonl"
run screen --list "$UN" --threshold 0.5 "$tmp/in.jsonl"
check "screen: bad record exits 2" test $rc -eq 2
check "screen: bad record named by line" grep -q "in.jsonl:2:" "$tmp/err"
check "screen: other records still screened" test "$(wc -l < "$tmp/out")" -eq 2
run screen --list "$UN" --format xml "$tmp/in.csv"
check "screen: bad format exits 2" test $rc -eq 2
printf 'id,surname\n1,x\n' > "$tmp/bad.csv"
run screen --list "$UN" "$tmp/bad.csv"
check "screen: no name column exits 2" test $rc -eq 2

# eval: small sample, no baseline (the full run is in the README)
run eval --list "$UN" --list "$DATA/other/canada_sema.xml" --sample 10 --no-baseline --quiet --json
check "eval exits 0" test $rc -eq 0
check "eval reports the three sets" test "$(jq '[.rows[].set] | unique | length' "$tmp/out")" -eq 3

# candidate recall: the index beside scoring every name, by candidate count;
# the candidates of a smaller count are the best of a larger one's, so the
# recall can only grow with the count, and the default count (64) is the
# headline figure
run eval --list "$UN" --sample 8 --no-baseline --quiet --json --candidate-recall
check "eval --candidate-recall exits 0" test $rc -eq 0
check "candidate recall checked some queries" test "$(jq '.candidate_recall.n' "$tmp/out")" -gt 0
check "candidate recall by 4 counts" test "$(jq '.candidate_recall.by_count | length' "$tmp/out")" -eq 4
check "candidate recall grows with the count" test "$(jq '[.candidate_recall.by_count[].recall] | . == sort' "$tmp/out")" = true
check "candidate recall at 64 is the headline" test "$(jq '(.candidate_recall.by_count[] | select(.candidates == 64) | .recall) == .candidate_recall.recall' "$tmp/out")" = true
run eval --list "$UN" --sample 8 --no-baseline --quiet --candidate-recall
check "eval text: candidate counts" grep -q "^by candidate count (default [0-9]*): 16: " "$tmp/out"

# --failures: one line per failure, its fields tab-separated, even for the
# Canadian names that run over several lines
run eval --list "$DATA/other/canada_sema.xml" --sets 1 --sample 0 --no-baseline --quiet --failures "$tmp/fail.tsv"
check "eval --failures exits 0" test $rc -eq 0
check "eval --failures wrote misses" test "$(grep -c '^miss' "$tmp/fail.tsv")" -gt 0
check "eval --failures: six fields a line" test "$(awk -F'\t' '$1 != "miss" || NF != 6' "$tmp/fail.tsv" | wc -l)" -eq 0

echo "$passes passed, $fails failed"
test $fails -eq 0
