#!/usr/bin/env bash
# The county's afternoon roll call (OPS-1) measured against PostgreSQL alone inserting the same rows (see
# bench/README.md).
#
#   bench/rollcall.sh
#
# Generates the county dataset (unless SKIP_GENERATE=1), publishes for every class a slot-1 and a slot-2 session
# on DAY with all its children registered (rollcall-offerings.sql), starts the application on it with the postgres
# profile, opens bearer tokens for every school's admin, warms up, then for each client count in CLIENTS drives
# pgbench inserting sessions' rows with one multi-row INSERT each into a copy of operations.session_entry, and the
# application's roll call of one slot's sessions through the API, and prints rows per second, latency, errors and
# the ratio of the two.
#
# Environment: PGHOST (127.0.0.1), PGPORT (5432), DB_USER (postgres), DB_PASSWORD (empty), DATABASE
# (kehou_bench_rc), DAY (today in Asia/Shanghai, on a weekend the Friday before), PORT (8189), CLIENTS ("16 64"), DURATION (15 s, the reference),
# CLIENT_JVM (-XX:TieredStopAtLevel=1, the load client's JVM options), WARMUP (sessions per slot, 0 = all), WARMUP_DAYS (8, earlier weeks warmed up on), DB_POOL_SIZE (16), HEAP (1g), JAVA_OPTS (none, e.g. a JFR recording), SKIP_GENERATE (0),
# MAVEN_ARGS (-o).
set -euo pipefail

cd "$(dirname "$0")/.."
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${DB_USER:-postgres}"
export PGPASSWORD="${DB_PASSWORD:-}"
database="${DATABASE:-kehou_bench_rc}"
today="$(TZ=Asia/Shanghai date +%F)"
# the default day is today, or on a weekend the Friday before, the latest school day the generated terms have
case "$(date -d "$today" +%u)" in
  6) default_day="$(date -d "$today -1 day" +%F)" ;;
  7) default_day="$(date -d "$today -2 days" +%F)" ;;
  *) default_day="$today" ;;
esac
day="${DAY:-$default_day}"
# a session of an earlier day is recorded late, which needs a reason (OPS-1); one of today needs none
measured_reason=""
[[ "$day" < "$today" ]] && measured_reason="补录点名"
port="${PORT:-8189}"
clients="${CLIENTS:-16 64}"
duration="${DURATION:-15}"
warmup="${WARMUP:-0}"
warmup_days="${WARMUP_DAYS:-8}"
# the load client compiles with C1 only: a run lasts seconds, and C2 compiling the client would take the two cores'
# time from what is measured (about half the client's CPU per request, 3 December 2026)
read -r -a client_jvm <<< "${CLIENT_JVM:--XX:TieredStopAtLevel=1}"
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
echo "== publishing the sessions of $day"
psql -q -d "$database" -v ON_ERROR_STOP=1 -v day="$day" -f bench/rollcall-offerings.sql

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

# one line per session of the day: the school admin who records it, the offering, its slot, its children; in the
# order of the offerings' random ids, so that the schools' sessions come interleaved as they would in an afternoon
psql -d "$database" -AtF, -v ON_ERROR_STOP=1 > "$work/sessions.csv" <<SQL
select a.staff_no, o.id, o.slot, string_agg(e.child_id::text, ';' order by e.child_id)
from catalog.offering o
join catalog.course x on x.id = o.course_id and x.name like '课后点名%'
join organization.term t on t.id = o.term_id and date '$day' between t.starts_on and t.ends_on
join platform.user_account a on a.school_id = o.school_id and a.roles = 'SCHOOL_ADMIN'
join enrollment.enrollment e on e.offering_id = o.id and e.status = 'CONFIRMED'
where o.state = 'PUBLISHED' and o.weekday = upper(trim(to_char(date '$day', 'FMDay')))
group by a.staff_no, o.id, o.slot
order by o.id;
SQL
rows_per_session="$(awk -F, '{ n += split($4, a, ";") } END { printf "%.0f", n / NR }' "$work/sessions.csv")"
echo "== $(wc -l < "$work/sessions.csv") sessions, $rows_per_session children per session on average"
java bench/EnrolRush.java tokens "$base" "$work/sessions.csv" "$work/tokens.csv"

entries() { psql -d "$database" -Atc "select count(*) from operations.session_entry"; }

# the warm-up: every session of both slots on WARMUP_DAYS (8) earlier weeks' same weekday, recorded late (with a
# reason); a save's code keeps getting faster over the first ten thousand saves or so while the JIT compiler works
for week in $(seq 1 "$warmup_days"); do
  warm_day="$(date -d "$day -$((7 * week)) days" +%F)"
  for warm_slot in SLOT_1 SLOT_2; do
    echo "== warm-up: ${warmup/#0/all} $warm_slot sessions of $warm_day (corrections, with a reason), unmeasured"
    java "${client_jvm[@]}" bench/RollCall.java run "$base" "$work/sessions.csv" "$work/tokens.csv" "$warm_slot" "$warm_day" 16 \
      "$warmup" "补录点名" | sed 's/^/   /'
  done
done

# the reference: PostgreSQL alone, one multi-row INSERT of a session's rows (the same columns) per transaction into
# a copy of the table with the same constraints and indexes
{
  echo '\set c random(1, 9000000000000) * 1000'
  echo "insert into rc_ref.session_entry (id, county_id, school_id, chain_no, kind, offering_id, on_date, student_id,"
  echo "  class_id, grade_level, entry_no, mark, reason, recorded_at, recorded_by, recorded_by_name, previous_hash,"
  echo "  entry_hash) values"
  for i in $(seq 1 "$rows_per_session"); do
    sep=","; [[ $i == "$rows_per_session" ]] && sep=";"
    echo "(gen_random_uuid(), '018f0000-0000-7000-8000-000000000001', '018f0000-0000-7000-8000-000000000002'," \
      "cast(:c as bigint) + $i, 'ROLL_CALL', '018f0000-0000-7000-8000-000000000003', date '$day', gen_random_uuid()," \
      "'018f0000-0000-7000-8000-000000000004', 3, 1, 'PRESENT', null, localtimestamp," \
      "'018f0000-0000-7000-8000-000000000005', '涧西区第一小学管理员'," \
      "'$(printf '%064d' "$i")', '$(printf '%064d' "$((i + 1))")')$sep"
  done
} > "$work/reference.pgbench"

slots=(SLOT_1 SLOT_2)
run=0
summary="| clients | reference rows/s (its clients) | Kehou rows/s | ratio | sessions | p50 | p99 | errors | broken chains |"$'\n'"|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for c in $clients; do
  slot="${slots[$((run % 2))]}"
  run=$((run + 1))
  free="$(psql -d postgres -Atc "select current_setting('max_connections')::int - count(*) - 5 from pg_stat_activity")"
  ref_clients=$((c < free ? c : free))
  echo "== reference at $ref_clients clients, $rows_per_session rows per INSERT, $duration s"
  psql -q -d "$database" -v ON_ERROR_STOP=1 -c "drop schema if exists rc_ref cascade" \
    -c "create schema rc_ref" -c "create table rc_ref.session_entry (like operations.session_entry including all)"
  # each side starts from a checkpoint with nothing dirty: the other's writes are not left for it to flush, nor its
  # first writes after a checkpoint (full-page images in the WAL) left to whichever side comes second
  psql -q -d "$database" -c "checkpoint"
  ref_cpu="$(pgbench_with_cpu "$work/pgbench-$c.txt" "$duration" -n -M prepared -j 2 -c "$ref_clients" \
    -T "$duration" -f "$work/reference.pgbench" "$database")"
  ref_tps="$(sed -nE 's/^tps = ([0-9.]+).*/\1/p' "$work/pgbench-$c.txt" | head -1)"
  ref_rows="$(awk -v t="${ref_tps:-0}" -v r="$rows_per_session" 'BEGIN { printf "%.0f", t * r }')"
  echo "   $(grep -E '^(tps|latency average|number of failed)' "$work/pgbench-$c.txt" | tr '\n' ' ') rows/s=$ref_rows $ref_cpu"
  psql -q -d "$database" -c "drop schema rc_ref cascade"
  psql -q -d "$database" -c "vacuum analyze operations.session_entry" -c "checkpoint"

  echo "== Kehou at $c clients: the $slot sessions of $day"
  before="$(entries)"
  line="$(APP_PID="$app_pid" java "${client_jvm[@]}" bench/RollCall.java run "$base" "$work/sessions.csv" \
    "$work/tokens.csv" "$slot" "$day" "$c" 0 ${measured_reason:+"$measured_reason"})"
  after="$(entries)"
  echo "   $line"
  seconds="$(sed -E 's/.* seconds=([0-9.]+).*/\1/' <<<"$line")"
  sessions="$(sed -E 's/.* sessions=([0-9]+).*/\1/' <<<"$line")"
  p50="$(sed -E 's/.*p50_ms=([0-9.]+).*/\1/' <<<"$line")"
  p99="$(sed -E 's/.*p99_ms=([0-9.]+).*/\1/' <<<"$line")"
  errors="$(sed -E 's/.* errors=([0-9]+).*/\1/' <<<"$line")"
  ours="$(awk -v a="$before" -v b="$after" -v s="$seconds" 'BEGIN { printf "%.0f", (b - a) / s }')"
  echo "   session_entry rows: $before -> $after ($((after - before)) added)"
  # every school's chain numbered 1, 2 ... without gaps and ending where its head says
  broken="$(psql -d "$database" -Atc "select count(*) from (select e.school_id from operations.session_entry e
    join operations.session_chain h on h.school_id = e.school_id group by e.school_id, h.last_no
    having count(*) <> max(e.chain_no) or max(e.chain_no) <> h.last_no) b")"
  ratio="$(awk -v a="$ours" -v b="$ref_rows" 'BEGIN { if (b > 0) printf "%.0f %%", 100 * a / b; else printf "n/a" }')"
  summary+=$'\n'"| $c | $ref_rows ($ref_clients) | $ours | $ratio | $sessions | $p50 ms | $p99 ms | $errors | $broken |"
done
echo
echo "$summary"

# the county's pages after the afternoon, as its admin sees them (OPS-3, SUP-2, ENROL-2): the day's dashboard over
# every school and the registration counts of every school, each opened PAGE_RUNS (5) times after one unmeasured
# opening; the median and the slowest of the measured ones
county_admin="$(psql -d "$database" -Atc "select staff_no from platform.user_account where roles = 'COUNTY_ADMIN'
  order by staff_no limit 1")"
jar_cookies="$work/cookies.txt"
csrf="$(curl -s -c "$jar_cookies" -b "$jar_cookies" "$base/login" \
  | sed -nE 's/.*name="_csrf" value="([^"]+)".*/\1/p' | head -1)"
curl -s -o /dev/null -c "$jar_cookies" -b "$jar_cookies" --data-urlencode "login=$county_admin" \
  --data-urlencode "password=Kehou@2026" --data-urlencode "_csrf=$csrf" "$base/login"
echo
echo "| county page ($county_admin) | status | median | slowest |"
echo "|---|---:|---:|---:|"
for page in "/county/today?date=$day" "/county/registration-counts"; do
  curl -s -o /dev/null -b "$jar_cookies" "$base$page"
  times=()
  status=""
  for _ in $(seq 1 "${PAGE_RUNS:-5}"); do
    read -r status t < <(curl -s -o /dev/null -b "$jar_cookies" -w '%{http_code} %{time_total}\n' "$base$page")
    times+=("$t")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v p="$page" -v s="$status" \
    '{ a[NR] = $1 } END { printf "| `%s` | %s | %.0f ms | %.0f ms |\n", p, s, 1000 * a[int((NR + 1) / 2)], 1000 * a[NR] }'
done
