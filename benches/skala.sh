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

run() { # what, data folder
  local what=$1 data=$2 out="$work/out"
  rm -rf "$out"
  /usr/bin/time -f "%e %M" -o "$work/time" "$bin" build --fuld --hukommelse 16000 --data "$data" --out "$out" >/dev/null 2>"$work/err" || {
    echo "$what: bygningen fejlede"; cat "$work/err"; exit 1; }
  read -r secs kb <"$work/time"
  echo "$what $secs $((kb / 1024))"
}

areas=("$@")
[ ${#areas[@]} -gt 0 ] || areas=(20 100 300 1000)
printf '%-34s %8s %8s %12s\n' "kørsel" "tid (s)" "maks MB" "s pr. område"
for n in "${areas[@]}"; do
  rm -rf "$work/data"
  "$gen" "$work/data" "$n" 20 12
  read -r what secs mb < <(run "$n-områder×20-år×12-indikatorer" "$work/data")
  printf '%-34s %8s %8s %12s\n' "$what" "$secs" "$mb" "$(awk -v s="$secs" -v n="$n" 'BEGIN { printf "%.4f", s / n }')"
done
if [ $# -eq 0 ]; then
  rm -rf "$work/data"
  "$gen" "$work/data" 4 20 12 250
  read -r what secs mb < <(run "250-planer×4-områder×20-år" "$work/data")
  printf '%-34s %8s %8s %12s\n' "$what" "$secs" "$mb" "$(awk -v s="$secs" 'BEGIN { printf "%.4f", s / 1000 }')"
fi
