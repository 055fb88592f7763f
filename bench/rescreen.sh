#!/usr/bin/env bash
# bench/rescreen.sh: delta versus full rescreening after a list update.
#
# A store gets the UN list of 2026-01-28 (../shared/data/un); N generated
# customer records (names drawn from common first names and surnames of
# many countries, fixed seed), plus 40 names of listed people and the
# names of the four people the next month's list adds, are screened into
# it; then the UN list of 2026-02-27 is stored as the newer version. From
# a copy of that store, `aka rescreen` (delta) and `aka rescreen --full`
# are each timed RUNS times (wall clock of the whole command, lists
# loaded and screener built included); the medians and their ratio are
# printed.
#
#   bench/rescreen.sh [N [RUNS]]      (defaults 5000 and 3; AKA=build/aka)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-5000}; RUNS=${2:-3}
AKA=${AKA:-build/aka}
DATA=${AKA_SHARED:-../shared}/data
JAN=$DATA/un/consolidated_2026-01-28.xml; FEB=$DATA/un/consolidated.xml
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
DB=$tmp/bench.db

# Store a list file as the newest accepted version of SOURCE.
add_version() {
  sqlite3 "$DB" "INSERT OR IGNORE INTO sources (name) VALUES ('$1');
    INSERT INTO list_versions (source, status, format, content_hash,
      fetched_at, origin) VALUES ('$1', 'accepted', 'bench', 'h',
      strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 'file://$2');
    INSERT INTO list_files (version_id, seq, name, url, sha256, size,
      content) VALUES (last_insert_rowid(), 0, '$(basename "$2")',
      'file://$2', 'h', length(readfile('$2')), readfile('$2'));"
}

sub() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a - b }'; }

awk -v n="$N" 'BEGIN {
  nf = split("Maria Anna Peter Thomas Laura Jonas Sofia Lukas Emma Noah Olga Ivan Fatima Omar Aisha Yusuf Chen Wei Priya Ravi Carlos Lucia Pierre Claire Hans Greta Mehmet Elif Kofi Ama Ahmed Mohammed Ali Hassan Ibrahim Abdullah", F, " ")
  nl = split("Lindqvist Novak Horvat Kowalski Jansen Moreau Rossi Silva Costa Schmidt Weber Nielsen Berg Virtanen Popescu Ivanova Petrenko Haddad Rahman Okafor Mensah Tanaka Sato Kim Nguyen Patel Sharma Garcia Lopez Dubois Khan Hussein Mahmoud Saleh", L, " ")
  srand(20261127); print "id,name,birth_date"
  for (i = 1; i <= n; i++)
    printf "g%06d,%s %s,%d\n", i, F[int(rand() * nf) + 1], L[int(rand() * nl) + 1], 1940 + int(rand() * 60)
}' > "$tmp/customers.csv"
# 40 listed people (first and second name as the list writes them)
sed -nE 's#.*<FIRST_NAME>([^<]+)</FIRST_NAME>.*#\1#p; s#.*<SECOND_NAME>([^<]+)</SECOND_NAME>.*#+\1#p' "$JAN" |
  awk '/^\+/ { if (f != "") { k++; if (k % 17 == 0 && n < 40) { n++; printf "l%02d,%s %s,\n", n, f, substr($0, 2) } } f = ""; next } { f = $0 }' >> "$tmp/customers.csv"
printf 'n1,Gedo Hamdan Ahmed,\nn2,Abdul Rahim Hamdan Dagalo,\nn3,Al-Fateh Abdullah Idris,\nn4,Tijani Ibrahim Moussa Mohamed,\n' >> "$tmp/customers.csv"
records=$(($(wc -l < "$tmp/customers.csv") - 1))

"$AKA" alerts list --store "$DB" >/dev/null          # creates the store
add_version un "$JAN"
t0=$(date +%s.%N)
"$AKA" screen --store "$DB" "$tmp/customers.csv" >/dev/null 2>"$tmp/screen.err"
t1=$(date +%s.%N)
echo "screened $records records into the store in $(sub "$t1" "$t0") s: $(sed 's/^aka: //' "$tmp/screen.err")"
add_version un "$FEB"
cp "$DB" "$tmp/after-update.db"

# time_one MODE: restore the store as it was after the update, rescreen,
# print "seconds screened alerts"
time_one() {
  cp "$tmp/after-update.db" "$DB"; rm -f "$DB-wal" "$DB-shm"
  local a b
  a=$(date +%s.%N)
  "$AKA" rescreen --store "$DB" $1 --json > "$tmp/r.json"
  b=$(date +%s.%N)
  echo "$(sub "$b" "$a") $(jq -r '"\(.screened) \(.alerts) \(.changed_entities) \(.records)"' "$tmp/r.json")"
}
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

: > "$tmp/delta"; : > "$tmp/full"
for i in $(seq 1 "$RUNS"); do
  d=$(time_one ""); f=$(time_one --full)
  echo "run $i: delta $d | full $f   (seconds screened alerts changed_entities records)"
  echo "${d%% *}" >> "$tmp/delta"; echo "${f%% *}" >> "$tmp/full"
  last_d=$d; last_f=$f
done
md=$(median < "$tmp/delta"); mf=$(median < "$tmp/full")
read -r _ ds da dc dr <<< "$last_d"; read -r _ fs fa _ <<< "$last_f"
echo "records stored: $records; UN 2026-01-28 -> 2026-02-27: $dc entities added or changed"
echo "delta rescreen: median $md s over $RUNS runs; $dr records share an index term with a changed entity, $ds of them score on one and were screened in full; $da new alerts"
echo "full rescreen:  median $mf s over $RUNS runs, $fs records screened, $fa new alerts"
echo "delta / full: $(awk -v a="$md" -v b="$mf" 'BEGIN { printf "%.3f", a / b }')"
