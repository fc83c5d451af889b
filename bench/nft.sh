#!/usr/bin/env bash
# ipt's nf_tables backend vs iptables-nft 1.8.9; see bench/README.md.
#
# Every measurement runs in a fresh network namespace of its own (unshare
# -n), loaded first (untimed) by the real iptables-nft-restore, with a
# private XTABLES_LOCKFILE: the host firewall is never touched. The two
# sides alternate, measurement by measurement, and which goes first
# alternates too.
#
#   bash bench/nft.sh                       # as root; a few minutes
#   BENCH_FULL=1 bash bench/nft.sh          # every mix at 50k, 10 rounds
#   BENCH_SCALE=0.1 BENCH_ROUNDS=3 ...      # quick run
#   BENCH_STRACE=1 ...                      # add strace -c syscall counts
#   IPT_BIN=/usr/sbin/xtables-nft-multi ... # check the harness: ratios ~1
#   BENCH_STRICT=1 ...                      # exit 1 when a goal is missed
set -euo pipefail

self=$(readlink -f "${BASH_SOURCE[0]}")
top=$(cd "$(dirname "$self")/.." && pwd)
ORACLE=/usr/sbin

if [ "$(id -u)" -ne 0 ]; then
	echo "bench: run as root (network namespaces, nf_tables)" >&2
	exit 1
fi

# ---- sizes ---------------------------------------------------------------
scale=${BENCH_SCALE:-1}
if ! awk -v s="$scale" 'BEGIN { exit !(s + 0 > 0 && s + 0 <= 4) }'; then
	echo "bench: BENCH_SCALE must be a number in (0, 4], not '$scale'" >&2
	exit 1
fi
count() { awk -v s="$scale" -v n="$1" -v min="${2:-1}" \
	'BEGIN { v = int(n * s + 0.5); print (v < min ? min : v) }'; }
full=${BENCH_FULL:-0}
ROUNDS=${BENCH_ROUNDS:-$([ "$full" = 1 ] && echo 10 || echo 5)}
if ! [ "$ROUNDS" -ge 1 ] 2>/dev/null; then
	echo "bench: BENCH_ROUNDS must be a positive integer" >&2
	exit 1
fi
N10=$(count 10000 100)  # "10k" rules
N50=$(count 50000 500)  # "50k" rules
N_OPS=$(count 20)       # -C and -D near the end of the chain
N_SEQ=$(count 1000)     # separate -A processes
N_NF=$(count 1300 13)   # --noflush commands
LIST_REPEAT=$(count 5)  # -L, -S
SAVE_REPEAT=$(count 2)  # save
MIXES="ports addrs ct mpreject kube v6"
MIXES50="ports kube"
[ "$full" != 1 ] || MIXES50=$MIXES

# ---- binaries ------------------------------------------------------------
ipt_bin=${IPT_BIN:-src/ipt}
case $ipt_bin in /*) ;; *) ipt_bin=$top/$ipt_bin ;; esac
for f in "$ipt_bin" "$ORACLE/iptables-nft" "$ORACLE/iptables-nft-restore" \
	"$ORACLE/iptables-nft-save" "$ORACLE/ip6tables-nft-restore"; do
	if [ ! -x "$f" ]; then
		echo "bench: $f: not found or not executable" >&2
		exit 1
	fi
done
ipt_bin=$(readlink -f "$ipt_bin")
tmp=$(mktemp -d /tmp/ipt-nftbench.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
host_before=$(nft list ruleset 2>&1 || true)

cc -O2 -o "$tmp/runcmds" "$top/bench/runcmds.c"
cc -O2 -o "$tmp/nftfloor" "$top/bench/nftfloor.c" -lnftnl -lmnl
mkdir "$tmp/bin" "$tmp/ipt" "$tmp/nft" "$tmp/floor"
cp "$ipt_bin" "$tmp/bin/ipt.bin" # a rebuild during the run changes nothing
declare -A PROG
for name in iptables-nft ip6tables-nft iptables-nft-save ip6tables-nft-save \
	iptables-nft-restore ip6tables-nft-restore; do
	ln -s ipt.bin "$tmp/bin/$name"
	PROG[ipt.$name]=$tmp/bin/$name PROG[nft.$name]=$ORACLE/$name
done

# ---- workloads -----------------------------------------------------------
gen() { bash "$top/bench/gen-rules.sh" "$@"; }
gen big "$N10" >"$tmp/big.rules"
printf '*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n:bench - [0:0]\nCOMMIT\n' \
	>"$tmp/empty.rules"
for m in $MIXES; do
	gen "$m" "$N10" >"$tmp/$m.$N10.rules"
	echo "$tmp/$m.$N10.rules" >"$tmp/R.$m.$N10.cmds"
done
for m in $MIXES50; do
	gen "$m" "$N50" >"$tmp/$m.$N50.rules"
	echo "$tmp/$m.$N50.rules" >"$tmp/R.$m.$N50.cmds"
done
[ -f "$tmp/ports.$N50.rules" ] || gen ports "$N50" >"$tmp/ports.$N50.rules"
gen noflush "$N_NF" "$N10" >"$tmp/noflush.rules"
echo "--noflush $tmp/noflush.rules" >"$tmp/NF.cmds"
echo "-L -n -v -x" >"$tmp/L.cmds"
echo "-S" >"$tmp/S.cmds"
echo >"$tmp/save.cmds" # a bare save
# -C / -D: the last N_OPS rules of the chain, from the end backwards
awk -v n="$N_OPS" -v big="$N10" 'BEGIN { for (j = 0; j < n && j < big; j++) {
	k = big - 1 - j
	printf "bench -s 10.%d.%d.%d/32 -p tcp -m tcp --dport %d -j ACCEPT\n",
		1 + int(k / 62500), int(k / 250) % 250, k % 250 + 1, 1024 + k % 60000 } }' \
	>"$tmp/near-end"
sed 's/^/-C /' "$tmp/near-end" >"$tmp/C.cmds"
sed 's/^/-D /' "$tmp/near-end" >"$tmp/D.cmds"
awk -v n="$N_SEQ" 'BEGIN { for (i = 0; i < n; i++)
	printf "-A bench -s 10.0.%d.%d -p tcp --dport %d -j ACCEPT\n",
		int(i / 250) % 256, i % 250 + 1, 1024 + i }' >"$tmp/A.cmds"

# ---- measuring -----------------------------------------------------------
# One measurement: in a fresh namespace, load SETUP with the real
# iptables-nft-restore (or ip6tables-, by FAM), run CMDS through runcmds as
# TOOL of SIDE, and, when CHECK is not "-", save the result there.
inns() { # SIDE SETUP FAM TOOL CMDS REPEAT CHECK
	local side=$1 setup=$2 fam=$3 tool=$4 cmds=$5 repeat=$6 check=$7 prog
	prog=${PROG[$side.$tool]}
	unshare -n -- env XTABLES_LOCKFILE="$tmp/$side.lock" bash -c '
		set -e
		[ "$1" = - ] || "$2-restore" "$1"
		"$3" "$4" "$5" - "$6" "$7" "$7"
		[ "$8" = - ] || { "$2-save" | grep -v "^#" >"$8"; }
		# empty the namespace now, untimed: left to the kernel, its
		# teardown would run during the next measurement
		nft flush ruleset
	' _ "$setup" "$ORACLE/$fam" "$tmp/runcmds" "$cmds" "$repeat" \
		"$tmp/$side.lock" "$prog" "$check"
}
nmeasure=0
errors=0
measure() { # KEY ROUND SETUP FAM TOOL CMDS REPEAT
	local key=$1 round=$2 side check out
	local order="nft ipt"
	# alternate within a round and, for the same row, from round to round
	[ $(((nmeasure++ + round) % 2)) = 0 ] || order="ipt nft"
	for side in $order; do
		check=-
		[ "$round" != 1 ] || check=$tmp/$side/$key.save
		out=$(inns "$side" "$3" "$4" "$5" "$tmp/$6.cmds" "$7" "$check")
		echo "$key $round $out" >>"$tmp/$side/results"
	done
	if [ "$round" = 1 ] && ! cmp -s "$tmp/nft/$key.save" "$tmp/ipt/$key.save"; then
		echo >&2
		echo "ERROR: $key: the two sides left different rulesets (< iptables-nft, > ipt):" >&2
		diff "$tmp/nft/$key.save" "$tmp/ipt/$key.save" | head -n 10 >&2 || true
		errors=$((errors + 1))
	fi
}
# The floor of a restore: the same rules, captured once from a namespace
# that iptables-nft-restore loaded, sent as one prebuilt batch.
capture() { # MIXFILE FAM CAPFILE
	unshare -n -- env XTABLES_LOCKFILE="$tmp/floor.lock" bash -c \
		'"$1-restore" "$2" && "$3" capture "$4"' _ "$ORACLE/$2" "$1" \
		"$tmp/nftfloor" "$3"
}
floor_restore() { # KEY ROUND CAPFILE
	echo "$1 $2 $(unshare -n -- sh -c '"$0" restore "$1" && nft flush ruleset' \
		"$tmp/nftfloor" "$3" | cut -d' ' -f1)" \
		>>"$tmp/floor/results"
}
floor_dump() { # KEY ROUND SETUP REPEAT: REPEAT raw GETRULE dumps, summed
	echo "$1 $2 $(unshare -n -- env XTABLES_LOCKFILE="$tmp/floor.lock" bash -c '
		"$1" "$2" && for _ in $(seq "$3"); do "$4" dump ip; done
		nft flush ruleset' _ \
		"$ORACLE/iptables-nft-restore" "$3" "$4" "$tmp/nftfloor" |
		awk '{ s += $1 } END { printf "%.6f", s }')" >>"$tmp/floor/results"
}
fam_of() { [ "$1" = v6 ] && echo ip6tables-nft || echo iptables-nft; }

# ---- run -----------------------------------------------------------------
echo "ipt nf_tables benchmark: scale $scale (restores of $N10 and $N50 rules," \
	"$N_OPS -C/-D, $N_SEQ -A, $N_NF --noflush commands), median of $ROUNDS rounds"
echo "  ipt = $ipt_bin (as iptables-nft, -save, -restore, ip6tables-nft-*)"
echo "  nft = $ORACLE/iptables-nft ($("$ORACLE/iptables-nft" -V 2>&1))"
echo "  $(nproc) cores, kernel $(uname -r); every measurement in a fresh unshare -n namespace"
for m in $MIXES; do capture "$tmp/$m.$N10.rules" "$(fam_of "$m")" "$tmp/$m.$N10.cap"; done
for m in $MIXES50; do capture "$tmp/$m.$N50.rules" "$(fam_of "$m")" "$tmp/$m.$N50.cap"; done
# warm-up, not measured: page cache, loader, kernel modules
measure warm 0 - iptables-nft iptables-nft-restore "R.ports.$N10" 1

for round in $(seq "$ROUNDS"); do
	printf 'round %d/%d:' "$round" "$ROUNDS"
	for m in $MIXES; do
		printf ' %s' "$m"
		f=$(fam_of "$m")
		measure "R.$m.$N10" "$round" - "$f" "$f-restore" "R.$m.$N10" 1
		floor_restore "R.$m.$N10" "$round" "$tmp/$m.$N10.cap"
	done
	for m in $MIXES50; do
		printf ' %s-%s' "$m" "$N50"
		f=$(fam_of "$m")
		measure "R.$m.$N50" "$round" - "$f" "$f-restore" "R.$m.$N50" 1
		floor_restore "R.$m.$N50" "$round" "$tmp/$m.$N50.cap"
	done
	printf ' L'
	measure L "$round" "$tmp/big.rules" iptables-nft iptables-nft L "$LIST_REPEAT"
	floor_dump L "$round" "$tmp/big.rules" "$LIST_REPEAT"
	printf ' C'
	measure C "$round" "$tmp/big.rules" iptables-nft iptables-nft C 1
	printf ' D'
	measure D "$round" "$tmp/big.rules" iptables-nft iptables-nft D 1
	printf ' NF'
	measure NF "$round" "$tmp/big.rules" iptables-nft iptables-nft-restore NF 1
	printf ' A'
	measure A "$round" "$tmp/empty.rules" iptables-nft iptables-nft A 1
	printf ' S'
	measure S "$round" "$tmp/big.rules" iptables-nft iptables-nft S "$LIST_REPEAT"
	printf ' save'
	measure save10 "$round" "$tmp/ports.$N10.rules" iptables-nft iptables-nft-save save "$SAVE_REPEAT"
	measure save50 "$round" "$tmp/ports.$N50.rules" iptables-nft iptables-nft-save save "$SAVE_REPEAT"
	echo
done

# ---- results -------------------------------------------------------------
declare -A T RSS
median() { # FILE: KEY ROUND SECONDS [RSS RAN FAILED] -> KEY MEDIAN MAXRSS RAN FAILED
	awk '$2 != 0' "$1" | sort -k1,1 -k3,3g | awk '
		function flush() {
			if (key != "")
				print key, (n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2), rss, ran, failed
		}
		$1 != key { flush(); key = $1; n = 0; rss = 0; ran = 0; failed = 0 }
		{ v[++n] = $3; if ($4 > rss) rss = $4; ran += $5; failed += $6 }
		END { flush() }'
}
for side in nft ipt floor; do
	while read -r key t rss ran failed; do
		T[$side.$key]=$t RSS[$side.$key]=$rss
		if [ "$side" != floor ] && [ "$failed" -ne 0 ]; then
			echo "ERROR: $side $key: $failed of $ran commands failed" >&2
			errors=$((errors + 1))
		fi
	done < <(median "$tmp/$side/results")
done
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }
le() { awk -v v="$1" -v l="$2" 'BEGIN { exit !(v <= l) }' && echo PASS || echo FAIL; }
misses=0
line() { printf '%-34s %8s %8s %6s %-10s %8s %8s %-5s %8s %6s %6s\n' "$@"; }
row() { # KEY LABEL RATIO-LIMIT
	local key=$1 r g1 g2 fl="-" fi="-" fn="-"
	r=$(ratio "${T[ipt.$key]}" "${T[nft.$key]}")
	g1=$(le "$r" "$3")
	g2=$(le "${RSS[ipt.$key]}" "${RSS[nft.$key]}")
	[ "$g1" = PASS ] || misses=$((misses + 1))
	[ "$g2" = PASS ] || misses=$((misses + 1))
	if [ -n "${T[floor.$key]:-}" ]; then
		fl=$(printf %.3f "${T[floor.$key]}")
		fi=$(ratio "${T[ipt.$key]}" "${T[floor.$key]}")
		fn=$(ratio "${T[nft.$key]}" "${T[floor.$key]}")
	fi
	line "$2" "$(printf %.3f "${T[ipt.$key]}")" "$(printf %.3f "${T[nft.$key]}")" \
		"$r" "<=$3 $g1" "${RSS[ipt.$key]}" "${RSS[nft.$key]}" "$g2" "$fl" "$fi" "$fn"
}
echo
line "" ipt nft ratio "time" "ipt RSS" "nft RSS" RSS floor ipt/ nft/
line measure seconds seconds ipt/nft goal KiB KiB goal seconds floor floor
for m in $MIXES; do row "R.$m.$N10" "restore $N10, $m" 0.9; done
for m in $MIXES50; do row "R.$m.$N50" "restore $N50, $m" 0.9; done
row L "$LIST_REPEAT x -L -n -v -x, $N10 rules" 0.7
row C "$N_OPS x -C near end, $N10 chain" 0.7
row D "$N_OPS x -D near end, $N10 chain" 0.7
row NF "restore --noflush, $N_NF cmds" 0.5
row A "$N_SEQ x -A, empty chain" 1.0
row S "$LIST_REPEAT x -S, $N10 rules" 1.0
row save10 "$SAVE_REPEAT x save, $N10 rules" 1.0
row save50 "$SAVE_REPEAT x save, $N50 rules" 1.0

if [ "${BENCH_STRACE:-0}" = 1 ]; then
	echo
	echo "strace -c (syscalls of one call; calls of the five commonest):"
	for side in nft ipt; do
		for what in restore list; do
			if [ "$what" = restore ]; then
				setup=- args=("${PROG[$side.iptables-nft-restore]}" "$tmp/ports.$N10.rules")
			else
				setup=$tmp/big.rules args=("${PROG[$side.iptables-nft]}" -L -n -v -x)
			fi
			unshare -n -- env XTABLES_LOCKFILE="$tmp/$side.lock" bash -c '
				[ "$1" = - ] || "$2" "$1"
				shift 2; strace -c -f -o "$0" "$@" >/dev/null' \
				"$tmp/$side.$what.strace" "$setup" "$ORACLE/iptables-nft-restore" "${args[@]}"
			printf '  %-4s %-8s %s\n' "$side" "$what" "$(awk '
				$NF == "total" { tot = $4; next }
				$1 ~ /^[0-9.]+$/ && NF >= 5 { n[$NF] = $4 }
				END { printf "total %d:", tot; for (k in n) print n[k], k | "sort -rn | head -5 | tr \"\\n\" \" \"" }' \
				"$tmp/$side.$what.strace")"
		done
	done
fi

echo
host_after=$(nft list ruleset 2>&1 || true)
if [ "$host_before" != "$host_after" ]; then
	echo "ERROR: the host's nft ruleset changed during the run" >&2
	errors=$((errors + 1))
fi
if [ "$errors" -ne 0 ]; then
	echo "bench: $errors ERROR(s): the figures above are not valid" >&2
	exit 1
fi
echo "both sides left identical rulesets in every checked step; host ruleset unchanged; goals missed: $misses"
if [ "${BENCH_STRICT:-0}" = 1 ] && [ "$misses" -ne 0 ]; then
	exit 1
fi
