#!/usr/bin/env bash
# γ sweep of the video command's temporal loss: paints one short clip at several --temporal-weight
# values and prints, per γ, the warp error between consecutive output frames (bench/video/warp_error.py:
# mean absolute, 8-bit levels, masked by consistency, flow of the content frames), the seconds per
# frame the command reports, and the weighted style term of each frame's last evaluation (mean over
# frames 2..N; frame 1 is the same at every γ).
#
#   NST_SHARED_DIR=../shared bench/video/gamma_sweep.sh [GAMMA ...]       (default: 0 100 1000 10000)
#
# Settings by environment: CLIP (a folder of frames or a video; default: a 12-frame 128 px Tübingen
# pan written by make_pan.py into $OUT/clip), SIZE (128), FRAMES (12), OUT (/tmp/gamma-sweep),
# STYLE (starry_night.jpg), WEIGHTS (the shared VGG-19 file), EXTRA (more video options, e.g.
# "--iterations 60"), RUN (a prefix for each painting, e.g. /work/notes/timed.sh).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
shared="${NST_SHARED_DIR:-$root/../shared}"
export NST_SHARED_DIR="$shared"
size="${SIZE:-128}"
frames="${FRAMES:-12}"
out="${OUT:-/tmp/gamma-sweep}"
style="${STYLE:-$shared/images/style/starry_night.jpg}"
weights="${WEIGHTS:-$shared/models/vgg19-imagenet-conv1_1-conv3_4.safetensors}"
gammas=("$@")
[ ${#gammas[@]} -gt 0 ] || gammas=(0 100 1000 10000)
mkdir -p "$out"
clip="${CLIP:-$out/clip}"
if [ -z "${CLIP:-}" ] && [ ! -d "$clip" ]; then
  /usr/bin/python3 "$here/make_pan.py" --out "$clip" --size "$size" --frames "$frames" >/dev/null
fi
rows=()
for g in "${gammas[@]}"; do
  video="$out/gamma-$g.mp4"
  log="$out/gamma-$g.log"
  rm -rf "$video" "$video.frames"
  # shellcheck disable=SC2086
  ${RUN:-} "$root/neural-style" video --content "$clip" --style "$style" --weights "$weights" \
    --size "$size" --temporal-weight "$g" --keep-frames ${EXTRA:-} --output "$video" >"$log" 2>&1 \
    || { cat "$log" >&2; exit 1; }
  per_frame="$(sed -n 's/.* frames; \([0-9.]*\) s per frame.*/\1/p' "$log")"
  style_term="$(awk '/^frame [0-9]+\/[0-9]+ done/ { split($2, k, "/"); if (k[1] > 1) {
      for (i = 1; i <= NF; i++) if ($i == "style") { s += $(i + 1); n++ } } }
      END { if (n) printf "%.3g", s / n; else print "-" }' "$log")"
  warp="$(/usr/bin/python3 "$here/warp_error.py" "$video.frames" | sed -n 's/.*output \([0-9.]*\) levels.*/\1/p')"
  rows+=("$(printf '%8s  %10s  %7s  %10s' "$g" "$warp" "$per_frame" "$style_term")")
done
printf '%8s  %10s  %7s  %10s\n' "gamma" "warp error" "s/frame" "style term"
printf '%s\n' "${rows[@]}"
