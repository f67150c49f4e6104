#!/usr/bin/env bash
# Runs one Jazzer fuzz target of nst-core for SECONDS (default 600), niced: run.sh TARGET [SECONDS]
# TARGET: PickleFuzz, SafetensorsFuzz, TorchPthFuzz, KerasH5Fuzz, NpyFuzz, CaffeFuzz, TfGraphFuzz,
# MatFuzz, ImageFuzz or MaskFuzz.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
core="$(cd "$here/../../.." && pwd)"
root="$(cd "$core/.." && pwd)"
target="$1"
seconds="${2:-600}"
package=dev.neuralstyle.fuzz
[ "$target" = MaskFuzz ] && package=dev.neuralstyle.transfer
mkdir -p "$core/target/fuzz-corpus/$target" "$core/target/fuzz-findings"
cd "$root"
exec nice -n 10 mvn -B -o -q -Pfuzz -pl nst-core -am -DskipTests -Dspotless.check.skip \
  -Dcheckstyle.skip -Djacoco.skip test-compile exec:exec \
  -Dfuzz.target="$package.$target" -Dfuzz.name="$target" -Dfuzz.seconds="$seconds"
