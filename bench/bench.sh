#!/usr/bin/env bash
# ipt against iptables-legacy, iptables-nft and the floors, on several rule
# mixes and scales; see bench/README.md.
#
#   bash bench/bench.sh                  # as root: 6 mixes x 10k, 50k; ~15 min
#   BENCH_QUICK=1 bash bench/bench.sh    # small scale, 1 round: checks the
#                                        # script works (no goal judged)
#   BENCH_BIG=1 ...                      # ports and kube also at 100k, 200k
#   BENCH_ROUNDS=9 ...                   # rounds to take the median of (5)
#   BENCH_MIXES="ports kube" ...         # a subset of the mixes
#   BENCH_SCALES="10000" ...             # rule counts (10000 50000)
#   BENCH_NFT=0 ...                      # legacy backend only
#   BENCH_IR=0 ...                       # no callgrind instruction counts
#   BENCH_ALL=1 ...                      # then bench/run.sh and bench/nft.sh
#                                        # (single commands, --noflush, -C, -D)
#   IPT_BIN=/path/to/ipt ...             # the binary under test (src/ipt)
#   BENCH_STRICT=1 ...                   # exit 1 when a goal is not met
#
# Every measurement runs in a fresh network namespace (unshare -n) with a
# private XTABLES_LOCKFILE: the host firewall is never read or written.
set -euo pipefail

self=$(readlink -f "${BASH_SOURCE[0]}")
top=$(cd "$(dirname "$self")/.." && pwd)
S=/usr/sbin

if [ "$(id -u)" -ne 0 ]; then
	echo "bench: run as root (network namespaces)" >&2
	exit 1
fi

# ---- configuration -------------------------------------------------------
quick=${BENCH_QUICK:-0}
if [ "$quick" = 1 ]; then
	ROUNDS=${BENCH_ROUNDS:-1}
	SCALES=${BENCH_SCALES:-300}
	LISTN=300
	IR_MIXES=${BENCH_IR_MIXES:-ports}
else
	ROUNDS=${BENCH_ROUNDS:-5}
	SCALES=${BENCH_SCALES:-10000 50000}
	LISTN=10000
	IR_MIXES=${BENCH_IR_MIXES:-ports addrs ct mpreject kube v6}
fi
MIXES=${BENCH_MIXES:-ports addrs ct mpreject kube v6}
BIG_MIXES="ports kube"
BIG_SCALES=""
[ "${BENCH_BIG:-0}" != 1 ] || BIG_SCALES="100000 200000"
NFT=${BENCH_NFT:-1}
IR=${BENCH_IR:-1}
LIST_REPEAT=5
if ! [ "$ROUNDS" -ge 1 ] 2>/dev/null; then
	echo "bench: BENCH_ROUNDS must be a positive integer" >&2
	exit 1
fi
if [ "$IR" = 1 ] && ! command -v valgrind >/dev/null; then
	echo "bench: valgrind not found: no instruction counts (BENCH_IR=0)" >&2
	IR=0
fi
[ "$NFT" = 0 ] || [ -x "$S/iptables-nft-restore" ] || NFT=0

ipt_bin=${IPT_BIN:-src/ipt}
case $ipt_bin in /*) ;; *) ipt_bin=$top/$ipt_bin ;; esac
for f in "$ipt_bin" "$S/iptables-legacy-restore" "$S/iptables-legacy-save"; do
	if [ ! -x "$f" ]; then
		echo "bench: $f: not found or not executable" >&2
		exit 1
	fi
done
ipt_bin=$(readlink -f "$ipt_bin")
tmp=$(mktemp -d /tmp/ipt-bench.XXXXXX)
trap 'rm -rf "$tmp"' EXIT

# ---- programs ------------------------------------------------------------
cc -O2 -o "$tmp/runcmds" "$top/bench/runcmds.c"
cc -O2 -o "$tmp/iptfloor4" "$top/bench/iptfloor.c" -lip4tc
cc -O2 -DFLOOR_V6 -o "$tmp/iptfloor6" "$top/bench/iptfloor.c" -lip6tc
[ "$NFT" = 0 ] || cc -O2 -o "$tmp/nftfloor" "$top/bench/nftfloor.c" -lnftnl -lmnl
mkdir "$tmp/bin" "$tmp/res"
cp "$ipt_bin" "$tmp/bin/ipt.bin" # a rebuild during the run changes nothing
for name in iptables ip6tables iptables-save ip6tables-save iptables-restore \
	ip6tables-restore iptables-nft ip6tables-nft iptables-nft-save \
	ip6tables-nft-save iptables-nft-restore ip6tables-nft-restore; do
	ln -s ipt.bin "$tmp/bin/$name"
done
sides=(ipt legacy lfloor kfloor)
[ "$NFT" = 0 ] || sides+=(iptnft nft nfloor)

# SIDE FAM(4|6) WHAT(restore|list|listS|save) -> the program to run; its
# name selects the tool (ipt, xtables-*-multi and iptfloor read argv[0])
for f in 4 6; do
	for mode in capture restore dump kcapture krestore kdump; do
		ln -s "iptfloor$f" "$tmp/iptfloor$f-$mode"
	done
done
prog() {
	local side=$1 p=iptables f=4
	[ "$2" = 4 ] || p=ip6tables f=6
	case $side.$3 in
	ipt.restore) echo "$tmp/bin/$p-restore" ;;
	ipt.save) echo "$tmp/bin/$p-save" ;;
	ipt.*) echo "$tmp/bin/$p" ;;
	legacy.restore) echo "$S/$p-legacy-restore" ;;
	legacy.save) echo "$S/$p-legacy-save" ;;
	legacy.*) echo "$S/$p-legacy" ;;
	lfloor.restore) echo "$tmp/iptfloor$f-restore" ;;
	lfloor.*) echo "$tmp/iptfloor$f-dump" ;;
	kfloor.restore) echo "$tmp/iptfloor$f-krestore" ;;
	kfloor.*) echo "$tmp/iptfloor$f-kdump" ;;
	iptnft.restore) echo "$tmp/bin/$p-nft-restore" ;;
	iptnft.save) echo "$tmp/bin/$p-nft-save" ;;
	iptnft.*) echo "$tmp/bin/$p-nft" ;;
	nft.restore) echo "$S/$p-nft-restore" ;;
	nft.save) echo "$S/$p-nft-save" ;;
	nft.*) echo "$S/$p-nft" ;;
	esac
}
backend() { case $1 in ipt | legacy | lfloor | kfloor) echo legacy ;; *) echo nft ;; esac; }
fam_of() { [ "$1" = v6 ] && echo 6 || echo 4; }
tool_of() { [ "$1" = 6 ] && echo ip6tables || echo iptables; }

# ---- workloads -----------------------------------------------------------
gen() { bash "$top/bench/gen-rules.sh" "$@"; }
empty_tables() { # the tables of a mix, empty (what a legacy namespace starts from)
	printf '*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\nCOMMIT\n'
	[ "$1" != kube ] ||
		printf '*nat\n:PREROUTING ACCEPT [0:0]\n:INPUT ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n:POSTROUTING ACCEPT [0:0]\nCOMMIT\n'
}
rules_of() { # MIX N: number of "-A" lines
	grep -c '^-A' "$tmp/$1.$2.rules"
}
cases=()
for n in $SCALES; do
	for m in $MIXES; do cases+=("$m.$n"); done
done
for n in $BIG_SCALES; do
	for m in $BIG_MIXES; do
		case " $MIXES " in *" $m "*) cases+=("$m.$n") ;; esac
	done
done
for c in "${cases[@]}"; do
	m=${c%%.*} n=${c#*.}
	gen "$m" "$n" >"$tmp/$c.rules"
	echo "$tmp/$c.rules" >"$tmp/$c.cmds"
	empty_tables "$m" >"$tmp/$c.empty"
done
gen big "$LISTN" >"$tmp/big.rules"
empty_tables big >"$tmp/big.empty"
echo "-L -n -v -x" >"$tmp/L.cmds"
echo "-S" >"$tmp/S.cmds"
echo >"$tmp/save.cmds" # a bare save

# ---- measuring -----------------------------------------------------------
# One measurement, in a fresh namespace: load SETUP (untimed, by the
# legacy or nft oracle; "-": nothing), run CMDS REPEAT times through
# runcmds as SIDE, then (untimed) save the result to CHECK unless it is
# "-", and empty the namespace (legacy: restore CLEAN, the empty tables;
# nft: flush), so that the kernel's teardown of a big table does not land
# in the next measurement.
errors=0
inns() { # SIDE FAM WHAT SETUP CLEAN CMDS REPEAT CHECK -> runcmds' line
	local side=$1 fam=$2 what=$3 setup=$4 clean=$5 cmds=$6 repeat=$7 check=$8
	local t be p
	t=$(tool_of "$fam")
	be=$(backend "$side")
	p=$(prog "$side" "$fam" "$what")
	unshare -n -- env XTABLES_LOCKFILE="$tmp/lock.$side" bash -c '
		set -e
		be=$1 t=$2 setup=$3 clean=$4 check=$5; shift 5
		[ "$setup" = - ] || "/usr/sbin/$t-$be-restore" "$setup"
		"$@"
		if [ "$check" != - ]; then
			"/usr/sbin/$t-$be-save" | grep -v "^#" >"$check" || true
		fi
		if [ "$be" = legacy ]; then
			"/usr/sbin/$t-legacy-restore" "$clean"
		else
			nft flush ruleset
		fi
	' _ "$be" "$t" "$setup" "$clean" "$check" "$tmp/runcmds" "$cmds" \
		"$repeat" - "$tmp/lock.$side" "$p" "$p"
}
# the nf_tables floor times itself (the one sendmsg of the batch, or the
# dump), in a fresh namespace
nfloor_restore() { # CAPFILE
	unshare -n -- sh -c '"$0" restore "$1" && nft flush ruleset' \
		"$tmp/nftfloor" "$1" | awk '{ print $1, 0, 1, 0 }'
}
nfloor_dump() { # SETUP REPEAT FAM
	unshare -n -- env XTABLES_LOCKFILE="$tmp/lock.nfloor" bash -c '
		"$1" "$2" >/dev/null && for _ in $(seq "$3"); do "$4" dump "$5"; done
		nft flush ruleset' _ "$S/$(tool_of "$3")-nft-restore" "$1" "$2" \
		"$tmp/nftfloor" "$([ "$3" = 6 ] && echo ip6 || echo ip)" |
		awk '{ s += $1 } END { printf "%.6f 0 1 0\n", s }'
}
record() { # KEY ROUND SIDE LINE
	echo "$1 $2 $4" >>"$tmp/res/$3"
	set -- $4
	[ "${4:-0}" = 0 ] || {
		echo "ERROR: $3 $1: a command failed" >&2
		errors=$((errors + 1))
	}
}
nmeasure=0
rotate() { # the sides in an order that rotates from call to call
	local i k=$((nmeasure++)) n=${#sides[@]}
	for ((i = 0; i < n; i++)); do echo "${sides[(i + k) % n]}"; done
}
same() { # KEY A B: both checked rulesets must be identical
	if ! cmp -s "$tmp/res/$1.$2.save" "$tmp/res/$1.$3.save"; then
		echo >&2
		echo "ERROR: $1: $2 and $3 left different rulesets (< $2, > $3):" >&2
		diff "$tmp/res/$1.$2.save" "$tmp/res/$1.$3.save" | head -n 10 >&2 || true
		errors=$((errors + 1))
	fi
}
# ---- run -----------------------------------------------------------------
echo "ipt benchmark: restores of ${MIXES// /, } at ${SCALES// /, }" \
	"${BIG_SCALES:+(ports, kube also at ${BIG_SCALES// /, })}; listings of $LISTN rules;" \
	"median of $ROUNDS round(s)"
echo "  ipt    = $ipt_bin"
echo "  legacy = $S/iptables-legacy ($("$S/iptables-legacy" -V 2>&1))"
[ "$NFT" = 0 ] || echo "  nft    = $S/iptables-nft ($("$S/iptables-nft" -V 2>&1))"
echo "  floors = bench/iptfloor.c (libiptc from pre-built entries, one commit" \
	"per table; whole process timed)"
[ "$NFT" = 0 ] || echo "           bench/nftfloor.c (one prebuilt batch; only its sendmsg timed)"
echo "  $(nproc) cores, kernel $(uname -r); every measurement in a fresh unshare -n namespace"

capture() { # CASE FAM
	local c=$1 fam=$2 t tables=filter
	t=$(tool_of "$fam")
	[ "${c%%.*}" != kube ] || tables="filter nat"
	unshare -n -- env XTABLES_LOCKFILE="$tmp/lock.cap" bash -c \
		'"$1" "$2" && "$3" "$2" $4 && "$5" "$2" $4' _ "$S/$t-legacy-restore" \
		"$tmp/$c.rules" "$tmp/iptfloor$fam-capture" "$tables" \
		"$tmp/iptfloor$fam-kcapture"
	if [ "$NFT" = 1 ]; then
		unshare -n -- env XTABLES_LOCKFILE="$tmp/lock.cap" bash -c \
			'"$1" "$2" && "$3" capture "$4"' _ "$S/$t-nft-restore" \
			"$tmp/$c.rules" "$tmp/nftfloor" "$tmp/$c.ncap"
	fi
}
for c in "${cases[@]}"; do capture "$c" "$(fam_of "${c%%.*}")"; done

measure_restore() { # CASE ROUND
	local c=$1 round=$2 fam side check
	fam=$(fam_of "${c%%.*}")
	for side in $(rotate); do
		check=-
		[ "$round" != 1 ] || check=$tmp/res/$c.$side.save
		if [ "$side" = nfloor ]; then
			record "$c" "$round" "$side" "$(nfloor_restore "$tmp/$c.ncap")"
			continue
		fi
		# legacy sides start from the mix's empty tables, nft ones from
		# an empty namespace (as iptables-nft-restore finds it on a host
		# that has never used it)
		if [ "$(backend "$side")" = legacy ]; then
			record "$c" "$round" "$side" "$(inns "$side" "$fam" restore \
				"$tmp/$c.empty" "$tmp/$c.empty" "$tmp/$c.cmds" 1 "$check")"
		else
			record "$c" "$round" "$side" "$(inns "$side" "$fam" restore \
				- - "$tmp/$c.cmds" 1 "$check")"
		fi
	done
	if [ "$round" = 1 ]; then
		same "$c" legacy ipt
		same "$c" legacy lfloor
		same "$c" legacy kfloor
		[ "$NFT" = 0 ] || same "$c" nft iptnft
	fi
}
measure_list() { # KEY WHAT CMDS REPEAT ROUND
	local key=$1 what=$2 cmds=$3 repeat=$4 round=$5 side
	for side in $(rotate); do
		case $side in
		nfloor)
			[ "$what" = list ] || continue
			record "$key" "$round" "$side" "$(nfloor_dump "$tmp/big.rules" "$repeat" 4)"
			;;
		lfloor | kfloor)
			[ "$what" = list ] || continue
			record "$key" "$round" "$side" "$(inns "$side" 4 "$what" \
				"$tmp/big.rules" "$tmp/big.empty" "$tmp/$cmds.cmds" "$repeat" -)"
			;;
		*)
			record "$key" "$round" "$side" "$(inns "$side" 4 "$what" \
				"$tmp/big.rules" "$tmp/big.empty" "$tmp/$cmds.cmds" "$repeat" -)"
			;;
		esac
	done
}
# warm-up, not measured: page cache, loader, kernel modules
for side in ipt legacy; do
	c=${cases[0]}
	inns "$side" "$(fam_of "${c%%.*}")" restore "$tmp/$c.empty" "$tmp/$c.empty" \
		"$tmp/$c.cmds" 1 - >/dev/null
done
for round in $(seq "$ROUNDS"); do
	printf 'round %d/%d:' "$round" "$ROUNDS"
	for c in "${cases[@]}"; do
		printf ' %s' "$c"
		measure_restore "$c" "$round"
	done
	printf ' L S save'
	measure_list L list L "$LIST_REPEAT" "$round"
	measure_list S listS S "$LIST_REPEAT" "$round"
	measure_list save save save "$LIST_REPEAT" "$round"
	echo
done

# ---- user-space instructions (callgrind) ---------------------------------
declare -A IRC
ir_of() { # SIDE FAM WHAT SETUP CLEAN ARG...: instructions of one run
	local side=$1 fam=$2 what=$3 setup=$4 clean=$5 t be p
	shift 5
	t=$(tool_of "$fam")
	be=$(backend "$side")
	p=$(prog "$side" "$fam" "$what")
	unshare -n -- env XTABLES_LOCKFILE="$tmp/lock.ir" bash -c '
		be=$1 t=$2 setup=$3 clean=$4; shift 4
		[ "$setup" = - ] || "/usr/sbin/$t-$be-restore" "$setup" || exit 1
		valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" \
			2>&1 >/dev/null | sed -n "s/.*Collected : //p"
		if [ "$be" = legacy ]; then
			"/usr/sbin/$t-legacy-restore" "$clean"
		else
			nft flush ruleset
		fi
	' _ "$be" "$t" "$setup" "$clean" "$p" "$@"
}
if [ "$IR" = 1 ]; then
	echo "instruction counts (callgrind, one run each):"
	for c in "${cases[@]}"; do
		m=${c%%.*} n=${c#*.}
		case " $IR_MIXES " in *" $m "*) ;; *) continue ;; esac
		[ "$n" = "${SCALES%% *}" ] || continue
		fam=$(fam_of "$m")
		for side in ipt legacy lfloor kfloor; do
			IRC[$c.$side]=$(ir_of "$side" "$fam" restore "$tmp/$c.empty" \
				"$tmp/$c.empty" "$tmp/$c.rules")
		done
		if [ "$NFT" = 1 ]; then
			for side in iptnft nft; do
				IRC[$c.$side]=$(ir_of "$side" "$fam" restore - - "$tmp/$c.rules")
			done
		fi
		printf '  %s done\n' "$c"
	done
	for side in ipt legacy lfloor kfloor; do
		IRC[L.$side]=$(ir_of "$side" 4 list "$tmp/big.rules" "$tmp/big.empty" -L -n -v -x)
	done
fi

# ---- results -------------------------------------------------------------
declare -A T RSS
for side in "${sides[@]}"; do
	[ -f "$tmp/res/$side" ] || continue
	# per key: median seconds over the rounds, peak RSS
	while read -r key t rss; do
		T[$key.$side]=$t RSS[$key.$side]=$rss
	done < <(sort -k1,1 -k3,3g "$tmp/res/$side" | awk '
		function flush() {
			if (key != "")
				print key, (n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2), rss
		}
		$1 != key { flush(); key = $1; n = 0; rss = 0 }
		{ v[++n] = $3; if ($4 > rss) rss = $4 }
		END { flush() }')
done
ratio() { awk -v a="${1:-}" -v b="${2:-}" 'BEGIN { if (a != "" && b > 0) printf "%.2f", a / b; else print "-" }'; }
secs() { [ -n "${1:-}" ] && printf %.3f "$1" || echo -; }
: >"$tmp/goals"
judge() { # VALUE LIMIT -> met | NOT-met (noted in $tmp/goals: judge runs
	# in a subshell); "-" when not judged
	if [ "$quick" = 1 ] || [ "$1" = - ]; then
		echo "-"
	elif awk -v v="$1" -v l="$2" 'BEGIN { exit !(v <= l) }'; then
		echo met | tee -a "$tmp/goals"
	else
		echo NOT-met | tee -a "$tmp/goals"
	fi
}
line() { printf '%-18s %7s %7s %7s %7s %6s %6s %6s %-12s %7s %7s\n' "$@"; }
echo
echo "legacy backend: seconds (median), ratios; floor = libiptc from pre-built"
echo "entries (iptfloor), kfloor = the kernel alone (a pre-built blob, one"
echo "IPT_SO_SET_REPLACE: iptfloor-krestore); goal ipt/floor <= 1.2 (restores)"
line "" ipt legacy floor kfloor ipt/ ipt/ ipt/ goal "ipt RSS" "legacy"
line "restore" s s s s legacy floor kfloor "<=1.2 floor" KiB "RSS KiB"
for c in "${cases[@]}"; do
	rf=$(ratio "${T[$c.ipt]:-}" "${T[$c.lfloor]:-}")
	line "$c" "$(secs "${T[$c.ipt]:-}")" "$(secs "${T[$c.legacy]:-}")" \
		"$(secs "${T[$c.lfloor]:-}")" "$(secs "${T[$c.kfloor]:-}")" \
		"$(ratio "${T[$c.ipt]:-}" "${T[$c.legacy]:-}")" "$rf" \
		"$(ratio "${T[$c.ipt]:-}" "${T[$c.kfloor]:-}")" \
		"$(judge "$rf" 1.2)" "${RSS[$c.ipt]:-}" "${RSS[$c.legacy]:-}"
done
rf=$(ratio "${T[L.ipt]:-}" "${T[L.lfloor]:-}")
line "$LIST_REPEAT x -L -n -v -x" "$(secs "${T[L.ipt]:-}")" "$(secs "${T[L.legacy]:-}")" \
	"$(secs "${T[L.lfloor]:-}")" "$(secs "${T[L.kfloor]:-}")" \
	"$(ratio "${T[L.ipt]:-}" "${T[L.legacy]:-}")" "$rf" \
	"$(ratio "${T[L.ipt]:-}" "${T[L.kfloor]:-}")" \
	"<=1.15:$(judge "$rf" 1.15)" "${RSS[L.ipt]:-}" "${RSS[L.legacy]:-}"
for k in S save; do
	rl=$(ratio "${T[$k.ipt]:-}" "${T[$k.legacy]:-}")
	line "$LIST_REPEAT x $k" "$(secs "${T[$k.ipt]:-}")" "$(secs "${T[$k.legacy]:-}")" \
		- - "$rl" - - "lg<=1:$(judge "$rl" 1.0)" "${RSS[$k.ipt]:-}" "${RSS[$k.legacy]:-}"
done
if [ "$NFT" = 1 ]; then
	echo
	echo "nf_tables backend: ipt as iptables-nft-restore etc. against iptables-nft;" \
		"floor: nftfloor (kernel batch only)"
	line "" ipt nft floor - ipt/ ipt/ - goal "ipt RSS" "nft RSS"
	line "restore" s s s - nft floor - "<=0.9 nft" KiB KiB
	for c in "${cases[@]}" L S save; do
		rn=$(ratio "${T[$c.iptnft]:-}" "${T[$c.nft]:-}")
		lim=0.9
		[ "$c" != L ] || lim=0.7
		[ "$c" != S ] && [ "$c" != save ] || lim=1.0
		label=$c
		[ "$c" != L ] || label="$LIST_REPEAT x -L -n -v -x"
		[ "$c" != S ] && [ "$c" != save ] || label="$LIST_REPEAT x $c"
		line "$label" "$(secs "${T[$c.iptnft]:-}")" "$(secs "${T[$c.nft]:-}")" \
			"$(secs "${T[$c.nfloor]:-}")" - "$rn" \
			"$(ratio "${T[$c.iptnft]:-}" "${T[$c.nfloor]:-}")" - \
			"<=$lim:$(judge "$rn" "$lim")" "${RSS[$c.iptnft]:-}" "${RSS[$c.nft]:-}"
	done
fi
if [ "$IR" = 1 ]; then
	echo
	echo "user-space instructions per rule (callgrind; above floor = (ipt - floor) / rules; goal <= 5000)"
	printf '%-16s %9s %9s %9s %9s %9s %9s %11s %-8s\n' case ipt legacy floor kfloor ipt-nft nft "ipt-floor" goal
	for c in "${cases[@]}"; do
		[ -n "${IRC[$c.ipt]:-}" ] || continue
		m=${c%%.*} n=${c#*.}
		r=$(rules_of "$m" "$n")
		per() { [ -n "${1:-}" ] && awk -v a="$1" -v r="$r" 'BEGIN { printf "%d", a / r }' || echo -; }
		above=$(awk -v a="${IRC[$c.ipt]}" -v f="${IRC[$c.lfloor]}" -v r="$r" \
			'BEGIN { printf "%d", (a - f) / r }')
		printf '%-16s %9s %9s %9s %9s %9s %9s %11s %-8s\n' "$c" \
			"$(per "${IRC[$c.ipt]}")" "$(per "${IRC[$c.legacy]}")" \
			"$(per "${IRC[$c.lfloor]}")" "$(per "${IRC[$c.kfloor]:-}")" \
			"$(per "${IRC[$c.iptnft]:-}")" \
			"$(per "${IRC[$c.nft]:-}")" "$above" "$(judge "$above" 5000)"
	done
	printf '%-16s %9s %9s %9s %9s   (-L -n -v -x of %d rules, per rule)\n' L \
		"$(awk -v a="${IRC[L.ipt]}" -v r="$LISTN" 'BEGIN { printf "%d", a / r }')" \
		"$(awk -v a="${IRC[L.legacy]}" -v r="$LISTN" 'BEGIN { printf "%d", a / r }')" \
		"$(awk -v a="${IRC[L.lfloor]}" -v r="$LISTN" 'BEGIN { printf "%d", a / r }')" \
		"$(awk -v a="${IRC[L.kfloor]}" -v r="$LISTN" 'BEGIN { printf "%d", a / r }')" "$LISTN"
fi
echo
if [ "$errors" -ne 0 ]; then
	echo "bench: $errors ERROR(s): the figures above are not valid" >&2
	exit 1
fi
if [ "$quick" = 1 ]; then
	echo "quick run: every side left the same rulesets; no goal judged"
else
	met=$(grep -c '^met' "$tmp/goals" || true)
	notmet=$(grep -c '^NOT' "$tmp/goals" || true)
	echo "every side left the same rulesets; goals met: $met, not met: $notmet"
fi
if [ "${BENCH_ALL:-0}" = 1 ] && [ "$quick" != 1 ]; then
	echo
	IPT_BIN=$ipt_bin bash "$top/bench/run.sh"
	[ "$NFT" = 0 ] || IPT_BIN=$ipt_bin bash "$top/bench/nft.sh"
fi
if [ "${BENCH_STRICT:-0}" = 1 ] && grep -q '^NOT' "$tmp/goals"; then
	exit 1
fi
