#!/usr/bin/env bash
# ipt vs iptables-legacy benchmark; see bench/README.md.
#
# Each side has its own private network namespace (unshare -n) and its own
# lock file, so the host firewall is never touched and neither side sees the
# other's tables. Both sides start every measurement from the same state,
# loaded with iptables-legacy-restore, and their commands run interleaved
# (bench/runcmds.c), so drifts of the machine hit both alike.
#
#   bash bench/run.sh                      # as root, from anywhere
#   BENCH_SCALE=0.1 bash bench/run.sh      # quick run: 100 instead of 1000, ...
#   BENCH_ROUNDS=5 bash bench/run.sh       # rounds to take the median of (3)
#   IPT_BIN=/path/to/ipt bash bench/run.sh # default: src/ipt of this repo
#   BENCH_STRICT=1 ...                     # exit 1 when a goal is missed
set -euo pipefail

self=$(readlink -f "${BASH_SOURCE[0]}")
top=$(cd "$(dirname "$self")/.." && pwd)

LEGACY=/usr/sbin/iptables-legacy
LEGACY_RESTORE=/usr/sbin/iptables-legacy-restore

if [ "$(id -u)" -ne 0 ]; then
	echo "bench: run as root (network namespaces, iptables)" >&2
	exit 1
fi

# ---- sizes ---------------------------------------------------------------
scale=${BENCH_SCALE:-1}
if ! awk -v s="$scale" 'BEGIN { exit !(s + 0 > 0) }'; then
	echo "bench: BENCH_SCALE must be a positive number, not '$scale'" >&2
	exit 1
fi
count() { awk -v s="$scale" -v n="$1" -v min="${2:-1}" \
	'BEGIN { v = int(n * s + 0.5); print (v < min ? min : v) }'; }
N_SEQ=$(count 1000) # (a) and (d)
N_BIG=$(count 10000 2)
N_OPS=$(count 200)
[ "$N_OPS" -le "$N_BIG" ] || N_OPS=$N_BIG
LIST_REPEAT=$(count 5)
if [ "$N_SEQ" -gt 64000 ] || [ "$N_BIG" -gt 1000000 ]; then
	echo "bench: BENCH_SCALE too large" >&2
	exit 1
fi
ROUNDS=${BENCH_ROUNDS:-3}
if ! [ "$ROUNDS" -ge 1 ] 2>/dev/null; then
	echo "bench: BENCH_ROUNDS must be a positive integer" >&2
	exit 1
fi

# ---- binaries ------------------------------------------------------------
ipt_bin=${IPT_BIN:-src/ipt}
case $ipt_bin in /*) ;; *) ipt_bin=$top/$ipt_bin ;; esac
for f in "$ipt_bin" "$LEGACY" "$LEGACY_RESTORE"; do
	if [ ! -x "$f" ]; then
		echo "bench: $f: not found or not executable" >&2
		[ "$f" != "$ipt_bin" ] || echo "bench: build ipt first, or set IPT_BIN" >&2
		exit 1
	fi
done
ipt_bin=$(readlink -f "$ipt_bin")

declare -A NS
tmp=$(mktemp -d /tmp/ipt-bench.XXXXXX)
cleanup() {
	local pid
	for pid in "${NS[@]}"; do
		kill "$pid" 2>/dev/null || true
		wait "$pid" 2>/dev/null || true
	done
	rm -rf "$tmp"
}
trap cleanup EXIT

cc -O2 -o "$tmp/runcmds" "$top/bench/runcmds.c"

# ipt runs from a private copy (a rebuild during the run can't change it),
# through symlinks named as the brief measures it: 'iptables' for a-c, 'ipt'
# for d.
mkdir "$tmp/bin"
cp "$ipt_bin" "$tmp/bin/ipt.bin"
ln -s ipt.bin "$tmp/bin/iptables"
ln -s ipt.bin "$tmp/bin/ipt"

# ---- workload files ------------------------------------------------------
# (a) distinct rules 10.0.X.Y / port P
awk -v n="$N_SEQ" 'BEGIN { for (i = 0; i < n; i++)
	printf "-A bench -s 10.0.%d.%d -p tcp --dport %d -j ACCEPT\n",
		int(i / 250) % 256, i % 250 + 1, 1024 + i }' >"$tmp/a.cmds"
# (d) the same commands as (a), in one invocation that also creates the chain
{ printf -- '-N bench'; tr '\n' ' ' <"$tmp/a.cmds" | sed 's/^/ /'; echo; } >"$tmp/d.cmds"

# the big chain; rule k: -s 10.A.B.C/32 --dport P
awk -v n="$N_BIG" 'BEGIN {
	print "*filter"
	print ":INPUT ACCEPT [0:0]"; print ":FORWARD ACCEPT [0:0]"
	print ":OUTPUT ACCEPT [0:0]"; print ":bench - [0:0]"
	for (k = 0; k < n; k++)
		printf "-A bench -s 10.%d.%d.%d/32 -p tcp -m tcp --dport %d -j ACCEPT\n",
			1 + int(k / 62500), int(k / 250) % 250, k % 250 + 1, 1024 + k % 60000
	print "COMMIT" }' >"$tmp/big.rules"
builtin_chains=':INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n'
# shellcheck disable=SC2059 # the format is ours
printf "*filter\n$builtin_chains:bench - [0:0]\nCOMMIT\n" >"$tmp/empty.rules"
# shellcheck disable=SC2059
printf "*filter\n${builtin_chains}COMMIT\n" >"$tmp/none.rules"

# (b) -A of new rules; -C and -D of existing ones spread over the chain
awk -v n="$N_OPS" 'BEGIN { for (j = 0; j < n; j++)
	printf "-A bench -s 10.200.%d.%d -p tcp --dport %d -j ACCEPT\n",
		int(j / 250) % 250, j % 250 + 1, 2000 + j }' >"$tmp/bA.cmds"
existing() { # OP OFFSET: N_OPS commands on rules of the big chain
	awk -v op="$1" -v off="$2" -v n="$N_OPS" -v big="$N_BIG" 'BEGIN {
		for (j = 0; j < n; j++) {
			k = int((j + off) * big / n)
			printf "%s bench -s 10.%d.%d.%d -p tcp --dport %d -j ACCEPT\n", op,
				1 + int(k / 62500), int(k / 250) % 250, k % 250 + 1, 1024 + k % 60000
		} }'
}
existing -C 0.5 >"$tmp/bC.cmds"
existing -D 0 >"$tmp/bD.cmds"
# (c)
echo "-L bench -n -v -x" >"$tmp/cL.cmds"
echo "-S bench" >"$tmp/cS.cmds"
# warm-up: page cache, dynamic loader, kernel modules; not measured
for _ in $(seq 10); do
	echo "-S bench"
	echo "-C bench -s 10.1.0.1 -p tcp --dport 1024 -j ACCEPT"
done >"$tmp/warm.cmds"

# ---- the two namespaces --------------------------------------------------
# Each is held open by a sleeping process for the whole run.
for side in legacy ipt; do
	mkdir "$tmp/$side"
	: >"$tmp/$side/results"
	unshare -n sleep 1d &
	NS[$side]=$!
done
for side in legacy ipt; do
	for _ in $(seq 100); do
		[ "$(readlink "/proc/${NS[$side]}/ns/net")" = "$(readlink /proc/self/ns/net)" ] || break
		sleep 0.05
	done
	if [ "$(readlink "/proc/${NS[$side]}/ns/net")" = "$(readlink /proc/self/ns/net)" ]; then
		echo "bench: could not create a network namespace (unshare -n)" >&2
		exit 1
	fi
	nsenter -t "${NS[$side]}" -n ip link set lo up
done
in_ns() { # SIDE CMD...: run CMD in SIDE's namespace with its lock file
	local side=$1
	shift
	nsenter -t "${NS[$side]}" -n -- env XTABLES_LOCKFILE="$tmp/$side.lock" "$@"
}
restore() { # RULESFILE: load it on both sides
	in_ns legacy "$LEGACY_RESTORE" <"$tmp/$1.rules"
	in_ns ipt "$LEGACY_RESTORE" <"$tmp/$1.rules"
}
snapshot() { # NAME: both sides' tables, as iptables-legacy reads them
	in_ns legacy "$LEGACY" -S >"$tmp/legacy/$1.S"
	in_ns ipt "$LEGACY" -S >"$tmp/ipt/$1.S"
}
legacy_side=("/proc/${NS[legacy]}/ns/net" "$tmp/legacy.lock" "$LEGACY" "$LEGACY")
ipt_side=("/proc/${NS[ipt]}/ns/net" "$tmp/ipt.lock" "$tmp/bin/iptables" "$tmp/bin/iptables")
measure() { # KEY ROUND CMDFILE REPEAT: both sides, interleaved
	local key=$1 round=$2 out
	out=$("$tmp/runcmds" "$tmp/$3.cmds" "$4" "${legacy_side[@]}" "${ipt_side[@]}")
	sed -n "1s/^/$key $round /p" <<<"$out" >>"$tmp/legacy/results"
	sed -n "2s/^/$key $round /p" <<<"$out" >>"$tmp/ipt/results"
}

# ---- can this binary take several commands in one call (part d)? --------
d_ok=0
d_why=""
probe=$(in_ns ipt "$tmp/bin/ipt" -N probe -A probe -j ACCEPT -S probe 2>&1) || true
in_ns ipt "$LEGACY_RESTORE" <"$tmp/none.rules"
if printf '%s\n' "$probe" | grep -qx -- '-A probe -j ACCEPT'; then
	d_ok=1
else
	d_why="$ipt_bin does not take several commands under the name 'ipt': $(printf '%s' "$probe" | head -n1)"
fi

# ---- run -----------------------------------------------------------------
echo "ipt benchmark: scale $scale ($N_SEQ sequential -A, chain of $N_BIG," \
	"$N_OPS ops, $LIST_REPEAT listings), median of $ROUNDS rounds"
echo "  ipt    = $ipt_bin (as 'iptables'; as 'ipt' for d)"
echo "  legacy = $LEGACY ($("$LEGACY" -V 2>&1))"
echo "  $(nproc) cores, kernel $(uname -r); each side in its own unshare -n namespace"

restore big
"$tmp/runcmds" "$tmp/warm.cmds" 1 "${legacy_side[@]}" "${ipt_side[@]}" >/dev/null
for round in $(seq "$ROUNDS"); do
	printf 'round %d/%d:' "$round" "$ROUNDS"
	printf ' a'
	restore empty
	measure a "$round" a 1
	[ "$round" != 1 ] || snapshot a
	for op in A C D; do
		printf ' b%s' "$op"
		restore big
		measure "b$op" "$round" "b$op" 1
		[ "$round" != 1 ] || snapshot "b$op"
	done
	printf ' c'
	restore big
	measure cL "$round" cL "$LIST_REPEAT"
	measure cS "$round" cS "$LIST_REPEAT"
	if [ "$d_ok" = 1 ]; then
		printf ' d'
		in_ns ipt "$LEGACY_RESTORE" <"$tmp/none.rules"
		"$tmp/runcmds" "$tmp/d.cmds" 1 "/proc/${NS[ipt]}/ns/net" "$tmp/ipt.lock" \
			"$tmp/bin/ipt" "$tmp/bin/ipt" | sed "s/^/d $round /" >>"$tmp/ipt/results"
		[ "$round" != 1 ] || in_ns ipt "$LEGACY" -S >"$tmp/ipt/d.S"
	fi
	echo
done

# ---- check both sides did the same, complete work ------------------------
errors=0
declare -A T RSS
for side in legacy ipt; do
	# per key: median seconds over the rounds, max RSS, commands failed
	while read -r key t rss ran failed; do
		T[$side.$key]=$t RSS[$side.$key]=$rss
		if [ "$failed" -ne 0 ]; then
			echo "ERROR: $side $key: $failed of $ran commands failed" >&2
			errors=$((errors + 1))
		fi
	done < <(sort -k1,1 -k3,3g "$tmp/$side/results" | awk '
		function flush() {
			if (key != "")
				print key, (n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2), rss, ran, failed
		}
		$1 != key { flush(); key = $1; n = 0; rss = 0; ran = 0; failed = 0 }
		{ v[++n] = $3; if ($4 > rss) rss = $4; ran += $5; failed += $6 }
		END { flush() }')
done
for snap in a bA bC bD; do
	if ! cmp -s "$tmp/legacy/$snap.S" "$tmp/ipt/$snap.S"; then
		echo "ERROR: after $snap the two sides' tables differ (< legacy, > ipt):" >&2
		diff "$tmp/legacy/$snap.S" "$tmp/ipt/$snap.S" | head -n 10 >&2
		errors=$((errors + 1))
	fi
done
if [ "$d_ok" = 1 ] && ! cmp -s "$tmp/legacy/a.S" "$tmp/ipt/d.S"; then
	echo "ERROR: the single ipt call (d) left other rules than legacy's (a):" >&2
	diff "$tmp/legacy/a.S" "$tmp/ipt/d.S" | head -n 10 >&2
	errors=$((errors + 1))
fi

# ---- table ---------------------------------------------------------------
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }
goal() { # VALUE OP LIMIT -> ok | MISS
	if awk -v v="$1" -v l="$3" -v op="$2" 'BEGIN {
		exit !((op == "<=" && v <= l) || (op == ">=" && v >= l)) }'; then
		echo ok
	else
		echo MISS
	fi
}
misses=0
line() { printf '%-34s %9s %9s %6s %-8s %9s %9s %-8s\n' "$@"; }
row() { # KEY LABEL
	local key=$1 label=$2 r g1 g2
	r=$(ratio "${T[ipt.$key]}" "${T[legacy.$key]}")
	g1=$(goal "$r" "<=" 1.0)
	g2=$(goal "${RSS[ipt.$key]}" "<=" "${RSS[legacy.$key]}")
	[ "$g1" = ok ] || misses=$((misses + 1))
	[ "$g2" = ok ] || misses=$((misses + 1))
	line "$label" "$(printf %.3f "${T[ipt.$key]}")" \
		"$(printf %.3f "${T[legacy.$key]}")" "$r" "$g1" \
		"${RSS[ipt.$key]}" "${RSS[legacy.$key]}" "$g2"
}
echo
line "" "ipt" "legacy" "ratio" "goal" "ipt RSS" "legacy" "goal"
line "measure" "seconds" "seconds" "ipt/lg" "<= 1.00" "KiB" "RSS KiB" "<=legacy"
row a "a  $N_SEQ x -A, empty chain"
row bA "b  $N_OPS x -A, $N_BIG-rule chain"
row bC "b  $N_OPS x -C, $N_BIG-rule chain"
row bD "b  $N_OPS x -D, $N_BIG-rule chain"
row cL "c  $LIST_REPEAT x -L -n -v -x, $N_BIG rules"
row cS "c  $LIST_REPEAT x -S, $N_BIG rules"
echo
if [ "$d_ok" = 1 ]; then
	speedup=$(awk -v a="${T[legacy.a]}" -v b="${T[ipt.d]}" 'BEGIN { printf "%.1f", a / b }')
	gd=$(goal "$speedup" ">=" 50)
	[ "$gd" = ok ] || misses=$((misses + 1))
	printf 'd  1 ipt call with %d -A: %.3f s (RSS %s KiB) vs %d iptables-legacy calls (a): %.3f s\n' \
		"$N_SEQ" "${T[ipt.d]}" "${RSS[ipt.d]}" "$N_SEQ" "${T[legacy.a]}"
	printf '   speed-up %sx   (goal >= 50x: %s)\n' "$speedup" "$gd"
else
	echo "d  skipped: $d_why"
fi
echo
if [ "$errors" -ne 0 ]; then
	echo "bench: $errors ERROR(s): the figures above are not valid" >&2
	exit 1
fi
echo "both sides left identical tables after every step; goals missed: $misses"
if [ "${BENCH_STRICT:-0}" = 1 ] && [ "$misses" -ne 0 ]; then
	exit 1
fi
