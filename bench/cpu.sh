# Sourced by the benchmark scripts: where the two cores go.

# CPU time of every PostgreSQL process so far, in clock ticks (utime + stime of /proc/[pid]/stat). A backend's time
# leaves /proc with it, so read it while the connections measured are open.
postgres_ticks() {
  cat /proc/[0-9]*/stat 2>/dev/null | awk '/\(postgres\)/ { sub(/.*\) /, ""); split($0, f, " "); t += f[12] + f[13] }
    END { printf "%d", t }'
}

# Runs pgbench in the background with the given arguments, its output into $1, and prints PostgreSQL's CPU per
# transaction over the middle of the run (from 2 s after the start to 2 s before the end of its $2 seconds), at
# the run's average rate.
pgbench_with_cpu() {
  local out="$1" seconds="$2"
  shift 2
  pgbench "$@" > "$out" 2>&1 &
  local pid=$! before after tps
  sleep 2
  before="$(postgres_ticks)"
  sleep $((seconds - 4))
  after="$(postgres_ticks)"
  wait "$pid" || true
  tps="$(sed -nE 's/^tps = ([0-9.]+).*/\1/p' "$out" | head -1)"
  awk -v t="$((after - before))" -v r="${tps:-0}" -v s="$((seconds - 4))" \
    'BEGIN { if (r > 0) printf "cpu_ms_per_transaction postgres=%.3f", t * 10 / (r * s) }'
}
