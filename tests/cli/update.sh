#!/usr/bin/env bash
# tests/cli/update.sh: black-box tests of `aka update` against a real HTTP
# server on loopback (tests/tools/mirror_server over $AKA_SHARED/data):
# accept, 304 unchanged, a truncated / cut / corrupt / 500 download refused
# with the previous version kept in force, SIGKILL mid-download and
# mid-commit leaving a consistent store, --mirror DIR, bad usage.
set -u
AKA=${AKA_BIN:?}; DATA=${AKA_SHARED:?}/data; SERVER=${AKA_MIRROR_SERVER:?}
fails=0; passes=0
tmp=$(mktemp -d)
server_pid=
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
[ -n "${KEEP:-}" ] && trap "echo kept $tmp" EXIT
check() { local name=$1; shift
  if "$@"; then passes=$((passes+1)); else echo "FAIL: $name"; fails=$((fails+1)); fi; }
run() { "$AKA" "$@" >"$tmp/out" 2>"$tmp/err"; rc=$?; }
sql() { sqlite3 "$DB" "$@"; }

# Start the mirror server with the given fault options; sets URL.
start() {
  stop
  rm -f "$tmp/port"
  "$SERVER" --root "${ROOT:-$DATA}" --port-file "$tmp/port" --log "$tmp/log" "$@" \
    >/dev/null 2>>"$tmp/server.err" &
  server_pid=$!
  for _ in $(seq 100); do [ -s "$tmp/port" ] && break; sleep 0.05; done
  URL=http://127.0.0.1:$(cat "$tmp/port")
}
stop() { if [ -n "$server_pid" ]; then kill "$server_pid"; wait "$server_pid" 2>/dev/null; server_pid=; fi; }
in_force() { sql "SELECT id FROM lists_in_force WHERE source = '$1'"; }
status_of() { jq -r "select(.source == \"$1\") | .status" "$tmp/out"; }

DB=$tmp/store.db
start

# 1. first update: every source accepted, counts and dates recorded
run update --store "$DB" --mirror "$URL" --json
check "first update exits 0" test $rc -eq 0
check "six sources accepted" test "$(jq -r .status "$tmp/out" | sort | uniq -c | awk '{print $1, $2}')" = "6 accepted"
check "UN published date from the file" test "$(jq -r 'select(.source=="un") | .published' "$tmp/out")" = 2026-02-27T00:00:09.554Z
check "UN entity count" test "$(jq -r 'select(.source=="un") | .entities' "$tmp/out")" -eq 1003
check "UN content hash is sha256sum of the file" test "$(jq -r 'select(.source=="un") | .content_hash' "$tmp/out")" = "$(cd "$DATA/un" && sha256sum consolidated.xml | sha256sum | cut -d' ' -f1)"
check "OFAC SDN stored as four files" test "$(sql "SELECT count(*) FROM list_files WHERE version_id = $(in_force ofac-sdn)")" -eq 4
check "stored bytes equal the file" test "$(sql "SELECT hex(content) FROM list_files f JOIN lists_in_force v ON v.id = f.version_id WHERE v.source = 'eu'")" = "$(od -An -v -tx1 "$DATA/eu/native/eu_fsf_2020-04-15_sample5.xml" | tr -d ' \n' | tr a-f A-F)"
check "ETag recorded" test -n "$(sql "SELECT etag FROM list_files WHERE name = 'consolidated.xml'")"
check "Last-Modified recorded" test -n "$(sql "SELECT last_modified FROM list_files WHERE name = 'consolidated.xml'")"
check "WAL mode" test "$(sql "PRAGMA journal_mode")" = wal
UN1=$(in_force un)

# 2. second update: conditional requests answered 304, nothing new stored
: > "$tmp/log"
run update --store "$DB" --mirror "$URL" --source un --source ofac-sdn --json
check "second update exits 0" test $rc -eq 0
check "un unchanged" test "$(status_of un)" = unchanged
check "unchanged says 304" test "$(jq -r 'select(.source=="un") | .detail' "$tmp/out")" = "not modified (HTTP 304)"
check "requests were conditional and got 304" test "$(grep -c ' 304 0 cond$' "$tmp/log")" -eq 5
check "only the chosen sources fetched" test "$(wc -l < "$tmp/log")" -eq 5
check "no new version" test "$(sql "SELECT count(*) FROM list_versions")" -eq 6
check "unchanged recorded in sources" test "$(sql "SELECT last_result FROM sources WHERE name = 'un'")" = unchanged
check "unchanged audited" test "$(sql "SELECT count(*) FROM audit_log WHERE kind = 'list.unchanged'")" -eq 2

# 3. a truncated file (complete response, half the bytes): refused
start --truncate un/consolidated.xml
run update --store "$DB" --mirror "$URL" --source un --json
check "truncated: exit 1" test $rc -eq 1
check "truncated: refused" test "$(status_of un)" = refused
check "truncated: reason names file and line" grep -q 'consolidated.xml:[0-9]' <(jq -r .detail "$tmp/out")
check "truncated: previous version in force" test "$(in_force un)" = "$UN1"
check "truncated: reported in force" test "$(jq -r .in_force_id "$tmp/out")" = "$UN1"
check "truncated: refused version recorded" test "$(sql "SELECT count(*) FROM list_versions WHERE source = 'un' AND status = 'refused' AND error <> ''")" -eq 1
check "truncated: no files kept for it" test "$(sql "SELECT count(*) FROM list_files f JOIN list_versions v ON v.id = f.version_id WHERE v.status = 'refused'")" -eq 0
check "truncated: audited" test "$(sql "SELECT count(*) FROM audit_log WHERE kind = 'list.refused'")" -eq 1

# 4. the connection closed before the announced length: refused
start --cut ofac/alt.csv
run update --store "$DB" --mirror "$URL" --source ofac-sdn --json
check "cut: exit 1" test $rc -eq 1
check "cut: refused as truncated" grep -q 'truncated download' <(jq -r .detail "$tmp/out")
check "cut: OFAC version kept" test "$(jq -r .in_force_id "$tmp/out")" -eq "$(in_force ofac-sdn)"

# 5. corrupt bytes (invalid UTF-8): refused, naming the line
start --corrupt other/canada_sema.xml
run update --store "$DB" --mirror "$URL" --source ca --json
check "corrupt: exit 1" test $rc -eq 1
check "corrupt: invalid UTF-8" grep -q 'invalid UTF-8' <(jq -r .detail "$tmp/out")

# 6. HTTP 500: refused, and other sources of the same run still handled
start --status uk/ConList_2025-04-10.derived.csv=500
run update --store "$DB" --mirror "$URL" --source uk --source eu --json
check "500: exit 1" test $rc -eq 1
check "500: uk refused" test "$(status_of uk)" = refused
check "500: reason" grep -q 'HTTP status 500' <(jq -r 'select(.source=="uk") | .detail' "$tmp/out")
check "500: eu still unchanged" test "$(status_of eu)" = unchanged

# 7. wrong format: a UN list served where Canada's should be is refused
mkdir -p "$tmp/wrong/other"
cp "$DATA/un/consolidated_2025-04-19.xml" "$tmp/wrong/other/canada_sema.xml"
run update --store "$DB" --mirror "$tmp/wrong" --source ca --json
check "wrong format: refused" test "$(status_of ca)" = refused
check "wrong format: reason" grep -q 'is un-xml, not ca-sema-xml' <(jq -r .detail "$tmp/out")

# 8. --mirror DIR: a new UN version (the older file) accepted and in force
mkdir -p "$tmp/dir/un"
cp "$DATA/un/consolidated_2026-01-28.xml" "$tmp/dir/un/consolidated.xml"
run update --store "$DB" --mirror "$tmp/dir" --source un --json
check "mirror DIR: exit 0" test $rc -eq 0
check "mirror DIR: accepted" test "$(status_of un)" = accepted
check "mirror DIR: its own date" test "$(jq -r .published "$tmp/out")" = 2026-01-28T00:00:11.197Z
check "mirror DIR: now in force" test "$(in_force un)" -gt "$UN1"
check "mirror DIR: origin recorded" test "$(sql "SELECT origin FROM lists_in_force WHERE source = 'un'")" = "$tmp/dir"
run update --store "$DB" --mirror "$tmp/dir" --source un --json
check "mirror DIR: same content unchanged" test "$(jq -r .detail "$tmp/out")" = "same content as the version in force"

# 9. SIGKILL mid-download (slow server): nothing half-applied
start --slow un/consolidated.xml --slow-rate 50000
count_before=$(sql "SELECT count(*) FROM list_versions")
audit_before=$(sql "SELECT count(*) FROM audit_log")
"$AKA" update --store "$DB" --mirror "$URL" --source un >/dev/null 2>&1 &
pid=$!
for _ in $(seq 100); do grep -q 'GET /un/consolidated.xml 200' "$tmp/log" 2>/dev/null && break; sleep 0.05; done
: > "$tmp/log"
sleep 1
kill -9 $pid; wait $pid 2>/dev/null
check "killed download: integrity ok" test "$(sql "PRAGMA integrity_check")" = ok
check "killed download: no version added" test "$(sql "SELECT count(*) FROM list_versions")" -eq "$count_before"
check "killed download: audit unchanged" test "$(sql "SELECT count(*) FROM audit_log")" -eq "$audit_before"

# 10. SIGKILL inside the accepting transaction (after the version row and
# its files were written, before the commit): nothing of it stays
UN_NOW=$(in_force un)
count_before=$(sql "SELECT count(*) FROM list_versions")
files_before=$(sql "SELECT count(*) FROM list_files")
mkdir -p "$tmp/two/un"
cp "$DATA/un/consolidated_2025-04-19.xml" "$tmp/two/un/consolidated.xml"
AKA_TEST_STALL_IN_COMMIT=60 "$AKA" update --store "$DB" --mirror "$tmp/two" --source un >/dev/null 2>"$tmp/stall.err" &
pid=$!
for _ in $(seq 200); do grep -q stalling "$tmp/stall.err" && break; sleep 0.05; done
check "mid-commit: reached the stall" grep -q "stalling" "$tmp/stall.err"
kill -9 $pid; wait $pid 2>/dev/null
check "mid-commit: integrity ok" test "$(sql "PRAGMA integrity_check")" = ok
check "mid-commit: no half-applied version" test "$(sql "SELECT count(*) FROM list_versions")" -eq "$count_before"
check "mid-commit: no files of it" test "$(sql "SELECT count(*) FROM list_files")" -eq "$files_before"
check "mid-commit: in force unchanged" test "$(in_force un)" = "$UN_NOW"
run update --store "$DB" --mirror "$tmp/two" --source un --json
check "after kill: next update succeeds" test "$(status_of un)" = accepted
check "after kill: the 2025 list in force" test "$(jq -r .published "$tmp/out")" = 2025-04-19T23:00:04.625Z
run audit verify --store "$DB"
check "after kill: audit intact" test $rc -eq 0

# 11. a server without ETags: If-Modified-Since alone gets the 304
start --no-etag
: > "$tmp/log"
run update --store "$DB" --mirror "$URL" --source ofac-cons --json
check "no ETag: unchanged" test "$(status_of ofac-cons)" = unchanged
check "no ETag: four conditional 304s" test "$(grep -c ' 304 0 cond$' "$tmp/log")" -eq 4

# 12. four updates at once into a new store (creating it, switching it to
# WAL and migrating it race too; the race is timing-dependent, so three
# rounds): one version, all four succeed
for round in 1 2 3; do
    C=$tmp/concurrent$round.db
    pids=
    for i in 1 2 3 4; do
        "$AKA" update --store "$C" --mirror "$DATA" --source un --json \
            >"$tmp/c$i" 2>&1 &
        pids="$pids $!"
    done
    rcs=
    for p in $pids; do wait "$p"; rcs="$rcs$?"; done
    check "concurrent $round: all exit 0" test "$rcs" = 0000
    check "concurrent $round: one accepted version" test "$(sqlite3 "$C" "SELECT count(*) FROM list_versions")" -eq 1
    check "concurrent $round: one accepted, three unchanged" test "$(cat "$tmp"/c[1-4] | jq -r .status | sort | tr '\n' ' ')" = "accepted unchanged unchanged unchanged "
done
run audit verify --store "$C"
check "concurrent: audit intact" test $rc -eq 0

# 12b. one file of an OFAC set changed: it alone is downloaded (200), the
# others answer 304 and their stored bytes go into the new version
mkdir -p "$tmp/m2/ofac"
cp "$DATA"/ofac/cons_*.csv "$tmp/m2/ofac/"
ROOT=$tmp/m2 start
D2=$tmp/partial.db
run update --store "$D2" --mirror "$URL" --source ofac-cons --json
check "partial: first accepted" test "$(status_of ofac-cons)" = accepted
V1=$(jq -r .version_id "$tmp/out")
sed -i 1d "$tmp/m2/ofac/cons_comments.csv"
: > "$tmp/log"
run update --store "$D2" --mirror "$URL" --source ofac-cons --json
check "partial: new version accepted" test "$(status_of ofac-cons)" = accepted
V2=$(jq -r .version_id "$tmp/out")
check "partial: three 304s and one 200" test "$(grep -c ' 304 0 cond$' "$tmp/log") $(grep -c ' 200 ' "$tmp/log")" = "3 1"
check "partial: reused files identical" test "$(sqlite3 "$D2" "SELECT count(*) FROM list_files a JOIN list_files b ON a.name = b.name AND a.sha256 = b.sha256 AND a.content = b.content WHERE a.version_id = $V1 AND b.version_id = $V2")" -eq 3
check "partial: changed file stored" test "$(sqlite3 "$D2" "SELECT size FROM list_files WHERE version_id = $V2 AND name = 'cons_comments.csv'")" -eq "$(stat -c %s "$tmp/m2/ofac/cons_comments.csv")"
ROOT= start

# 13. bad usage and store errors
run update --mirror "$URL"
check "no --store: exit 2" test $rc -eq 2
run update --store "$DB" --source nope
check "unknown source: exit 2" test $rc -eq 2
check "unknown source named" grep -q "unknown source 'nope'" "$tmp/err"
run update --store "$DB" --mirror "$tmp/none"
check "missing mirror dir: exit 2" test $rc -eq 2
echo "not a database, just text, long enough to be read as a header......" > "$tmp/text.db"
run update --store "$tmp/text.db" --mirror "$tmp/dir"
check "not a store: exit 2" test $rc -eq 2
check "not a store: named" grep -q "text.db" "$tmp/err"
run update --store "$DB" --bogus
check "unknown option: exit 2" test $rc -eq 2
run help update
check "help update" grep -q "usage: aka update" "$tmp/out"

echo "$passes passed, $fails failed"
test $fails -eq 0
