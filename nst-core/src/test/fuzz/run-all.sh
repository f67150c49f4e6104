#!/usr/bin/env bash
# Runs every Jazzer target of nst-core for SECONDS each (default 600), two at a time, niced, in
# plain JVMs (no Maven per target): run-all.sh [SECONDS] [WORKDIR]. Compiles once with -Pfuzz,
# copies the classes to WORKDIR (default /tmp/nst-fuzz-run) so that a rebuild cannot change them
# under a running fuzzer, and writes WORKDIR/TARGET.log, TARGET.time (CPU seconds), findings/TARGET/
# (crash-*, slow-unit-*) and the growing corpus WORKDIR/corpus/TARGET. stats.sh WORKDIR summarises.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
core="$(cd "$here/../../.." && pwd)"
root="$(cd "$core/.." && pwd)"
secs="${1:-600}"
work="${2:-/tmp/nst-fuzz-run}"
mkdir -p "$work"
(cd "$root" && nice -n 10 mvn -B -o -q -Pfuzz -pl nst-core -am -DskipTests -Dspotless.check.skip \
  -Dcheckstyle.skip -Djacoco.skip test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test)
rm -rf "$work/classes" "$work/test-classes"
cp -r "$core/target/classes" "$work/classes"
cp -r "$core/target/test-classes" "$work/test-classes"
echo "$work/test-classes:$work/classes:$(cat "$core/target/cp.txt")" >"$work/cp.txt"

queue() {
  for t in "$@"; do
    pkg=dev.neuralstyle.fuzz
    [ "$t" = MaskFuzz ] && pkg=dev.neuralstyle.transfer
    mkdir -p "$work/corpus/$t" "$work/findings/$t"
    /usr/bin/time -f "%e s wall %U+%S s cpu %M KB maxrss" -o "$work/$t.time" \
      nice -n 19 java -Xmx2g -Dai.djl.offline=true -cp "$(cat "$work/cp.txt")" \
      com.code_intelligence.jazzer.Jazzer --target_class="$pkg.$t" \
      --instrumentation_includes='dev.neuralstyle.**:io.jhdf.**:com.fasterxml.jackson.**' \
      --keep_going=20 -max_total_time="$secs" -rss_limit_mb=5000 -timeout=60 -print_final_stats=1 \
      -artifact_prefix="$work/findings/$t/" "$work/corpus/$t" "$here/corpus/$t" >"$work/$t.log" 2>&1 || true
  done
}
queue PickleFuzz SafetensorsFuzz NpyFuzz TfGraphFuzz ImageFuzz &
queue TorchPthFuzz KerasH5Fuzz CaffeFuzz MatFuzz MaskFuzz &
wait
"$here/stats.sh" "$work"
