#!/usr/bin/env bash
# Side-by-side benchmark: the engine (nst-bench) against the PyTorch reference (bench/reference.py).
# Usage: bench/run.sh [--sizes 256,512] [--evals 10] [--rounds 2] [--ttq true] [--ttq-ratio 0.25] ...
# (options are passed to dev.neuralstyle.bench.BenchMain; see docs/PERFORMANCE.md).
set -euo pipefail
cd "$(dirname "$0")/.."

# 1. What the reference needs: Debian's torch with OpenBLAS (4x faster than the reference BLAS), and
#    jemalloc, which both sides use when present.
need=()
/usr/bin/python3 -c 'import torch, numpy' 2>/dev/null || need+=(python3-torch python3-numpy)
[ -e /usr/lib/x86_64-linux-gnu/libopenblas.so.0 ] || need+=(libopenblas0-pthread)
[ -e /usr/lib/x86_64-linux-gnu/libjemalloc.so.2 ] || need+=(libjemalloc2)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}" >&2
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -q && $sudo apt-get install -y -q "${need[@]}"
fi

# 2. Build the engine and the benchmark (no tests, nothing installed into ~/.m2).
mvn -q -B -Dstyle.color=never ${MVN_OFFLINE:--o} -pl nst-bench -am package -DskipTests >&2

# 3. Run. The job files (weights, square images, input tensors) go to bench/out.
cp="nst-bench/target/classes:$(printf '%s:' nst-bench/target/lib/*.jar)"
exec java -Dai.djl.offline=true -cp "$cp" dev.neuralstyle.bench.BenchMain \
  --dir bench/out --shared "${NST_SHARED_DIR:-../shared}" "$@"
