#!/usr/bin/env bash
# tests/cli/record.sh: black-box tests of the record: `aka screen --store`,
# `aka rescreen`, `aka alerts list|show|decide`, on a real SQLite file.
# screen -> alerts -> decide false_positive -> rescreen does not raise it
# again -> the customer record changes, then the list entry changes ->
# raised again; the UN update of 2026-01-28 -> 2026-02-27 and a delta
# rescreen that catches a newly listed person; bad usage and bad input
# (exit 2); SIGKILL in the middle of a 20,000-record screening and in
# decisions, then PRAGMA integrity_check and every committed decision
# present.
set -u
AKA=${AKA_BIN:?}; DATA=${AKA_SHARED:?}/data; FIX=${AKA_TESTDATA:?}/record
UN_JAN=$DATA/un/consolidated_2026-01-28.xml; UN_FEB=$DATA/un/consolidated.xml
fails=0; passes=0
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
check() { local name=$1; shift
  if "$@"; then passes=$((passes+1)); else echo "FAIL: $name"; fails=$((fails+1)); fi; }
run() { "$AKA" "$@" >"$tmp/out" 2>"$tmp/err"; rc=$?; }
sql() { sqlite3 "$DB" "$@"; }
# Store a list file as the newest accepted version of SOURCE, as an update
# would (one version, its file's bytes).
add_version() { # SOURCE FILE
  sql "INSERT OR IGNORE INTO sources (name) VALUES ('$1');
       INSERT INTO list_versions (source, status, format, content_hash,
         fetched_at, origin) VALUES ('$1', 'accepted', 'test', 'h',
         strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 'file://$2');
       INSERT INTO list_files (version_id, seq, name, url, sha256, size,
         content) VALUES (last_insert_rowid(), 0, '$(basename "$2")',
         'file://$2', 'h', length(readfile('$2')), readfile('$2'));"
}
open_alert() { # RECORD SOURCE_ID -> id of its open alert, or nothing
  sql "SELECT a.id FROM alerts a JOIN records r ON r.id = a.record
       WHERE r.ext_id = '$1' AND a.source_id = '$2' AND a.status = 'open'"; }

DB=$tmp/aka.db
run alerts list --store "$DB"                  # creates the store
check "new store: alerts list exits 0" test $rc -eq 0
run screen --store "$DB" "$FIX/customers.csv"
check "no list in force: exit 2" test $rc -eq 2
check "no list in force: says aka update" grep -q "aka update" "$tmp/err"
mkdir -p "$tmp/mirror/un"      # a mirror laid out like ../shared/data
cp "$UN_JAN" "$tmp/mirror/un/consolidated.xml"
run update --store "$DB" --mirror "$tmp/mirror" --source un
check "update from the mirror (UN of 2026-01-28)" test $rc -eq 0
add_version mine "$FIX/list_v1.csv"   # the user's own list, aka CSV

# screen -> alerts
run screen --store "$DB" "$FIX/customers.csv"
check "screen --store exits 0" test $rc -eq 0
check "screen --store: one line per record" test "$(wc -l < "$tmp/out")" -eq 5
check "screen --store: c5 hits QDi.299" test "$(jq -r 'select(.id=="c5") | .hits[0].source_id' "$tmp/out")" = QDi.299
check "screen --store: summary on stderr" grep -q "5 records screened" "$tmp/err"
check "run recorded with the input's SHA-256" test "$(sql "SELECT input_sha256 FROM runs WHERE id = 1")" = "$(sha256sum < "$FIX/customers.csv" | cut -d' ' -f1)"
check "run recorded with both list versions" test "$(sql "SELECT count(*) FROM run_lists WHERE run = 1")" -eq 2
check "records stored" test "$(sql "SELECT count(*) FROM records")" -eq 5
run alerts list --store "$DB" --json
check "alerts list --json" test "$(jq length "$tmp/out")" -ge 3
check "alerts: c1 on P-1 open" test -n "$(open_alert c1 P-1)"
check "alerts: c4 not yet on SDi.007" test -z "$(open_alert c4 SDi.007)"
a1=$(open_alert c1 P-1)
run alerts show --store "$DB" --json "$a1"
check "alerts show: the hit with its explanation" test "$(jq -r '.hit.explanation | has("parts")' "$tmp/out")" = true
check "alerts show: the entity" test "$(jq -r '.source + ":" + .source_id' "$tmp/out")" = aka:P-1
run alerts show --store "$DB" "$a1"
check "alerts show text names the record" grep -q 'record:   c1 "Ivan Petrov"' "$tmp/out"

# decide false_positive -> rescreen does not raise it again
run alerts decide --store "$DB" "$a1" --decision false_positive --reason "born 1985, German" --analyst alice
check "decide exits 0" test $rc -eq 0
check "decided alert closed" test -z "$(open_alert c1 P-1)"
run alerts list --store "$DB" --status open --json
check "open list leaves it out" test "$(jq "[.[] | select(.id == $a1)] | length" "$tmp/out")" -eq 0
run rescreen --store "$DB" --full --json
check "rescreen --full exits 0" test $rc -eq 0
check "rescreen: suppressed by the good guy" test "$(jq .suppressed "$tmp/out")" -eq 1
check "rescreen: no new alert" test "$(jq .alerts "$tmp/out")" -eq 0
check "rescreen: c1 stays closed" test -z "$(open_alert c1 P-1)"

# the customer record changes -> raised again
sed 's/^c1,Ivan Petrov,1985,DE$/c1,Ivan Petrov,1986,DE/' "$FIX/customers.csv" > "$tmp/customers2.csv"
run screen --store "$DB" "$tmp/customers2.csv"
check "changed record: raised again" test -n "$(open_alert c1 P-1)"
a1=$(open_alert c1 P-1)
run alerts decide --store "$DB" "$a1" --decision false_positive --reason "still not him" --analyst alice
run rescreen --store "$DB" --json
check "after the second decision: nothing new" test "$(jq .alerts "$tmp/out")" -eq 0

# the list entry changes -> raised again by a delta rescreen
add_version mine "$FIX/list_v2.csv"
run rescreen --store "$DB" --json
check "changed entry: one entity changed" test "$(jq .changed_entities "$tmp/out")" -eq 1
check "changed entry: raised again" test -n "$(open_alert c1 P-1)"

# the UN update: the delta rescreen catches the newly listed person
cp "$UN_FEB" "$tmp/mirror/un/consolidated.xml"
run update --store "$DB" --mirror "$tmp/mirror" --source un
check "update to the UN of 2026-02-27" test $rc -eq 0
run rescreen --store "$DB" --json
check "un update: four entities added" test "$(jq .changed_entities "$tmp/out")" -eq 4
check "un update: fewer records screened than stored" test "$(jq .screened "$tmp/out")" -lt 5
check "un update: c4 on SDi.007 raised" test -n "$(open_alert c4 SDi.007)"
check "audit: a decision entry per decision" test "$(sql "SELECT count(*) FROM audit_log WHERE kind = 'decision.recorded'")" -eq 2
run audit verify --store "$DB"
check "audit chain verifies" test $rc -eq 0
check "integrity" test "$(sql "PRAGMA integrity_check")" = ok

# bad usage and bad input
run screen --store "$DB" --list "$UN_FEB" "$FIX/customers.csv"
check "--store with --list: exit 2" test $rc -eq 2
printf 'id,name\n,No Id\n' > "$tmp/noid.csv"
run screen --store "$DB" "$tmp/noid.csv"
check "record without id: exit 2" test $rc -eq 2
check "record without id: named by line" grep -q "noid.csv:2:" "$tmp/err"
run alerts show --store "$DB" 999
check "unknown alert: exit 2" test $rc -eq 2
check "unknown alert: named" grep -q "no alert 999" "$tmp/err"
closed=$(sql "SELECT id FROM alerts WHERE status = 'closed' LIMIT 1")
run alerts decide --store "$DB" "$closed" --decision true_match --reason r --analyst a
check "deciding a closed alert: exit 2" test $rc -eq 2
a4=$(open_alert c4 SDi.007)
run alerts decide --store "$DB" "$a4" --decision true_match --analyst a
check "decide without --reason: exit 2" test $rc -eq 2
run alerts decide --store "$DB" "$a4" --decision maybe --reason r --analyst a
check "unknown decision: exit 2" test $rc -eq 2
check "the alert is still open" test -n "$(open_alert c4 SDi.007)"
run alerts frobnicate --store "$DB"
check "unknown subcommand: exit 2" test $rc -eq 2
run alerts list
check "no --store: exit 2" test $rc -eq 2
run rescreen
check "rescreen without --store: exit 2" test $rc -eq 2
echo "not a database" > "$tmp/notdb"
run alerts list --store "$tmp/notdb"
check "not a store: exit 2" test $rc -eq 2
check "not a store: named" grep -q notdb "$tmp/err"

# SIGKILL in the middle of a large batch screening
DB=$tmp/kill.db
"$AKA" alerts list --store "$DB" >/dev/null
add_version un "$UN_FEB"
awk 'BEGIN {
  nf = split("Maria Anna Peter Thomas Laura Jonas Sofia Lukas Emma Noah Olga Ivan Fatima Omar Aisha Yusuf Chen Wei Priya Ravi", F, " ")
  nl = split("Lindqvist Novak Horvat Kowalski Jansen Moreau Rossi Silva Costa Schmidt Weber Nielsen Berg Virtanen Popescu Haddad Rahman Okafor Mensah Tanaka", L, " ")
  srand(11); print "id,name,birth_date"
  for (i = 1; i <= 20000; i++)
    printf "g%05d,%s %s,%d\n", i, F[int(rand() * nf) + 1], L[int(rand() * nl) + 1], 1940 + int(rand() * 60)
}' > "$tmp/big.csv"
"$AKA" screen --store "$DB" "$tmp/big.csv" >/dev/null 2>&1 &
pid=$!
for _ in $(seq 1 1200); do   # until two batches are committed (2,000)
  n=$(sql "SELECT screened FROM runs WHERE id = 1" 2>/dev/null)
  [ "${n:-0}" -ge 2000 ] && break
  sleep 0.25
done
kill -9 $pid; wait $pid 2>/dev/null; krc=$?
check "screening killed by SIGKILL" test $krc -eq 137
check "after the kill: integrity_check ok" test "$(sql "PRAGMA integrity_check")" = ok
n=$(sql "SELECT count(*) FROM records")
check "after the kill: whole batches only" test $((n % 1000)) -eq 0
check "after the kill: at least two batches kept" test "$n" -ge 2000
check "after the kill: fewer than all records" test "$n" -lt 20000
check "after the kill: the run's counts match its records" test "$(sql "SELECT screened FROM runs WHERE id = 1")" -eq "$n"
check "after the kill: the run stays 'running'" test "$(sql "SELECT status FROM runs WHERE id = 1")" = running
check "after the kill: every record has its terms" test "$(sql "SELECT count(*) FROM records r WHERE NOT EXISTS (SELECT 1 FROM record_terms t WHERE t.record = r.id)")" -eq 0
check "after the kill: each alert has its audit entry" test "$(sql "SELECT count(*) FROM alerts")" -eq "$(sql "SELECT count(*) FROM audit_log WHERE kind = 'alert.raised'")"
run alerts list --store "$DB" --json
check "after the kill: the store opens" test $rc -eq 0
run audit verify --store "$DB"
check "after the kill: the audit chain verifies" test $rc -eq 0

# SIGKILL in the middle of decisions: each decision is all there or not
# at all, and every decision whose command returned is kept.
DB=$tmp/decide.db
"$AKA" alerts list --store "$DB" >/dev/null
add_version un "$UN_FEB"
echo "id,name" > "$tmp/dec.csv"   # 40 listed first + second names
sed -nE 's#.*<FIRST_NAME>([^<]+)</FIRST_NAME>.*#\1#p; s#.*<SECOND_NAME>([^<]+)</SECOND_NAME>.*#+\1#p' "$UN_FEB" |
  awk '/^\+/ { if (f != "") { k++; if (k % 7 == 0 && n < 40) { n++; printf "d%02d,%s %s\n", n, f, substr($0, 2) } } f = ""; next } { f = $0 }' >> "$tmp/dec.csv"
"$AKA" screen --store "$DB" "$tmp/dec.csv" >/dev/null 2>&1
ids=$(sql "SELECT id FROM alerts WHERE status = 'open' ORDER BY id")
check "decisions: at least 20 alerts to decide" test "$(echo "$ids" | wc -w)" -ge 20
killed=0; finished=0; bad=0; lost=0; k=0
for id in $ids; do
  k=$((k + 1))
  d=false_positive; [ $((k % 3)) -eq 0 ] && d=true_match
  "$AKA" alerts decide --store "$DB" "$id" --decision $d --reason "case $k" --analyst "analyst$k" >/dev/null 2>&1 &
  pid=$!
  if [ $((k % 4)) -ne 0 ]; then   # every 4th runs to its end
    sleep "0.0$((k % 10))$((k * 7 % 10))"
    kill -9 $pid 2>/dev/null
  fi
  wait $pid 2>/dev/null; drc=$?
  if [ $drc -eq 137 ]; then killed=$((killed + 1)); else finished=$((finished + 1)); fi
  [ "$(sql "PRAGMA integrity_check")" = ok ] || bad=$((bad + 1))
  have=$(sql "SELECT count(*) FROM decisions WHERE alert = $id")
  [ $drc -eq 0 ] && [ "$have" -ne 1 ] && lost=$((lost + 1))
  # all or nothing: decision <-> closed alert <-> good guy <-> audit entry
  [ "$(sql "SELECT count(*) FROM alerts WHERE id = $id AND status = 'closed'")" -eq "$have" ] || bad=$((bad + 1))
  [ "$(sql "SELECT count(*) FROM audit_log WHERE kind = 'decision.recorded' AND json_extract(payload, '$.alert') = $id")" -eq "$have" ] || bad=$((bad + 1))
  if [ $d = false_positive ]; then
    [ "$(sql "SELECT count(*) FROM good_guys g JOIN decisions d ON d.id = g.decision WHERE d.alert = $id")" -eq "$have" ] || bad=$((bad + 1))
  fi
done
echo "decisions: $k tried, $killed killed, $finished finished"
check "decisions: some killed by SIGKILL" test $killed -ge 1
check "decisions: some finished" test $finished -ge 1
check "decisions: integrity and all-or-nothing after every kill" test $bad -eq 0
check "decisions: no committed decision lost" test $lost -eq 0
check "decisions: counts agree" test "$(sql "SELECT count(*) FROM decisions")" -eq "$(sql "SELECT count(*) FROM alerts WHERE closed_reason = 'decision'")"
run audit verify --store "$DB"
check "decisions: the audit chain verifies after the kills" test $rc -eq 0

echo "$passes passed, $fails failed"
test $fails -eq 0
