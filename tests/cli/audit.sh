#!/usr/bin/env bash
# tests/cli/audit.sh: black-box tests of `aka audit verify` and `aka audit
# list` on a store filled by `aka update --mirror DIR`: an intact log
# verifies; a payload edited, an entry deleted or two entries swapped with
# the sqlite3 tool makes verify exit 1 naming the first bad entry.
set -u
AKA=${AKA_BIN:?}; DATA=${AKA_SHARED:?}/data
fails=0; passes=0
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
check() { local name=$1; shift
  if "$@"; then passes=$((passes+1)); else echo "FAIL: $name"; fails=$((fails+1)); fi; }
run() { "$AKA" "$@" >"$tmp/out" 2>"$tmp/err"; rc=$?; }

# A store with a few entries: accepted, unchanged, refused.
mkdir -p "$tmp/m/un" "$tmp/m/eu/native" "$tmp/bad/un"
cp "$DATA/un/consolidated.xml" "$tmp/m/un/"
cp "$DATA/eu/native/eu_fsf_2020-04-15_sample5.xml" "$tmp/m/eu/native/"
head -c 5000 "$DATA/un/consolidated.xml" > "$tmp/bad/un/consolidated.xml"
DB=$tmp/s.db
"$AKA" update --store "$DB" --mirror "$tmp/m" --source un --source eu >/dev/null
"$AKA" update --store "$DB" --mirror "$tmp/m" --source un >/dev/null
"$AKA" update --store "$DB" --mirror "$tmp/bad" --source un >/dev/null
cp "$DB" "$tmp/clean.db"
fresh() { cp "$tmp/clean.db" "$DB"; rm -f "$DB-wal" "$DB-shm"; }
untrigger="DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;"

run audit verify --store "$DB"
check "intact: exit 0" test $rc -eq 0
check "intact: counts entries" grep -q "intact: 4 entries" "$tmp/out"
run audit list --store "$DB" --json
check "list: exit 0" test $rc -eq 0
check "list: four entries" test "$(wc -l < "$tmp/out")" -eq 4
check "list: kinds in order" test "$(jq -r .kind "$tmp/out" | tr '\n' ' ')" = "list.accepted list.accepted list.unchanged list.refused "
check "list: chain links" test "$(jq -r .hash "$tmp/out" | head -1)" = "$(jq -r .prev_hash "$tmp/out" | sed -n 2p)"
check "list: payload is JSON" test "$(jq -r 'select(.seq == 1) | .payload.source' "$tmp/out")" = un
check "list: actor recorded" test -n "$(jq -r 'select(.seq == 1) | .actor' "$tmp/out")"
run audit list --store "$DB"
check "list text: one line per entry" test "$(wc -l < "$tmp/out")" -eq 4

# The triggers refuse edits through SQL...
sqlite3 "$DB" "UPDATE audit_log SET actor = 'x' WHERE seq = 1" 2>"$tmp/sqlerr"
check "update refused by trigger" grep -q "append-only" "$tmp/sqlerr"
# ...so a tamperer drops them first; the chain still tells.
sqlite3 "$DB" "$untrigger UPDATE audit_log SET payload = replace(payload, '\"entities\":1003', '\"entities\":1002') WHERE seq = 1"
check "edit took place" test "$(sqlite3 "$DB" "SELECT instr(payload, '1002') > 0 FROM audit_log WHERE seq = 1")" = 1
run audit verify --store "$DB"
check "edited payload: exit 1" test $rc -eq 1
check "edited payload: names entry 1" grep -q "BROKEN at entry 1:" "$tmp/out"

fresh
sqlite3 "$DB" "$untrigger DELETE FROM audit_log WHERE seq = 3"
run audit verify --store "$DB"
check "deleted entry: exit 1" test $rc -eq 1
check "deleted entry: names entry 3" grep -q "BROKEN at entry 3: entry 3 is missing" "$tmp/out"

fresh
sqlite3 "$DB" "$untrigger DELETE FROM audit_log WHERE seq = 4"
run audit verify --store "$DB"
check "deleted newest: exit 1" test $rc -eq 1
check "deleted newest: names entry 4" grep -q "BROKEN at entry 4" "$tmp/out"

fresh
sqlite3 "$DB" "$untrigger UPDATE audit_log SET seq = 99 WHERE seq = 2; UPDATE audit_log SET seq = 2 WHERE seq = 3; UPDATE audit_log SET seq = 3 WHERE seq = 99"
run audit verify --store "$DB"
check "swapped entries: exit 1" test $rc -eq 1
check "swapped entries: names entry 2" grep -q "BROKEN at entry 2" "$tmp/out"

fresh
sqlite3 "$DB" "$untrigger UPDATE audit_log SET at = '2020-01-01T00:00:00.000Z' WHERE seq = 4"
run audit verify --store "$DB"
check "back-dated entry: names entry 4" grep -q "BROKEN at entry 4" "$tmp/out"

# usage
run audit verify
check "no --store: exit 2" test $rc -eq 2
run audit check --store "$DB"
check "unknown subcommand: exit 2" test $rc -eq 2
run audit verify --store "$tmp/nodir/x.db"
check "unopenable store: exit 2" test $rc -eq 2
run help audit
check "help audit" grep -q "usage: aka audit verify" "$tmp/out"

echo "$passes passed, $fails failed"
test $fails -eq 0
