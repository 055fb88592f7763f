#!/usr/bin/env bash
# tests/cli/batch.sh: black-box tests of `aka screen --threads N` and its
# progress bar: the output of N threads is byte for byte that of one, in
# input order, bad records included; bad --threads values are refused;
# the bar shows only on a terminal; memory does not grow with the input.
set -u
AKA=${AKA_BIN:?}; DATA=${AKA_SHARED:?}/data; FIX=${AKA_TESTDATA:?}
UN=$DATA/un/consolidated.xml
fails=0; passes=0
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
check() { local name=$1; shift
  if "$@"; then passes=$((passes+1)); else echo "FAIL: $name"; fails=$((fails+1)); fi; }
# run NAME ARGS...: aka ARGS > $tmp/NAME.out 2> $tmp/NAME.err; status in
# $tmp/NAME.rc
run() { local name=$1; shift
  "$AKA" "$@" >"$tmp/$name.out" 2>"$tmp/$name.err"; echo $? >"$tmp/$name.rc"; }
same() { cmp -s "$tmp/$1" "$tmp/$2"; }
asan=0; ldd "$AKA" 2>/dev/null | grep -q libasan && asan=1

# ---- input: names of the UN list (Latin aliases and original script) mixed
# with ordinary names, 1,000 records (400 under the sanitizers, which are
# slower), fixed seed. Batches are of 256 records, so the file spans
# several.
half=500; [ $asan -eq 1 ] && half=200
{ grep -o '<ALIAS_NAME>[^<]*' "$UN" | sed 's/<ALIAS_NAME>//' | head -$((half * 4 / 5))
  grep -o '<NAME_ORIGINAL_SCRIPT>[^<]*' "$UN" | sed 's/<NAME_ORIGINAL_SCRIPT>//' | head -$((half / 5))
} > "$tmp/listed"
check "UN names extracted" test "$(wc -l < "$tmp/listed")" -eq $half
awk -v seed=4 -v n=$half 'BEGIN { srand(seed)
  ng = split("Anna Peter Maria Ahmed Olga Ivan Fatima Li Wei Carlos Sofia " \
             "Omar Elena Hans Aisha Jean Yusuf Natalia Pablo Mei", g, " ")
  ns = split("Schmidt Novak Rossi Haddad Petrova Kim Silva Dubois Jensen " \
             "Tanaka Kowalski Moreau Costa Nguyen Fischer Lindqvist", s, " ")
  for (i = 0; i < n; i++)
    print g[int(rand() * ng) + 1] " " s[int(rand() * ns) + 1] }' > "$tmp/ordinary"
# id<TAB>name<TAB>birth_date, listed and ordinary names interleaved
paste -d '\n' "$tmp/listed" "$tmp/ordinary" | grep -v '^$' |
  awk '{ printf "c%05d\t%s\t%s\n", NR, $0, (NR % 7 ? "" : 1950 + NR % 50) }' \
  > "$tmp/records.tsv"
n=$(wc -l < "$tmp/records.tsv")
check "all records made" test "$n" -eq $((2 * half))
to_csv() { echo "id,name,birth_date"
  jq -R -r 'split("\t") | @csv' "$1"; }
to_jsonl() { jq -R -c 'split("\t") | {id: .[0], name: .[1], birth_date: .[2]}' "$1"; }
to_csv "$tmp/records.tsv" > "$tmp/in.csv"
to_jsonl "$tmp/records.tsv" > "$tmp/in.jsonl"

# ---- --threads 2 writes what --threads 1 writes, in both formats, against
# the UN list (a real list: many records hit)
run c1 screen --list "$UN" --format csv --threads 1 "$tmp/in.csv"
run c2 screen --list "$UN" --format csv --threads 2 "$tmp/in.csv"
check "csv: threads 1 exits 0" test "$(cat "$tmp/c1.rc")" -eq 0
check "csv: threads 2 exits 0" test "$(cat "$tmp/c2.rc")" -eq 0
check "csv: every record has a row" test "$(cut -d, -f1 "$tmp/c1.out" | sort -u | wc -l)" -eq $((n + 1))
check "csv: some records hit" grep -q ',1,un,' "$tmp/c1.out"
check "csv: some records do not" grep -q ',,,,,,,$' "$tmp/c1.out"
check "csv: threads 2 = threads 1" same c1.out c2.out
run j1 screen --list "$UN" --threads 1 "$tmp/in.jsonl"
run j2 screen --list "$UN" --threads 2 "$tmp/in.jsonl"
check "jsonl: one line per record" test "$(wc -l < "$tmp/j1.out")" -eq "$n"
check "jsonl: in input order" test "$(jq -r .id "$tmp/j2.out" | tr -d '\n' | md5sum)" = "$(cut -f1 "$tmp/records.tsv" | tr -d '\n' | md5sum)"
check "jsonl: some records hit" test "$(jq 'select(.hits | length > 0)' "$tmp/j1.out" | wc -l)" -gt 0
check "jsonl: threads 2 = threads 1" same j1.out j2.out
check "jsonl: threads 2 exits 0" test "$(cat "$tmp/j2.rc")" -eq 0
check "no message on stderr" test ! -s "$tmp/j2.err"

# ---- from here on, the small list of tests/data (faster to screen), with
# one record that hits it
L=$FIX/aka_list.csv
run k1 screen --list "$L" --threads 1 "$tmp/in.jsonl"
check "small list: exits 0" test "$(cat "$tmp/k1.rc")" -eq 0
run k0 screen --list "$L" --threads 0 "$tmp/in.jsonl"
check "--threads 0 exits 0" test "$(cat "$tmp/k0.rc")" -eq 0
check "--threads 0 = threads 1" same k1.out k0.out
"$AKA" screen --list "$L" --threads 2 < "$tmp/in.jsonl" > "$tmp/kp.out"
check "standard input, threads 2 = threads 1" same k1.out kp.out
{ cat "$tmp/in.csv"; echo "z1,Ivan Sergeyevich Petrov,"; } > "$tmp/hit.csv"
run f2 screen --list "$L" --threads 2 --fail-on-hit "$tmp/hit.csv"
check "--fail-on-hit with threads exits 1" test "$(cat "$tmp/f2.rc")" -eq 1
check "--fail-on-hit: the hit is last" test "$(tail -1 "$tmp/f2.out" | jq -r '.hits[0].source_id')" = INT-0001

# ---- bad records in the middle: reported by line, in order, same status.
# Reader errors (bad JSON, a name that is not a string, bad UTF-8, unknown
# schema) and a screening error (a birth date aka cannot read).
awk 'NR == 100 { print "not json" }
     NR == 250 { print "{\"id\": \"b2\", \"name\": [\"x\"]}" }
     NR == 390 { print "{\"id\": \"b3\", \"name\": \"Ivan\", \"birth_date\": \"12/05/1971\"}" }
     { print }' "$tmp/in.jsonl" > "$tmp/bad.jsonl"
for t in 1 2; do run bj$t screen --list "$L" --threads $t "$tmp/bad.jsonl"; done
check "bad jsonl: threads 1 exits 2" test "$(cat "$tmp/bj1.rc")" -eq 2
check "bad jsonl: threads 2 exits 2" test "$(cat "$tmp/bj2.rc")" -eq 2
check "bad jsonl: lines named in order" test "$(grep -o 'bad.jsonl:[0-9]*' "$tmp/bj2.err" | tr '\n' ' ')" = "bad.jsonl:100 bad.jsonl:251 bad.jsonl:392 "
check "bad jsonl: same messages" same bj1.err bj2.err
check "bad jsonl: same output" same bj1.out bj2.out
check "bad jsonl: the others screened" same bj2.out k1.out
{ echo "id,name,schema"; cut -f1,2 "$tmp/records.tsv" | jq -R -r 'split("\t") | .[0:2] + [""] | @csv'; } |
  awk 'NR == 200 { print "x1,Ivan Petrov,spaceship" }
       NR == 280 { printf "x2,\"Iv\377n\",person\n" }
       { print }' > "$tmp/bad.csv"
for t in 1 2; do run bc$t screen --list "$L" --format csv --threads $t "$tmp/bad.csv"; done
check "bad csv: threads 2 exits 2" test "$(cat "$tmp/bc2.rc")" -eq 2
check "bad csv: lines named in order" test "$(grep -o 'bad.csv:[0-9]*' "$tmp/bc2.err" | tr '\n' ' ')" = "bad.csv:200 bad.csv:281 "
check "bad csv: same messages" same bc1.err bc2.err
check "bad csv: same output" same bc1.out bc2.out
check "bad csv: the others screened" test "$(cut -d, -f1 "$tmp/bc2.out" | sort -u | wc -l)" -eq $((n + 1))

# ---- bad --threads values
for v in -1 abc "" 1x 257 " 2"; do
  run bt screen --list "$UN" --threads "$v" "$tmp/in.csv"
  check "--threads '$v' exits 2" test "$(cat "$tmp/bt.rc")" -eq 2
  check "--threads '$v' named" grep -q -- '--threads' "$tmp/bt.err"
  check "--threads '$v' no output" test ! -s "$tmp/bt.out"
done

# ---- output that cannot be written
for t in 1 2; do
  "$AKA" screen --list "$L" --threads $t "$tmp/in.csv" \
    > /dev/full 2> "$tmp/full.err"
  check "full disk, threads $t: exits 2" test $? -eq 2
  check "full disk, threads $t: said" grep -q 'cannot write' "$tmp/full.err"
done

# ---- threads that cannot start (an address-space limit too small for 256
# thread stacks); skipped where the sanitizers need more than the limit
if (ulimit -v 400000; "$AKA" version; exit $?) >/dev/null 2>&1; then
  (ulimit -v 400000; "$AKA" screen --list "$L" --threads 256 \
    --format csv "$tmp/in.csv" > "$tmp/nt.out" 2> "$tmp/nt.err")
  check "threads that cannot start: exits 2" test $? -eq 2
  check "threads that cannot start: said" grep -q 'cannot start thread' "$tmp/nt.err"
  check "threads that cannot start: no output" test ! -s "$tmp/nt.out"
else
  echo "skip: thread start failure (address-space limit breaks this build)"
fi

# ---- progress bar: never when stderr is not a terminal...
check "no bar when stderr is a file" test ! -s "$tmp/c2.err"
check "no bar when stderr is a file (small list)" test ! -s "$tmp/k0.err"
# ...and on a terminal unless --quiet (script(1) gives it one)
if command -v script >/dev/null; then
  script -qec "'$AKA' screen --list '$L' --threads 2 '$tmp/in.csv' > '$tmp/tty.out'" \
    /dev/null > "$tmp/tty" 2>&1
  check "terminal: exits 0" test $? -eq 0
  check "terminal: bar shows records and rate" grep -aq 'records, [0-9]*/s' "$tmp/tty"
  check "terminal: bar shows the ETA of a file" grep -aq 'ETA [0-9]*:[0-9][0-9]:[0-9][0-9]' "$tmp/tty"
  check "terminal: bar erased at the end" test "$(tail -c 4 "$tmp/tty" | od -An -tx1 | tr -d ' \n')" = "0d1b5b4b"
  check "terminal: output unchanged" same k1.out tty.out
  script -qec "cat '$tmp/in.csv' | '$AKA' screen --list '$L' > /dev/null" \
    /dev/null > "$tmp/tty" 2>&1
  check "terminal, pipe: bar without ETA" grep -aq 'records, ' "$tmp/tty"
  check "terminal, pipe: no ETA" bash -c "! grep -aq ETA '$tmp/tty'"
  script -qec "'$AKA' screen --quiet --list '$L' '$tmp/in.csv' > /dev/null" \
    /dev/null > "$tmp/tty" 2>&1
  check "terminal, --quiet: no bar" test ! -s "$tmp/tty"
else
  echo "skip: no script(1) to give aka a terminal"
fi

# ---- constant memory: a million records (a tenth of that under the
# sanitizers, which are slower, with longer rows) take no more memory than
# ten thousand
rows=1000000; pad=40; [ $asan -eq 1 ] && rows=100000 pad=500
awk -v n=$rows -v pad=$pad 'BEGIN { print "id,name,birth_date,notes"
  notes = sprintf("%*s", pad, ""); gsub(/ /, "z", notes)
  for (i = 1; i <= n; i++)
    printf "c%07d,x%d,19%02d,%s\n", i, i, i % 100, notes }' > "$tmp/big.csv"
head -10001 "$tmp/big.csv" > "$tmp/small.csv"
export ASAN_OPTIONS="${ASAN_OPTIONS:-}:quarantine_size_mb=16"
rss() { /usr/bin/time -f %M -o "$tmp/rss" "$AKA" screen --quiet --threads 2 \
          --list "$FIX/aka_list.csv" "$1" > "$tmp/big.out"; cat "$tmp/rss"; }
small=$(rss "$tmp/small.csv")
big=$(rss "$tmp/big.csv")
check "big input: every record written" test "$(wc -l < "$tmp/big.out")" -eq $rows
input_kb=$(( $(stat -c %s "$tmp/big.csv") / 1024 ))
echo "peak RSS: $small KB for 10,000 records, $big KB for $rows ($input_kb KB of input)"
check "big input: memory grows by less than 16 MB" test $((big - small)) -lt 16384
check "big input: the input is far larger than that" test $input_kb -gt $((3 * 16384))
[ $asan -eq 0 ] && check "big input: under 64 MB in all" test "$big" -lt 65536

# ---- constant memory with hits: a million records of UN names, each with
# its hits and explanations, against the UN list (some 300 KB of output a
# batch). glibc's heap fragmented when each batch had a new output buffer:
# 2.5 MB more for a million records than for ten thousand, 60 MB on ten
# million of all the lists. Not under the sanitizers, whose allocator is
# another.
if [ $asan -eq 0 ]; then
  awk -v n=1000000 'NR == FNR { gsub(/[",]/, ""); a[m++] = $0; next }
    END { print "id,name"; for (i = 0; i < n; i++) printf "c%07d,%s\n", i, a[i % m] }' \
    "$tmp/listed" /dev/null > "$tmp/hits.csv"
  head -10001 "$tmp/hits.csv" > "$tmp/hits_small.csv"
  rss_un() { /usr/bin/time -f %M -o "$tmp/rss" "$AKA" screen --quiet --threads 2 \
               --list "$UN" "$1" > "$tmp/hits.out"; cat "$tmp/rss"; }
  small=$(rss_un "$tmp/hits_small.csv")
  big=$(rss_un "$tmp/hits.csv")
  echo "peak RSS with hits: $small KB for 10,000 records, $big KB for 1,000,000"
  check "hits: every record written" test "$(wc -l < "$tmp/hits.out")" -eq 1000000
  check "hits: some records hit" test "$(grep -c '"score"' "$tmp/hits.out")" -gt 100000
  check "hits: memory grows by less than 1 MB" test $((big - small)) -lt 1024
fi

echo "$passes passed, $fails failed"
test $fails -eq 0
