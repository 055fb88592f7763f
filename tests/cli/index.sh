#!/usr/bin/env bash
# tests/cli/index.sh: black-box tests of `aka index build` and --index:
# a snapshot answers like the lists it was built from, in search and
# screen; damaged, foreign and missing snapshots exit 2 naming the file.
set -u
AKA=${AKA_BIN:?}; DATA=${AKA_SHARED:?}/data; FIX=${AKA_TESTDATA:?}
UN=$DATA/un/consolidated.xml
fails=0; passes=0
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
check() { local name=$1; shift
  if "$@"; then passes=$((passes+1)); else echo "FAIL: $name"; fails=$((fails+1)); fi; }
run() { "$AKA" "$@" >"$tmp/out" 2>"$tmp/err"; rc=$?; }

run index build -o "$tmp/un.snap" --list "$UN" --list "$FIX/aka_list.csv"
check "index build exits 0" test $rc -eq 0
check "index build reports counts" grep -q "1017 entities" "$tmp/err"
check "snapshot written" test -s "$tmp/un.snap"
check "no temporary file left" test "$(ls "$tmp" | wc -l)" -eq 3

for q in "Abu Bakr al-Baghdadi" "Абу Бакр аль-Багдади" "محمد عمر" "Ivan Petrov"; do
  "$AKA" search --json --threshold 0.5 --list "$UN" --list "$FIX/aka_list.csv" "$q" >"$tmp/a.json"
  "$AKA" search --json --threshold 0.5 --index "$tmp/un.snap" "$q" >"$tmp/b.json"
  check "search '$q': snapshot = lists" cmp -s "$tmp/a.json" "$tmp/b.json"
  check "search '$q' found something" test "$(jq '.hits | length' "$tmp/b.json")" -gt 0
done

printf 'id,name\n1,Abu Bakr al-Baghdadi\n2,Ivan Petrov\n3,Jane Doe\n' >"$tmp/in.csv"
"$AKA" screen --list "$UN" --list "$FIX/aka_list.csv" "$tmp/in.csv" >"$tmp/a.jsonl"
"$AKA" screen --index "$tmp/un.snap" "$tmp/in.csv" >"$tmp/b.jsonl"
check "screen: snapshot = lists" cmp -s "$tmp/a.jsonl" "$tmp/b.jsonl"
check "screen wrote 3 lines" test "$(wc -l <"$tmp/b.jsonl")" -eq 3

# refused
run search --index "$UN" "x"
check "a list is not a snapshot: exit 2" test $rc -eq 2
check "message names the file" grep -q "consolidated.xml: not an aka snapshot" "$tmp/err"
head -c 100000 "$tmp/un.snap" >"$tmp/cut.snap"
run search --index "$tmp/cut.snap" "x"
check "truncated snapshot: exit 2" test $rc -eq 2
check "truncated named" grep -q "cut.snap: truncated" "$tmp/err"
cp "$tmp/un.snap" "$tmp/bad.snap"
# one byte turned into another (its bits flipped, whatever it held)
b=$(od -An -tu1 -j 300000 -N 1 "$tmp/bad.snap" | tr -d ' ')
printf "\\$(printf '%03o' $((b ^ 255)))" |
  dd of="$tmp/bad.snap" bs=1 seek=300000 conv=notrunc 2>/dev/null
check "the byte changed" test "$(cmp "$tmp/un.snap" "$tmp/bad.snap" | wc -l)" -eq 1
run screen --index "$tmp/bad.snap" "$tmp/in.csv"
check "damaged snapshot: exit 2" test $rc -eq 2
check "damage named" grep -q "bad.snap: damaged snapshot: checksum" "$tmp/err"
run search --index "$tmp/none.snap" "x"
check "missing snapshot: exit 2" test $rc -eq 2
run search --index "$tmp/un.snap" --list "$UN" "x"
check "--index with --list: exit 2" test $rc -eq 2
run index build --list "$UN"
check "index build without -o: exit 2" test $rc -eq 2
run index build -o "$tmp/nodir/x.snap" --list "$UN"
check "unwritable output: exit 2" test $rc -eq 2
check "unwritable output named" grep -q "nodir" "$tmp/err"
run index
check "index without build: exit 2" test $rc -eq 2

echo "index.sh: $passes passed, $fails failed"
test $fails -eq 0
