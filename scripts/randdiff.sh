#!/usr/bin/env bash
# Randomized differential comparison with the real tools: seeded command
# sequences or restore files (scripts/randdiff/gen.py) run through
# iptables-legacy or iptables-nft 1.8.9 and through ipt under the same
# names, each side in a network namespace of its own (unshare -n, private
# XTABLES_LOCKFILE). Per command it compares what the bar asks: stdout
# byte for byte, the exit code and the first line on stderr (ipt may add
# an explaining line after it); then iptables-save -c and, for nf_tables,
# nft list ruleset. Prints each seed that differs and its diff; a tool
# for finding drop-in gaps, not part of make check (seeds that found one
# become difftest cases).
#
# Usage: scripts/randdiff.sh legacy|nft cmds|restore 4|6 FIRST LAST
#        (as root; IPT_BIN as for the tests, default build-test/src/ipt
#        or src/ipt)
set -u
backend=${1:?legacy|nft} kind=${2:?cmds|restore} fam=${3:?4|6}
first=${4:?first seed} last=${5:?last seed}
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source-path=SCRIPTDIR source=../tests/lib.sh
. "$top/tests/lib.sh"
ipt_find_bin
[ -x "$IPT_BIN" ] || { echo "randdiff.sh: no ipt binary at $IPT_BIN" >&2; exit 2; }
[ "$(id -u)" = 0 ] || { echo "randdiff.sh: run as root" >&2; exit 2; }
work=$(mktemp -d /tmp/randdiff.XXXXXX)
trap 'rm -rf "$work"' EXIT

# Both sides under the same names (messages carry the name they ran as).
p=$([ "$fam" = 6 ] && echo ip6tables || echo iptables)
sfx=$([ "$backend" = nft ] && echo -nft || echo -legacy)
mkdir -p "$work/oracle" "$work/ipt"
for tool in "" -save -restore; do
	name=$p$sfx$tool
	printf '#!/bin/bash\nexec -a %s %s "$@"\n' "$name" \
		"$(command -v "$name")" >"$work/oracle/$p$tool"
	printf '#!/bin/bash\nexec -a %s %s "$@"\n' "$name" "$IPT_BIN" \
		>"$work/ipt/$p$tool"
done
chmod +x "$work"/oracle/* "$work"/ipt/*

# side DIR INPUT: the transcript of one side
cat >"$work/side.sh" <<'SIDE'
export PATH=$1:$PATH XTABLES_LOCKFILE=$3/lock.$$
run() {
	echo "\$ $*"
	eval "$@" >"$3/out.$$" 2>"$3/err.$$"
	echo "[rc $?]"
	cat "$3/out.$$"
	echo "[stderr] $(head -n 1 "$3/err.$$")"
}
if [ "$4" = cmds ]; then
	while IFS= read -r line; do run "$line"; done <"$2"
else
	for opts in "" -n -c -t -v; do
		run "$5-restore $opts <$2"
		"$5-save" -c | grep -v '^#'
	done
fi
"$5-save" -c | grep -v '^#'
[ "$6" = nft ] && nft list ruleset
rm -f "$3/out.$$" "$3/err.$$"
SIDE

differ=0
for seed in $(seq "$first" "$last"); do
	python3 "$top/scripts/randdiff/gen.py" "$kind" "$fam" "$seed" \
		>"$work/input"
	for s in oracle ipt; do
		unshare -n bash "$work/side.sh" "$work/$s" "$work/input" "$work" \
			"$kind" "$p" "$backend" >"$work/$s.out" 2>&1
	done
	if ! diff -u "$work/oracle.out" "$work/ipt.out" >"$work/diff"; then
		differ=$((differ + 1))
		echo "== seed $seed differs"
		head -n 40 "$work/diff"
	fi
done
echo "randdiff: $((last - first + 1)) seeds, $differ differ"
[ "$differ" -eq 0 ]
