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
LEGACY_SAVE=/usr/sbin/iptables-legacy-save

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
LIST_REPEAT=$(count 5) # (c)
# (e), (f), (g): an even number of runs per round, so that each side goes
# first in half of them
N_LONG=$((2 * $(count 3)))  # restores of N_E2 (e)
N_SHORT=$((2 * $(count 5))) # restores of N_E1 (e) and --noflush (f); saves (g)
N_E1=$(count 10000)    # (e)
N_E2=$(count 50000)    # (e) and (g)
N_F=$(count 1300)      # (f), onto the chain of N_BIG
if [ "$N_SEQ" -gt 64000 ] || [ "$N_BIG" -gt 1000000 ] || [ "$N_E2" -gt 1000000 ]; then
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
for f in "$ipt_bin" "$LEGACY" "$LEGACY_RESTORE" "$LEGACY_SAVE"; do
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
# for d, 'iptables-restore' for e-f and 'iptables-save' for g.
mkdir "$tmp/bin"
cp "$ipt_bin" "$tmp/bin/ipt.bin"
for name in iptables ipt iptables-restore iptables-save; do
	ln -s ipt.bin "$tmp/bin/$name"
done

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

# (e) a generated ruleset of N rules: 53 in INPUT (lo, two conntrack rules,
# one jump to each of 50 user chains), the rest spread evenly over the 50
# chains, cycling through 12 kinds of rules: CIDRs of /8 to /32 as -s
# and/or -d, tcp and udp ports, conntrack states, comments with spaces,
# multiport, interfaces, REJECT, LOG and RETURN. It is written the way
# iptables-save prints it, so a save after the restore gives it back.
gen_ruleset() { # N
	awk -v n="$1" 'BEGIN {
	nch = 50
	print "*filter"
	print ":INPUT ACCEPT [0:0]"; print ":FORWARD ACCEPT [0:0]"
	print ":OUTPUT ACCEPT [0:0]"
	for (c = 0; c < nch; c++)
		printf ":svc%02d - [0:0]\n", c
	print "-A INPUT -i lo -j ACCEPT"
	print "-A INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT"
	print "-A INPUT -m conntrack --ctstate INVALID -j DROP"
	for (c = 0; c < nch; c++)
		if (c % 2)
			printf "-A INPUT -s 10.%d.0.0/16 -j svc%02d\n", c, c
		else
			printf "-A INPUT -p tcp -m tcp --dport %d -j svc%02d\n", 1000 + c, c
	m = n - 3 - nch
	for (c = 0; c < nch; c++) {
		cnt = m > 0 ? int(m / nch) + (c < m % nch) : 0
		for (r = 0; r < cnt; r++) {
			i = r * nch + c
			a = int(i / 250) % 250; b = i % 250 + 1
			printf "-A svc%02d ", c
			t = i % 12
			if (t == 0)
				printf "-s 10.%d.%d.%d/32 -d 192.168.%d.0/24 -j ACCEPT\n",
					100 + c, a, b, a
			else if (t == 1)
				printf "-s 172.%d.%d.0/24 -p tcp -m tcp --dport %d -j ACCEPT\n",
					16 + i % 16, a, 1 + i % 65535
			else if (t == 2)
				printf "-p udp -m udp --sport %d -j DROP\n", 1 + 7 * i % 65535
			else if (t == 3)
				printf "-s 10.%d.0.0/16 -p tcp -m conntrack --ctstate NEW -m tcp --dport %d -j ACCEPT\n",
					a, 1024 + i % 60000
			else if (t == 4)
				printf "-s 10.%d.%d.%d/32 -m comment --comment \"host %d of service %d\" -j ACCEPT\n",
					1 + c, a, b, i, c
			else if (t == 5)
				printf "-p tcp -m multiport --dports %d,%d,%d -j ACCEPT\n",
					1 + i % 60000, 2 + i % 60000, 3000 + i % 60000
			else if (t == 6)
				printf "-d 10.%d.%d.0/24 -p tcp -m tcp --dport %d -j REJECT --reject-with tcp-reset\n",
					2 + c, a, 1 + i % 65535
			else if (t == 7)
				printf "-s %d.%d.0.0/12 -j LOG --log-prefix \"drop %d \" --log-level 6\n",
					32 + i % 64, 16 * (i % 16), i
			else if (t == 8)
				printf "-d 10.%d.%d.%d/32 -p udp -m udp --dport %d -m comment --comment \"udp rule %d\" -j REJECT --reject-with icmp-port-unreachable\n",
					3 + c, a, b, 1 + i % 65535, i
			else if (t == 9)
				printf "-s 10.%d.%d.%d/30 -d 10.0.0.0/8 -m conntrack --ctstate RELATED,ESTABLISHED -j RETURN\n",
					4 + c, a, 4 * (b % 60)
			else if (t == 10)
				printf "-s 198.%d.%d.0/23 -p tcp -m multiport --dports 80,443,%d -m comment --comment \"web %d\" -j ACCEPT\n",
					18 + i % 2, 2 * (i % 128), 8000 + i % 1000, i
			else
				printf "-i eth%d -p udp -m udp --dport %d -j REJECT --reject-with icmp-port-unreachable\n",
					i % 4, 1 + i % 65535
		}
	}
	print "COMMIT" }'
}
gen_ruleset "$N_E1" >"$tmp/e1.rules"
gen_ruleset "$N_E2" >"$tmp/e2.rules"
echo "$tmp/e1.rules" >"$tmp/e1.cmds"
echo "$tmp/e2.rules" >"$tmp/e2.cmds"

# (g) the (e) ruleset of N_E2, with counters: rule number i counts
# [i:64*i], so that save -c has counters to print
awk '/^-A/ { i++; printf "[%d:%d] %s\n", i, 64 * i, $0; next } { print }' \
	"$tmp/e2.rules" >"$tmp/g.rules"
echo >"$tmp/gS.cmds" # no argument: a bare iptables-save
echo "-c" >"$tmp/gC.cmds"

# (f) N_F commands for restore --noflush onto the big chain (rules k =
# 0..N_BIG-1), in cycles of 12 or 15: -A, -I and -R of new rules (-I at
# positions spread over the first half of the chain, -R on the rule just
# after the one inserted), two -D by specification of existing rules of
# the second half, -N of a chain, -A of a LOG and a REJECT rule to it, -A
# of a jump to it from INPUT, -E to rename it, -Z of the big chain, -P
# FORWARD; every second cycle the previous cycle's chain goes again (-D of
# its jump, -F, -X). In the first half, before cycle j's -I, the chain
# holds j inserted rules, all at positions below p = 1 + j * step, so the
# -R at p + 1 hits original rule p - 1 - j, which no -D touches.
awk -v n="$N_BIG" -v m="$N_F" '
function out(s) { if (emitted < m) { print s; emitted++ } }
function big(k) { # rule k of the big chain
	return sprintf("-s 10.%d.%d.%d/32 -p tcp -m tcp --dport %d -j ACCEPT",
		1 + int(k / 62500), int(k / 250) % 250, k % 250 + 1, 1024 + k % 60000)
}
BEGIN {
	cyc = int(m / 13.5) + 1; half = int(n / 2)
	step = int(half / cyc); if (step < 2) step = 2
	print "*filter"
	for (j = 0; emitted < m; j++) {
		a = int(j / 250) % 250; b = j % 250 + 1; p = 1 + j * step
		out(sprintf("-A bench -s 10.201.%d.%d/32 -p tcp -m tcp --dport %d -j ACCEPT",
			a, b, 3000 + j % 60000))
		out(sprintf("-I bench %d -s 10.202.%d.%d/32 -m conntrack --ctstate NEW,ESTABLISHED -j ACCEPT",
			p, a, b))
		out(sprintf("-R bench %d -p udp -m udp --sport %d -m comment --comment \"replaced rule %d\" -j DROP",
			p + 1, 1 + j % 65535, j))
		out("-D bench " big(half + int(2 * j * (n - half) / (2 * cyc))))
		out("-D bench " big(half + int((2 * j + 1) * (n - half) / (2 * cyc))))
		out(sprintf("-N nf%d", j))
		out(sprintf("-A nf%d -s 192.168.%d.0/24 -p tcp -m multiport --dports 22,80,%d -j LOG --log-prefix \"nf %d \"",
			j, j % 256, 1000 + j % 60000, j))
		out(sprintf("-A nf%d -p udp -j REJECT --reject-with icmp-host-unreachable", j))
		out(sprintf("-A INPUT -i eth%d -j nf%d", j % 8, j))
		out(sprintf("-E nf%d nfe%d", j, j))
		out("-Z bench")
		out(sprintf("-P FORWARD %s", j % 2 ? "ACCEPT" : "DROP"))
		if (j % 2) {
			out(sprintf("-D INPUT -i eth%d -j nfe%d", (j - 1) % 8, j - 1))
			out(sprintf("-F nfe%d", j - 1))
			out(sprintf("-X nfe%d", j - 1))
		}
	}
	print "COMMIT" }' >"$tmp/f.rules"
echo "--noflush $tmp/f.rules" >"$tmp/f.cmds"
# warm-up: page cache, dynamic loader, kernel modules; not measured
for _ in $(seq 10); do
	echo "-S bench"
	echo "-C bench -s 10.1.0.1 -p tcp --dport 1024 -j ACCEPT"
done >"$tmp/warm.cmds"
echo "$tmp/e1.rules" >"$tmp/warmR.cmds"

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
restore() { # RULESFILE [OPTION]: load it on both sides
	in_ns legacy "$LEGACY_RESTORE" ${2:+"$2"} <"$tmp/$1.rules"
	in_ns ipt "$LEGACY_RESTORE" ${2:+"$2"} <"$tmp/$1.rules"
}
snapshot() { # NAME: both sides' tables, as iptables-legacy reads them
	in_ns legacy "$LEGACY" -S >"$tmp/legacy/$1.S"
	in_ns ipt "$LEGACY" -S >"$tmp/ipt/$1.S"
}
errors=0
same_save() { # STEP [-c]: both sides' tables, as iptables-legacy-save prints
	# them (less its comment lines), must be identical
	local side step=$1
	shift
	for side in legacy ipt; do
		in_ns "$side" "$LEGACY_SAVE" "$@" | grep -v '^#' >"$tmp/$side/save" ||
			true
	done
	if ! cmp -s "$tmp/legacy/save" "$tmp/ipt/save"; then
		echo >&2
		echo "ERROR: after $step the two sides' tables differ (< legacy, > ipt):" >&2
		diff "$tmp/legacy/save" "$tmp/ipt/save" | head -n 10 >&2 || true
		errors=$((errors + 1))
	fi
}
declare -A PROG=(
	[legacy.iptables]=$LEGACY [ipt.iptables]=$tmp/bin/iptables
	[legacy.restore]=$LEGACY_RESTORE [ipt.restore]=$tmp/bin/iptables-restore
	[legacy.save]=$LEGACY_SAVE [ipt.save]=$tmp/bin/iptables-save
)
sides() { # TOOL FIRST SECOND: runcmds' arguments for both sides
	local s
	for s in "$2" "$3"; do
		printf '%s\n' "/proc/${NS[$s]}/ns/net" "$tmp/$s.lock" \
			"${PROG[$s.$1]}" "${PROG[$s.$1]}"
	done
}
nmeasure=0
measure() { # KEY ROUND CMDFILE REPEAT [TOOL]: both sides, interleaved
	# (the side that goes first alternates from one call to the next)
	local key=$1 round=$2 first=legacy second=ipt out args
	if [ $((nmeasure++ % 2)) = 1 ]; then
		first=ipt second=legacy
	fi
	mapfile -t args < <(sides "${5:-iptables}" "$first" "$second")
	out=$("$tmp/runcmds" "$tmp/$3.cmds" "$4" "${args[@]}")
	sed -n "1s/^/$key $round /p" <<<"$out" >>"$tmp/$first/results"
	sed -n "2s/^/$key $round /p" <<<"$out" >>"$tmp/$second/results"
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
	"$N_OPS ops, $LIST_REPEAT listings, restores of $N_E1 and $N_E2," \
	"$N_F --noflush commands), median of $ROUNDS rounds"
echo "  ipt    = $ipt_bin (as 'iptables'; as 'ipt' for d;" \
	"as 'iptables-restore', 'iptables-save' for e-g)"
echo "  legacy = $LEGACY ($("$LEGACY" -V 2>&1))"
echo "  $(nproc) cores, kernel $(uname -r); each side in its own unshare -n namespace"

restore big
mapfile -t args < <(sides iptables legacy ipt)
"$tmp/runcmds" "$tmp/warm.cmds" 1 "${args[@]}" >/dev/null
mapfile -t args < <(sides restore legacy ipt)
"$tmp/runcmds" "$tmp/warmR.cmds" 1 "${args[@]}" >/dev/null
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
	# (e) full restores, each from an empty filter table
	for e in e1 e2; do
		printf ' %s' "$e"
		reps=$N_SHORT
		[ "$e" = e1 ] || reps=$N_LONG
		for _ in $(seq "$reps"); do
			restore none
			measure "$e" "$round" "$e" 1 restore
			same_save "restore of $e.rules"
		done
	done
	# (g) the big ruleset, with counters
	printf ' g'
	restore g -c
	same_save "loading g.rules" -c
	measure gS "$round" gS "$N_SHORT" save
	measure gC "$round" gC "$N_SHORT" save
	if [ "$round" = 1 ]; then # what the two save tools print must agree too
		for opt in "" -c; do
			in_ns legacy "$LEGACY_SAVE" ${opt:+"$opt"} |
				grep -v '^#' >"$tmp/legacy/g$opt" || true
			in_ns ipt "$tmp/bin/iptables-save" ${opt:+"$opt"} |
				grep -v '^#' >"$tmp/ipt/g$opt" || true
			if ! cmp -s "$tmp/legacy/g$opt" "$tmp/ipt/g$opt"; then
				echo >&2
				echo "ERROR: iptables-save $opt output differs (< legacy, > ipt):" >&2
				diff "$tmp/legacy/g$opt" "$tmp/ipt/g$opt" | head -n 10 >&2 || true
				errors=$((errors + 1))
			fi
		done
	fi
	# (f) restore --noflush onto the big chain
	printf ' f'
	for _ in $(seq "$N_SHORT"); do
		restore big
		measure f "$round" f 1 restore
		same_save "restore --noflush of f.rules"
	done
	echo
done

# ---- check both sides did the same, complete work ------------------------
declare -A T RSS
for side in legacy ipt; do
	# per key: median seconds over the rounds, max RSS, commands failed
	while read -r key t rss ran failed; do
		T[$side.$key]=$t RSS[$side.$key]=$rss
		if [ "$failed" -ne 0 ]; then
			echo "ERROR: $side $key: $failed of $ran commands failed" >&2
			errors=$((errors + 1))
		fi
	done < <(awk '{ # sum the calls of one key in one round
			k = $1 " " $2; t[k] += $3; ran[k] += $5; failed[k] += $6
			if ($4 > rss[k]) rss[k] = $4 }
		END { for (k in t) print k, t[k], rss[k], ran[k], failed[k] }' \
		"$tmp/$side/results" | sort -k1,1 -k3,3g | awk '
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
		diff "$tmp/legacy/$snap.S" "$tmp/ipt/$snap.S" | head -n 10 >&2 || true
		errors=$((errors + 1))
	fi
done
if [ "$d_ok" = 1 ] && ! cmp -s "$tmp/legacy/a.S" "$tmp/ipt/d.S"; then
	echo "ERROR: the single ipt call (d) left other rules than legacy's (a):" >&2
	diff "$tmp/legacy/a.S" "$tmp/ipt/d.S" | head -n 10 >&2 || true
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
line() { printf '%-36s %9s %9s %6s %-11s %9s %9s %-8s\n' "$@"; }
row() { # KEY LABEL [RATIO-LIMIT]
	local key=$1 label=$2 max=${3:-1.00} r g1 g2
	r=$(ratio "${T[ipt.$key]}" "${T[legacy.$key]}")
	g1="<=$max $(goal "$r" "<=" "$max")"
	[ "${g1#* }" = ok ] || misses=$((misses + 1))
	g2=$(goal "${RSS[ipt.$key]}" "<=" "${RSS[legacy.$key]}")
	[ "$g2" = ok ] || misses=$((misses + 1))
	line "$label" "$(printf %.3f "${T[ipt.$key]}")" \
		"$(printf %.3f "${T[legacy.$key]}")" "$r" "$g1" \
		"${RSS[ipt.$key]}" "${RSS[legacy.$key]}" "$g2"
}
echo
line "" "ipt" "legacy" "ratio" "time goal" "ipt RSS" "legacy" "RSS goal"
line "measure" "seconds" "seconds" "ipt/lg" "" "KiB" "RSS KiB" "<=legacy"
row a "a  $N_SEQ x -A, empty chain"
row bA "b  $N_OPS x -A, $N_BIG-rule chain"
row bC "b  $N_OPS x -C, $N_BIG-rule chain"
row bD "b  $N_OPS x -D, $N_BIG-rule chain"
row cL "c  $LIST_REPEAT x -L -n -v -x, $N_BIG rules"
row cS "c  $LIST_REPEAT x -S, $N_BIG rules"
row e1 "e  $N_SHORT x restore, $N_E1 rules"
row e2 "e  $N_LONG x restore, $N_E2 rules" 0.70
row f "f  $N_SHORT x restore --noflush, $N_F cmds"
row gS "g  $N_SHORT x save, $N_E2 rules"
row gC "g  $N_SHORT x save -c, $N_E2 rules"
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
