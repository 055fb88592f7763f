#!/usr/bin/env bash
# tests/cli/lists.sh: black-box tests of `aka help` and `aka lists`: exit
# codes, messages naming file and line, JSON counts on the real lists.
set -u
AKA=${AKA_BIN:?}; DATA=${AKA_SHARED:?}/data
fails=0; passes=0
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

check() { # name, condition...
  local name=$1; shift
  if "$@"; then passes=$((passes+1)); else echo "FAIL: $name"; fails=$((fails+1)); fi
}
run() { # run aka, capture out/err/rc
  "$AKA" "$@" >"$tmp/out" 2>"$tmp/err"; rc=$?
}

run help;                 check "help exits 0" test $rc -eq 0
check "help lists the lists command" grep -q "lists" "$tmp/out"
run lists --help;         check "lists --help exits 0" test $rc -eq 0
check "lists --help shows usage" grep -q "usage: aka lists" "$tmp/out"
run help lists;           check "help lists exits 0" test $rc -eq 0
run;                      check "no command exits 2" test $rc -eq 2
run frobnicate;           check "unknown command exits 2" test $rc -eq 2
check "unknown command named" grep -q "frobnicate" "$tmp/err"
run lists;                check "lists without path exits 2" test $rc -eq 2
run lists --bogus x;      check "unknown option exits 2" test $rc -eq 2
run lists /nonexistent;   check "missing path exits 2" test $rc -eq 2
check "missing path named" grep -q "/nonexistent" "$tmp/err"

# One real file, JSON.
run lists --json "$DATA/un/consolidated.xml"
check "un json exits 0" test $rc -eq 0
check "un format" test "$(jq -r '.[0].format' "$tmp/out")" = un-xml
check "un entities" test "$(jq '.[0].entities' "$tmp/out")" -eq 1003
check "un persons" test "$(jq '.[0].by_schema.person' "$tmp/out")" -eq 730
check "un organizations" test "$(jq '.[0].by_schema.organization' "$tmp/out")" -eq 273
check "un published" test "$(jq -r '.[0].published' "$tmp/out")" = 2026-02-27T00:00:09.554Z
check "un has original-script names" test "$(jq '.[0].original_script_names' "$tmp/out")" -ge 377

# A bad file among good ones: exit 2, FILE:LINE named, good ones reported.
head -c 50000 "$DATA/un/consolidated.xml" > "$tmp/truncated.xml"
run lists --json "$DATA/un/consolidated_2026-01-28.xml" "$tmp/truncated.xml"
check "truncated exits 2" test $rc -eq 2
check "truncated names file and line" grep -Eq "truncated.xml:[0-9]+:" "$tmp/err"
check "good file still reported" test "$(jq '.[0].entities' "$tmp/out")" -eq 999
check "bad file not reported as a list" test "$(jq 'length' "$tmp/out")" -eq 1

printf 'id,name\n1,Ok\n2,\xff\xfe\n' > "$tmp/bad-utf8.csv"
run lists "$tmp/bad-utf8.csv"
check "invalid utf-8 exits 2" test $rc -eq 2
check "invalid utf-8 names line 3" grep -q "bad-utf8.csv:3: invalid UTF-8" "$tmp/err"

: > "$tmp/empty.xml"
run lists "$tmp/empty.xml"
check "empty file exits 2" test $rc -eq 2
check "empty file message" grep -q "empty.xml: empty file" "$tmp/err"

echo "hello" > "$tmp/notes.txt"
run lists "$tmp/notes.txt"
check "unknown format exits 2" test $rc -eq 2
check "unknown format message" grep -q "notes.txt:1: not a list format" "$tmp/err"

# The whole mirror: every list file read, non-list files skipped.
run lists --json "$DATA"
check "whole tree exits 0" test $rc -eq 0
if [ $rc -ne 0 ]; then head -5 "$tmp/err"; fi
check "whole tree: skipped files reported" grep -q "skipped" "$tmp/err"
n=$(jq 'length' "$tmp/out")
check "whole tree: all 69 list files ($n)" test "$n" -eq 69
check "whole tree: UK groups" test "$(jq '[.[] | select(.format=="uk-conlist")][0].entities' "$tmp/out")" -eq 4686
check "whole tree: OFAC 2021 entries" test "$(jq '[.[] | select(.path|endswith("2021-07-07/sdn.csv"))][0].entities' "$tmp/out")" -eq 8976
check "whole tree: Canada records" test "$(jq '[.[] | select(.format=="ca-sema-xml")][0].entities' "$tmp/out")" -eq 4759
check "whole tree: no companion file listed alone" test "$(jq '[.[] | select(.path|endswith("alt.csv"))] | length' "$tmp/out")" -eq 0

# The table form.
run lists "$DATA/un"
check "table exits 0" test $rc -eq 0
check "table has header" grep -q "^FILE" "$tmp/out"
check "table has total" grep -q "^TOTAL" "$tmp/out"

echo "$passes passed, $fails failed"
test $fails -eq 0
