#!/usr/bin/env bash
# stats.sh [WORKDIR]: one table row per finished Jazzer target of run-all.sh: wall minutes, CPU s,
# executions, exec/s, final cov and ft, corpus, distinct findings (crash-*) and slow units
work="${1:-/tmp/nst-fuzz-run}"; cd "$work"
printf "| target | minutes (wall) | CPU s | executions | exec/s | cov | ft | corpus | findings (distinct) | slow units |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n"
for t in PickleFuzz TorchPthFuzz SafetensorsFuzz KerasH5Fuzz NpyFuzz CaffeFuzz TfGraphFuzz MatFuzz ImageFuzz MaskFuzz; do
  [ -f $t.time ] && grep -q wall $t.time || continue
  wall=$(awk '{print $1}' $t.time); cpu=$(awk '{split($4,a,"+"); print a[1]+a[2]}' $t.time)
  runs=$(grep -a -o 'Done [0-9]* runs' $t.log | tail -n1 | awk '{print $2}')
  last=$(grep -a -E '^#[0-9]+.*cov:' $t.log | tail -n1)
  cov=$(echo "$last" | grep -o 'cov: [0-9]*' | awk '{print $2}'); ft=$(echo "$last" | grep -o 'ft: [0-9]*' | awk '{print $2}')
  corp=$(echo "$last" | grep -o 'corp: [^ ]*' | awk '{print $2}')
  eps=$(grep -a 'average_exec_per_sec' $t.log | tail -n1 | awk '{print $2}')
  crashes=$(ls findings/$t | grep -c '^crash-'); slow=$(ls findings/$t | grep -c '^slow-unit-')
  printf "| %s | %.1f | %.0f | %s | %s | %s | %s | %s | %s | %s |\n" $t $(echo "$wall/60" | bc -l) $cpu "$runs" "$eps" "$cov" "$ft" "$corp" $crashes $slow
done
