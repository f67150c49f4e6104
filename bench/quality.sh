#!/usr/bin/env bash
# Picture-quality benchmark (docs/QUALITY.md): paints a panel of content x style pairs with several
# recipes, then measures every picture in one place (bench/quality.py: lattice, sharpness, style
# and content distance) and draws contact sheets. On demand only; never part of the test suite.
#
# Usage: bench/quality.sh [--sizes 256,512] [--pairs tubingen__starry_night,...]
#                         [--recipes ours,torch-simple40,...] [--recipes-512 ours,torch-simple40]
#                         [--jcjohnson-evals 300] [--dir bench/out/quality] [--force] [--measure-only]
#                         [-- extra options for the 'ours' recipe, e.g. -- --tv-weight 0]
# A picture whose PNG exists is not painted again (--force repaints), so an interrupted run resumes.
# Recipes:
#   ours              the engine's defaults (only content, style, size and weights are given)
#   torch-simple40    bench/paint.py's "40-line" PyTorch recipe (issue 12)
#   torch-jcjohnson   jcjohnson/neural-style's defaults in PyTorch (budget: --jcjohnson-evals)
#   engine-simple40   the engine running the same objective as torch-simple40
#   engine-jcjohnson  the engine running the same objective as torch-jcjohnson
set -euo pipefail
cd "$(dirname "$0")/.."

shared="${NST_SHARED_DIR:-../shared}"
weights="${NST_QUALITY_WEIGHTS:-$shared/models/vgg19-imagenet-conv1_1-conv3_4.safetensors}"
sizes="256,512"
pairs="tubingen__starry_night,tubingen__shipwreck,tubingen__the_scream,tubingen__composition_vii"
pairs+=",golden_gate__starry_night,golden_gate__klimt,hoovertowernight__monet"
pairs+=",content_4__the_scream,hoovertowernight__composition_vii"
recipes="ours,torch-simple40,engine-simple40,torch-jcjohnson,engine-jcjohnson"
recipes512="ours,torch-simple40"
jcj_evals=300
dir="bench/out/quality"
force=0
measure_only=0
ours_extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) sizes="$2"; shift 2 ;;
    --pairs) pairs="$2"; shift 2 ;;
    --recipes) recipes="$2"; shift 2 ;;
    --recipes-512) recipes512="$2"; shift 2 ;;
    --jcjohnson-evals) jcj_evals="$2"; shift 2 ;;
    --dir) dir="$2"; shift 2 ;;
    --force) force=1; shift ;;
    --measure-only) measure_only=1; shift ;;
    --) shift; ours_extra=("$@"); break ;;
    *) echo "unknown option $1 (see the comment at the top of $0)" >&2; exit 2 ;;
  esac
done
case ",$pairs," in *seated-nude*) echo "seated-nude.jpg is copyrighted: not in this benchmark" >&2; exit 2 ;; esac
[ -f "$weights" ] || { echo "weights not found: $weights (set NST_QUALITY_WEIGHTS)" >&2; exit 1; }

# What the reference and the metrics need (Debian packages), and the engine's build.
/usr/bin/python3 -c 'import torch, numpy, PIL' 2>/dev/null || {
  echo "needs python3-torch python3-numpy python3-pil (apt-get install them)" >&2; exit 1; }
if [ "$measure_only" = 0 ] && [ "${NST_QUALITY_BUILD:-1}" = 1 ]; then  # NST_QUALITY_BUILD=0: as built
  nice -n 10 mvn -q -B -Dstyle.color=never ${MVN_OFFLINE:--o} -pl nst-cli -am package -DskipTests >&2
fi
version="$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -n 1)"
cp="nst-cli/target/nst-cli-$version.jar:$(printf '%s:' nst-cli/target/lib/*.jar)"
[ -e /usr/lib/x86_64-linux-gnu/libjemalloc.so.2 ] && export LD_PRELOAD=/usr/lib/x86_64-linux-gnu/libjemalloc.so.2

now() { date +%s.%N; }

engine() {  # engine <out.png> <content> <style> <size> [options...]
  local out="$1" c="$2" s="$3" px="$4"; shift 4
  java -Dai.djl.offline=true -cp "$cp" dev.neuralstyle.cli.Main transfer --quiet \
    --content "$c" --style "$s" --size "$px" --weights "$weights" \
    --output "$out" --no-panel --no-gif --no-loss-plot "$@"
}

paint_one() {  # paint_one <recipe> <pair> <size>
  local recipe="$1" pair="$2" px="$3"
  local c="$shared/images/content/${pair%%__*}.jpg" s="$shared/images/style/${pair##*__}.jpg"
  local d="$dir/$px/$pair" out="$dir/$px/$pair/$recipe.png"
  mkdir -p "$d"
  if [ -f "$out" ] && [ "$force" = 0 ]; then return; fi
  echo "painting $px $pair $recipe" >&2
  local t0 t1 evals
  t0="$(now)"
  case "$recipe" in
    ours) engine "$d/ours-run.png" "$c" "$s" "$px" "${ours_extra[@]}" ;;
    engine-simple40)
      # the reference's mean-form TV is < 1% of its loss: left out, as in issue 12
      engine "$d/$recipe-run.png" "$c" "$s" "$px" --scales "$px" --loss-form mean \
        --content-weight 1 --style-weight 3000 --tv-weight 0 --pooling avg --init content \
        --iterations 200 --tolerance 0 --lbfgs-history 100 ;;
    engine-jcjohnson)
      # jcjohnson's 100 per layer (3 layers, ours sum to 1), its TV is 1/2 of our sum; grey start
      engine "$d/$recipe-run.png" "$c" "$s" "$px" --scales "$px" --loss-form mean \
        --content-weight 5 --style-weight 300 --tv-form l2 --tv-weight 5e-4 --pooling max \
        --init gray --iterations "$jcj_evals" --tolerance 0 --lbfgs-history 100 ;;
    torch-simple40|torch-jcjohnson)
      local budget=0; [ "$recipe" = torch-jcjohnson ] && budget="$jcj_evals"
      /usr/bin/python3 bench/reference.py paint --recipe "${recipe#torch-}" --content "$c" \
        --style "$s" --size "$px" --weights "$weights" --evals "$budget" \
        --out "$d/$recipe-run.png" > "$d/$recipe.log" ;;
    *) echo "unknown recipe $recipe" >&2; exit 2 ;;
  esac
  t1="$(now)"
  case "$recipe" in
    torch-*) evals="$(sed -n 's/^RESULT //p' "$d/$recipe.log" | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["evals"])')" ;;
    *) evals="$(/usr/bin/python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["result"]["evaluations"])' "$d/$recipe-run.json")"
       mv "$d/$recipe-run.json" "$d/$recipe-record.json" ;;
  esac
  mv "$d/$recipe-run.png" "$out"
  printf '{"wall": %s, "evals": %s}\n' "$(echo "$t1 - $t0" | bc -l)" "$evals" > "$d/$recipe.json"
}

if [ "$measure_only" = 0 ]; then
  IFS=, read -r -a size_list <<<"$sizes"
  IFS=, read -r -a pair_list <<<"$pairs"
  for px in "${size_list[@]}"; do
    list="$recipes"; [ "$px" -ge 512 ] && list="$recipes512"
    IFS=, read -r -a recipe_list <<<"$list"
    for pair in "${pair_list[@]}"; do
      for recipe in "${recipe_list[@]}"; do
        paint_one "$recipe" "$pair" "$px"
      done
    done
  done
fi

/usr/bin/python3 bench/quality.py --dir "$dir" --weights "$weights" --shared "$shared" \
  --recipes "$(echo "$recipes,$recipes512" | tr ',' '\n' | awk '!seen[$0]++' | paste -sd,)"
