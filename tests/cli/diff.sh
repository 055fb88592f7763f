#!/usr/bin/env bash
# tests/cli/diff.sh: black-box tests of `aka diff`: the real UN update of
# 2026-01-28 -> 2026-02-27 and an older one (counts and entries checked
# independently with Python's xml.etree over the XML), an OFAC CSV set
# given as a directory (ent_num sets counted with Python's csv module),
# and bad input: unreadable, malformed, different lists, ambiguous
# directories (exit 2 naming the file).
set -u
AKA=${AKA_BIN:?}; DATA=${AKA_SHARED:?}/data
UN=$DATA/un
fails=0; passes=0
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
check() { local name=$1; shift
  if "$@"; then passes=$((passes+1)); else echo "FAIL: $name"; fails=$((fails+1)); fi; }
run() { "$AKA" "$@" >"$tmp/out" 2>"$tmp/err"; rc=$?; }

# One month of the UN list: four Sudan listings added, nothing else.
run diff --json "$UN/consolidated_2026-01-28.xml" "$UN/consolidated.xml"
check "un month: exits 0" test $rc -eq 0
check "un month: counts" test "$(jq -c .counts "$tmp/out")" = '{"added":4,"removed":0,"changed":0,"unchanged":999}'
check "un month: added ids" test "$(jq -r '[.added[].source_id] | join(" ")' "$tmp/out")" = "SDi.007 SDi.008 SDi.009 SDi.010"
check "un month: added name" test "$(jq -r '.added[0].name' "$tmp/out")" = "GEDO HAMDAN AHMED"
check "un month: list dates" test "$(jq -r '.old.published + " " + .new.published' "$tmp/out")" = "2026-01-28T00:00:11.197Z 2026-02-27T00:00:09.554Z"
run diff "$UN/consolidated_2026-01-28.xml" "$UN/consolidated.xml"
check "un month text: summary line" grep -qx "added 4, removed 0, changed 0, unchanged 999" "$tmp/out"
check "un month text: one line per entry" test "$(grep -c '^added ' "$tmp/out")" -eq 5

# Nine months: removals and changes, field by field.
run diff --json "$UN/consolidated_2025-04-19.xml" "$UN/consolidated_2026-01-28.xml"
check "un 9 months: counts" test "$(jq -c .counts "$tmp/out")" = '{"added":126,"removed":4,"changed":16,"unchanged":857}'
check "un 9 months: removed" test "$(jq -r '[.removed[].source_id] | join(" ")' "$tmp/out")" = "IQi.074 QDi.317 QDi.328 QDi.336"
check "un 9 months: new alias with kind" test "$(jq -c '.changed[] | select(.source_id=="IQi.085") | .changes.names.added[0] | [.kind, .name]' "$tmp/out")" = '["alias","BASHAR AL-NASIRI"]'
check "un 9 months: address fields" test "$(jq -c '.changed[] | select(.source_id=="QDi.372") | .fields' "$tmp/out")" = '["addresses"]'
check "un 9 months: 12 remarks changes" test "$(jq '[.changed[] | select(.fields == ["remarks"])] | length' "$tmp/out")" -eq 12
run diff "$UN/consolidated_2025-04-19.xml" "$UN/consolidated_2026-01-28.xml"
check "un 9 months text: value lines" grep -q '^    + names: alias: BASHAR AL-NASIRI (quality: Good)$' "$tmp/out"

# An OFAC CSV set as a directory (sdn.csv with its companions).
run diff --json "$DATA/ofac/2021-07-07" "$DATA/ofac/sdn.csv"
check "ofac dir: exits 0" test $rc -eq 0
check "ofac dir: added/removed" test "$(jq -c '[.counts.added, .counts.removed]' "$tmp/out")" = '[6870,881]'
check "ofac dir: sum" test "$(jq '.counts.removed + .counts.changed + .counts.unchanged' "$tmp/out")" -eq 8976

# Bad input.
run diff "$UN/consolidated.xml" "$tmp/missing.xml"
check "missing file: exit 2" test $rc -eq 2
check "missing file: named" grep -q "missing.xml" "$tmp/err"
head -c 300000 "$UN/consolidated.xml" > "$tmp/truncated.xml"
run diff "$tmp/truncated.xml" "$UN/consolidated.xml"
check "malformed file: exit 2" test $rc -eq 2
check "malformed file: named with a line" grep -q "truncated.xml:[0-9]" "$tmp/err"
run diff "$UN/consolidated.xml" "$DATA/ofac/sdn.csv"
check "different lists: exit 2" test $rc -eq 2
check "different lists: both named" grep -q "consolidated.xml and .*sdn.csv are different lists" "$tmp/err"
run diff "$DATA/ofac" "$DATA/ofac/sdn.csv"
check "directory of several lists: exit 2" test $rc -eq 2
check "directory of several lists: named" grep -q "ofac: holds 4 lists" "$tmp/err"
mkdir "$tmp/empty"
run diff "$tmp/empty" "$UN/consolidated.xml"
check "directory without a list: exit 2" test $rc -eq 2
run diff "$UN/consolidated.xml"
check "one argument: exit 2" test $rc -eq 2
run diff --nope a b
check "unknown option: exit 2" test $rc -eq 2
run diff "$DATA/ofac/cons_prim.csv" "$DATA/ofac/CONSOLIDATED.XML"
check "formats differ: a note" grep -q "different formats (ofac-csv, ofac-xml)" "$tmp/err"
check "formats differ: still compared" test $rc -eq 0

# Stored versions: the same month of the UN list through aka update.
mkdir -p "$tmp/mirror/un"
cp "$UN/consolidated_2026-01-28.xml" "$tmp/mirror/un/consolidated.xml"
"$AKA" update --store "$tmp/s.db" --mirror "$tmp/mirror" --source un >/dev/null
cp "$UN/consolidated.xml" "$tmp/mirror/un/consolidated.xml"
"$AKA" update --store "$tmp/s.db" --mirror "$tmp/mirror" --source un >/dev/null
run diff --json --store "$tmp/s.db" 1 2
check "stored versions: exits 0" test $rc -eq 0
check "stored versions: counts" test "$(jq -c .counts "$tmp/out")" = '{"added":4,"removed":0,"changed":0,"unchanged":999}'
run diff --store "$tmp/s.db" 1 9
check "unknown stored version: exit 2" test $rc -eq 2
run diff --store "$tmp/s.db" 1 x
check "not a version id: exit 2" test $rc -eq 2

echo "$passes passed, $fails failed"
test $fails -eq 0
