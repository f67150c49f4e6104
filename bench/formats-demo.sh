#!/usr/bin/env bash
# Issue 14's must-show: the shared partial VGG-19 (safetensors, conv1_1 ... conv3_4) converted by the
# real tools (numpy np.save, scipy savemat in MatConvNet's layout, python3-protobuf for Caffe V1 and
# V2 and a TensorFlow GraphDef) into every format the readers know; `weights info` on each; then
# one small seeded transfer per file, and the decoded pixels (and the PNG bytes) compared with the
# safetensors run's.
#
# Usage: bench/formats-demo.sh [DIR]   (DIR keeps the converted files and outputs; default: a temp
# directory, removed at the end). Needs /usr/bin/python3 with numpy, scipy, protobuf and PIL
# (Debian: python3-numpy python3-scipy python3-protobuf python3-pil). NST_SHARED_DIR moves ../shared.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
shared="${NST_SHARED_DIR:-$root/../shared}"
safetensors="$shared/models/vgg19-imagenet-conv1_1-conv3_4.safetensors"
content="$shared/images/content/tubingen.jpg"
style="$shared/images/style/starry_night.jpg"
for f in "$safetensors" "$content" "$style"; do
  [ -f "$f" ] || { echo "error: $f is missing (set NST_SHARED_DIR)" >&2; exit 1; }
done
if [ $# -ge 1 ]; then
  dir="$1"; mkdir -p "$dir"
else
  dir="$(mktemp -d)"; trap 'rm -rf "$dir"' EXIT
fi
ns="${NEURAL_STYLE:-$root/neural-style}"  # NEURAL_STYLE: another launcher

echo "### converting $safetensors with the real tools into $dir"
/usr/bin/python3 "$root/nst-core/src/test/resources/fixtures/make_format_fixtures.py" \
  --convert "$safetensors" "$dir"
files=("$safetensors" "$dir"/vgg19-partial.npy "$dir"/vgg19-partial.caffemodel
  "$dir"/vgg19-partial-v2.caffemodel "$dir"/vgg19-partial.tfmodel "$dir"/vgg19-partial.mat)
ls -l "${files[@]}" | awk '{print $5, $9}'

for f in "${files[@]}"; do
  echo
  echo "### ./neural-style weights info $(basename "$f")"
  "$ns" weights info "$f"
done

echo
echo "### the paper's normalised network: the same weights normalised by the paper's procedure on two"
echo "### photos (python3-torch), written as a V1 caffemodel under a neutral name; and the original"
echo "### weights under the normalised name"
/usr/bin/python3 "$root/nst-core/src/test/resources/fixtures/make_format_fixtures.py" --normalise \
  "$safetensors" "$dir/calibrated.caffemodel" VGG_ILSVRC_19_layers 96 \
  "$shared/images/content/tubingen.jpg" "$shared/images/content/golden_gate.jpg"
cp "$dir/vgg19-partial.caffemodel" "$dir/vgg_normalised.caffemodel"
for f in "$dir/calibrated.caffemodel" "$dir/vgg_normalised.caffemodel"; do
  echo "--- weights info $(basename "$f") (network and notes)"
  "$ns" weights info "$f" | grep -E '^(model|metadata: +network|note)'
done

echo
echo "### the seeds' files: seeded VGG-16 as the Hvass GraphDef and machrisaa's vgg16.npy"
/usr/bin/python3 "$root/nst-core/src/test/resources/fixtures/make_format_fixtures.py" --vgg16 "$dir"
for f in "$dir/vgg16.tfmodel" "$dir/vgg16.npy"; do
  echo "--- weights info $(basename "$f")"
  "$ns" weights info "$f" | grep -E '^(format|model|convention|layers|metadata: +input_convention)'
done

echo
echo "### transfers: --size 64 --iterations 20 --seed 7 (tubingen.jpg in the style of starry_night.jpg)"
outputs=()
for f in "${files[@]}"; do
  out="$dir/out-$(basename "$f" | tr . -).png"
  "$ns" transfer --content "$content" --style "$style" --weights "$f" --size 64 --iterations 20 \
    --seed 7 --tolerance 0 --quiet --no-panel --no-gif --no-loss-plot --output "$out" \
    2>&1 | grep -v '^note:' || true
  outputs+=("$out")
done

echo
echo "### decoded pixels and bytes against the safetensors run"
/usr/bin/python3 - "${outputs[@]}" <<'EOF'
import hashlib, json, sys
import numpy as np
from PIL import Image
ref_path, others = sys.argv[1], sys.argv[2:]
def load(p):
    return np.asarray(Image.open(p).convert("RGB"), dtype=np.int16)
def sha(p):
    return hashlib.sha256(open(p, "rb").read()).hexdigest()
def record(p):
    r = json.load(open(p[:-4] + ".json"))
    w = r["weights"]
    return w["format"], w["convention"], r["result"]["last"]["total"]
ref = load(ref_path)
print("%s: %dx%d, final loss %.6g, sha256 %s (the reference)"
      % (ref_path.split("/")[-1], ref.shape[1], ref.shape[0], record(ref_path)[2], sha(ref_path)[:16]))
for p in others:
    a = load(p)
    same = a.shape == ref.shape and not np.any(a != ref)
    diff = 0 if a.shape != ref.shape else int(np.count_nonzero(np.any(a != ref, axis=2)))
    print("%s: pixels %s (%d of %d differ, max |d| %d), bytes %s; run.json: %s, convention %s,"
          " final loss %.6g"
          % (p.split("/")[-1], "IDENTICAL" if same else "DIFFER", diff, ref.shape[0] * ref.shape[1],
             0 if a.shape != ref.shape else int(np.abs(a - ref).max()),
             "identical" if sha(p) == sha(ref_path) else "differ (sha256 " + sha(p)[:16] + ")",
             *record(p)))
EOF
