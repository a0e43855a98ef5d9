#!/usr/bin/env bash
# Times the import of a 5,000-row roster (ORG-3) through the upload endpoint, on the embedded database, RUNS times.
# Prints the application's own figures (read, import) and the wall time from upload to the finished job.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-3}
for i in $(seq 1 "$runs"); do
    ./mvnw -B -q test -Dtest='RosterImportTests#importsFiveThousandRows' -Dsurefire.failIfNoSpecifiedTests=false \
        -Dspotless.check.skip=true 2>&1 | grep -E "rows read in|5,000-row import took" | sed -E 's/.*(import [0-9a-f-]+: |RosterImportTests *: )//'
done
