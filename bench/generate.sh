#!/usr/bin/env bash
# Generates a deterministic benchmark dataset into a PostgreSQL database (see bench/README.md).
#
#   bench/generate.sh <sample|county|city> [database] [--fresh]
#
# The database (default kehou_gen_<size>) is created when it does not exist; --fresh drops it first.
# Environment: PGHOST (127.0.0.1), PGPORT (5432), DB_USER (postgres), DB_PASSWORD (empty), SEED (42),
# GENERATE_HEAP (1g), GENERATE_ARGS (further --kehou.generate.* arguments).
set -euo pipefail

usage() {
  echo "usage: $0 <sample|county|city> [database] [--fresh]" >&2
  exit 64
}

size=""
database=""
fresh=false
for arg in "$@"; do
  case "$arg" in
    --fresh) fresh=true ;;
    -h | --help) usage ;;
    -*) echo "unknown option: $arg" >&2; usage ;;
    *)
      if [[ -z "$size" ]]; then size="$arg"
      elif [[ -z "$database" ]]; then database="$arg"
      else usage
      fi ;;
  esac
done
case "$size" in
  sample | county | city) ;;
  *) usage ;;
esac
database="${database:-kehou_gen_$size}"
if [[ ! "$database" =~ ^[a-z_][a-z0-9_]*$ ]]; then
  echo "database name must be lower case letters, digits and underscores: $database" >&2
  exit 64
fi

export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${DB_USER:-postgres}"
export PGPASSWORD="${DB_PASSWORD:-}"
export DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$database" DB_USER="$PGUSER" DB_PASSWORD="$PGPASSWORD"

if $fresh; then
  echo "Dropping database $database"
  dropdb --if-exists --force "$database"
fi
if [[ -z "$(psql -d postgres -Atc "select 1 from pg_database where datname = '$database'")" ]]; then
  echo "Creating database $database"
  createdb "$database"
fi

cd "$(dirname "$0")/.."
started=$SECONDS
./mvnw -B -q spring-boot:run \
  -Dspring-boot.run.profiles=postgres \
  -Dspring-boot.run.jvmArguments="-Xmx${GENERATE_HEAP:-1g}" \
  -Dspring-boot.run.arguments="--kehou.generate=$size --kehou.generate.seed=${SEED:-42} ${GENERATE_ARGS:-}"
echo "bench/generate.sh $size $database: $((SECONDS - started)) s wall time including the build and start-up"
