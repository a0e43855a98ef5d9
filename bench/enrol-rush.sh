#!/usr/bin/env bash
# The registration rush (ENROL-4) measured against the reference limit of the machine (see bench/README.md).
#
#   bench/enrol-rush.sh
#
# Generates the county dataset (unless SKIP_GENERATE=1), publishes offerings for its schools, starts the
# application on it with the postgres profile, opens a county-wide window for each term, opens bearer tokens for
# GUARDIANS generated guardians, then for each client count in CLIENTS drives pgbench with the reference workload
# (bench/reference) and the application's rush through the API, and prints throughput, latency, errors and
# oversold seats, and the ratio of the two throughputs.
#
# Environment: PGHOST (127.0.0.1), PGPORT (5432), DB_USER (postgres), DB_PASSWORD (empty), DATABASE
# (kehou_bench_enrol), REF_DATABASE (kehou_ref), PORT (8188), CLIENTS ("32 128"), DURATION (20 s), WARMUP (30 s),
# GUARDIANS (1000), WAITLIST (10), DB_POOL_SIZE (16), HEAP (1g), JAVA_OPTS (none, e.g. a JFR recording),
# SKIP_GENERATE (0), MAVEN_ARGS (-o).
set -euo pipefail

cd "$(dirname "$0")/.."
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${DB_USER:-postgres}"
export PGPASSWORD="${DB_PASSWORD:-}"
database="${DATABASE:-kehou_bench_enrol}"
reference="${REF_DATABASE:-kehou_ref}"
port="${PORT:-8188}"
clients="${CLIENTS:-32 128}"
duration="${DURATION:-20}"
warmup="${WARMUP:-30}"
guardians="${GUARDIANS:-1000}"
waitlist="${WAITLIST:-10}"
pool="${DB_POOL_SIZE:-16}"
base="http://127.0.0.1:$port"
work="$(mktemp -d)"
app_pid=""

cleanup() {
  if [[ -n "$app_pid" ]]; then
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
  fi
}
trap cleanup EXIT

source bench/cpu.sh

for tool in java psql pgbench createdb dropdb curl; do
  command -v "$tool" >/dev/null || { echo "missing: $tool" >&2; exit 1; }
done

if [[ "${SKIP_GENERATE:-0}" != 1 ]]; then
  bench/generate.sh county "$database" --fresh
fi
echo "== publishing offerings"
psql -q -d "$database" -v ON_ERROR_STOP=1 -f bench/enrol-offerings.sql

echo "== building"
./mvnw -q -B ${MAVEN_ARGS:--o} package -DskipTests
jar="$(ls target/kehou-*.jar | grep -v plain | head -1)"

echo "== starting the application on $database (port $port, pool $pool)"
DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$database" DB_USER="$PGUSER" DB_PASSWORD="$PGPASSWORD" \
DB_POOL_SIZE="$pool" KEHOU_DEMO=false \
  java ${JAVA_OPTS:-} "-Xmx${HEAP:-1g}" -jar "$jar" --spring.profiles.active=postgres --server.port="$port" \
  --spring.threads.virtual.enabled=true --server.tomcat.max-keep-alive-requests=-1 \
  --logging.level.root=WARN > "$work/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 180); do
  if curl -sf "$base/actuator/health" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$app_pid" 2>/dev/null; then cat "$work/app.log" >&2; exit 1; fi
  sleep 1
done
curl -sf "$base/actuator/health" >/dev/null

token_of() {
  curl -sf -X POST "$base/api/v1/tokens" -H 'Content-Type: application/json' \
    -d "{\"login\":\"$1\",\"password\":\"Kehou@2026\"}" | sed -E 's/.*"token":"([^"]+)".*/\1/'
}

county="$(psql -d "$database" -Atc "select code from organization.county c where exists (select 1 from organization.school s where s.county_id = c.id) limit 1")"
year="$(psql -d "$database" -Atc "select min(school_year) from organization.term")"
admin="$(token_of "GEN-$county-ADMIN")"
opens="$(TZ=Asia/Shanghai date -d '-1 minute' +%Y-%m-%dT%H:%M:%S)"
closes="$(TZ=Asia/Shanghai date -d '+6 hours' +%Y-%m-%dT%H:%M:%S)"
for y in "$year" "$((year + 1))"; do
  for kind in AUTUMN SPRING; do
    echo "== opening the county's $kind $y window (waiting lists of $waitlist)"
    curl -sf -X POST "$base/api/v1/registration-windows" -H "Authorization: Bearer $admin" \
      -H 'Content-Type: application/json' \
      -d "{\"schoolYear\":$y,\"termKind\":\"$kind\",\"opensAt\":\"$opens\",\"closesAt\":\"$closes\",\"waitlistLimit\":$waitlist}" \
      >/dev/null
  done
done

last=$((19910000000 + guardians - 1))
psql -d "$database" -AtF, -v ON_ERROR_STOP=1 > "$work/children.csv" <<SQL
select a.mobile, st.id, t.kind || '-' || t.school_year, string_agg(o.id::text, ';' order by o.id)
from platform.user_account a
join organization.student_guardian sg on sg.guardian_id = a.guardian_id
join organization.student st on st.id = sg.student_id
join organization.school_class c on c.id = st.class_id
join catalog.offering o on o.school_id = st.school_id and o.state = 'PUBLISHED'
join catalog.offering_grade g on g.offering_id = o.id and g.grade_level = c.grade_level
join organization.term t on t.id = o.term_id
where a.mobile between '19910000000' and '$last'
group by a.mobile, st.id, t.kind, t.school_year;
SQL
echo "== $(cut -d, -f1 "$work/children.csv" | sort -u | wc -l) guardians, $(cut -d, -f2 "$work/children.csv" | sort -u | wc -l) children"
java bench/EnrolRush.java tokens "$base" "$work/children.csv" "$work/tokens.csv"

oversold() {
  psql -d "$database" -Atc "
    select (select count(*) from enrollment.seat s where s.taken > s.capacity or s.taken <> (
              select count(*) from enrollment.enrollment e where e.offering_id = s.offering_id and e.status = 'CONFIRMED'))
         + (select count(*) from (select child_id, offering_id from enrollment.enrollment where status <> 'WITHDRAWN'
              group by child_id, offering_id having count(*) > 1) twice)"
}

kinds=(AUTUMN SPRING)
run=0
summary="| clients | reference tx/s (its clients) | Kehou requests/s | ratio | p50 | p99 | errors | oversold |"$'\n'"|---:|---:|---:|---:|---:|---:|---:|---:|"
for c in $clients; do
  kind="${kinds[$((run % 2))]}"
  run=$((run + 1))
  # pgbench needs a connection per client; a server with fewer free connections runs the reference with as many
  # clients as it allows, and the table says so
  free="$(psql -d postgres -Atc "select current_setting('max_connections')::int - count(*) - 5 from pg_stat_activity")"
  ref_clients=$((c < free ? c : free))
  echo "== reference at $ref_clients clients"
  dropdb --if-exists --force "$reference"
  createdb "$reference"
  psql -q -d "$reference" -v ON_ERROR_STOP=1 -f bench/reference/reference-schema.sql > /dev/null 2>&1
  psql -q -d "$reference" -c "checkpoint"
  ref_cpu="$(pgbench_with_cpu "$work/pgbench-$c.txt" "$duration" -n -M prepared -j 2 -c "$ref_clients" -T "$duration" \
    -f bench/reference/reference-enroll.pgbench "$reference")"
  ref_tps="$(sed -nE 's/^tps = ([0-9.]+).*/\1/p' "$work/pgbench-$c.txt" | head -1)"
  echo "   $(grep -E '^(tps|latency average|number of failed)' "$work/pgbench-$c.txt" | tr '\n' ' ') $ref_cpu"
  # each side starts from a checkpoint with nothing dirty, as in rollcall.sh
  psql -q -d "$database" -c "checkpoint"
  echo "== Kehou at $c clients (${warmup} s warm-up on $kind $((year + 1)), ${duration} s measured on $kind $year)"
  # at the end of the warm-up, with its registrations in the tables, the statistics are brought up to date as
  # autovacuum's analyze would on a production server; this one may run without it, and the generated dataset has no
  # registrations of earlier terms, so the planner would otherwise plan for empty tables
  line="$(APP_PID="$app_pid" BEFORE_MEASURING="psql -q -d '$database' -c analyze" java bench/EnrolRush.java rush "$base" "$work/children.csv" "$work/tokens.csv" \
    "$kind-$((year + 1))" "$kind-$year" "$c" "$warmup" "$duration")"
  echo "   $line"
  ours="$(sed -E 's/.*throughput=([0-9]+).*/\1/' <<<"$line")"
  p50="$(sed -E 's/.*p50_ms=([0-9.]+).*/\1/' <<<"$line")"
  p99="$(sed -E 's/.*p99_ms=([0-9.]+).*/\1/' <<<"$line")"
  errors="$(sed -E 's/.*errors=([0-9]+).*/\1/' <<<"$line")"
  bad="$(oversold)"
  ratio="$(awk -v a="$ours" -v b="${ref_tps:-0}" 'BEGIN { if (b > 0) printf "%.0f %%", 100 * a / b; else printf "n/a" }')"
  summary+=$'\n'"| $c | ${ref_tps%.*} ($ref_clients) | $ours | $ratio | $p50 ms | $p99 ms | $errors | $bad |"
done
dropdb --if-exists --force "$reference"
echo
psql -d "$database" -Atc "select 'registrations: ' || count(*) filter (where status = 'CONFIRMED') || ' confirmed, '
  || count(*) filter (where status = 'WAITLISTED') || ' waitlisted; seats: '
  || (select sum(capacity) from enrollment.seat) from enrollment.enrollment"
echo "$summary"
