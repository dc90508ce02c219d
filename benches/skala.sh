#!/usr/bin/env bash
# The scale benchmark of issue 21: generated plans of many areas, and many
# plans in one data folder, each built once with `helhed build --fuld`
# (release build); wall time and peak memory from GNU time. The bundled
# example's own figures are `cargo bench` (benches/build.rs).
#
#   benches/skala.sh            # the sizes of the issue (takes some minutes)
#   benches/skala.sh 20 100     # only these area counts, no multi-plan run
#
# Prints one line per run: what, wall seconds, peak MB, seconds per area.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet --bin helhed --example generer
bin=target/release/helhed
gen=target/release/examples/generer
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

run() { # what, data folder, divisor, its name: prints the table's line
  local what=$1 data=$2 n=$3 per=$4 out="$work/out"
  rm -rf "$out"
  if ! /usr/bin/time -f "%e %M" -o "$work/time" "$bin" build --fuld --hukommelse 16000 --data "$data" --out "$out" \
      >/dev/null 2>"$work/err"; then
    echo "$what: bygningen fejlede" >&2
    cat "$work/err" >&2
    exit 1
  fi
  local secs kb
  read -r secs kb <"$work/time"
  printf '%-34s %8s %8s %12s %s\n' "$what" "$secs" "$((kb / 1024))" \
    "$(awk -v s="$secs" -v n="$n" 'BEGIN { printf "%.4f", s / n }')" "$per"
}

areas=("$@")
[ ${#areas[@]} -gt 0 ] || areas=(20 100 300 1000)
printf '%-34s %8s %8s %12s\n' "kørsel" "tid (s)" "maks MB" "tid pr."
for n in "${areas[@]}"; do
  rm -rf "$work/data"
  "$gen" "$work/data" "$n" 20 12
  run "$n-områder×20-år×12-indikatorer" "$work/data" "$n" "pr. område"
done
if [ $# -eq 0 ]; then
  rm -rf "$work/data"
  "$gen" "$work/data" 4 20 12 250
  run "250-planer×4-områder×20-år" "$work/data" 250 "pr. plan"
fi
