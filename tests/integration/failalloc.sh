#!/bin/bash
# Allocation failure: the n-th allocation of the process fails, for every
# n from 1 to the number of allocations a clean run makes, through
#   a restore (ipt-restore of one table) and
#   a multi-command call (ipt -N web -A INPUT ... -A web ... -P FORWARD DROP)
# in both backends. Each run must either succeed with the whole change
# made (the failure was absorbed), or exit non-zero, not by a signal, with
# a message on stderr and the ruleset as it was before; the xtables lock
# is free afterwards. The failing allocation comes from an LD_PRELOAD shim
# (tests/fault/failalloc.so, built by make check).
#
# Where the message comes from libxtables ("ip[6]tables: malloc failed")
# ipt cannot do better: libxtables' allocators exit on failure.
#
# Everything runs inside one private network namespace (unshare -n) with
# a private XTABLES_LOCKFILE. Skips under sanitizer builds (ASan owns
# malloc). Environment: IPT_BIN; FAILALLOC_SO (the shim).

set -u
export LC_ALL=C
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source-path=SCRIPTDIR source=../lib.sh
. "$here/../lib.sh"

if [ "${FAILALLOC_INNER:-}" = 1 ]; then
	bin=$1 so=$2
	lf=$XTABLES_LOCKFILE
	n=0 pass=0 fail=0
	old_rules=$'*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n:old - [0:0]\n-A INPUT -s 192.0.2.1 -j old\nCOMMIT\n'
	cat >"$bin/new.rules" <<-'RULES'
		*filter
		:INPUT ACCEPT [0:0]
		:FORWARD DROP [0:0]
		:web - [0:0]
		-A INPUT -p tcp --dport 80 -j web
		-A web -s 10.0.0.0/8 -m comment --comment "from inside" -j ACCEPT
		-A web -j LOG --log-prefix "web: "
		COMMIT
	RULES
	reset() {
		if [ "$mode" = legacy ]; then
			iptables-legacy-restore <<<"$old_rules"
		else
			iptables-nft-restore <<<"$old_rules"
		fi
	}
	state() {
		if [ "$mode" = legacy ]; then
			iptables-legacy-save -t filter
		else
			iptables-nft-save -t filter 2>/dev/null
		fi | grep -v '^#'
	}
	run() {         # the scenario's command, stdin from /dev/null
		case $scenario in
		restore) "$bin/ipt-restore" "$bin/new.rules" ;;
		multi) "$bin/ipt" -N web -A INPUT -p tcp --dport 80 -j web \
			-A web -s 10.0.0.0/8 -j ACCEPT -P FORWARD DROP ;;
		esac </dev/null >/dev/null
	}
	for mode in legacy nft; do
		export IPT_BACKEND=$mode
		for scenario in restore multi; do
			name="$mode: $scenario"
			reset
			old=$(state)
			LD_PRELOAD=$so IPT_FAILALLOC_COUNT=$bin/count run 2>"$bin/err"
			rc=$? total=$(cat "$bin/count" 2>/dev/null || echo 0)
			new=$(state)
			n=$((n + 1))
			if [ "$rc" != 0 ] || [ "$total" -lt 10 ] || [ "$new" = "$old" ]; then
				fail=$((fail + 1))
				echo "not ok $n - $name: a clean run (exit $rc, $total allocations)"
				sed 's/^/#   /' "$bin/err"
				continue
			fi
			pass=$((pass + 1))
			echo "ok $n - $name: a clean run makes $total allocations"
			bad=() absorbed=0 refused=0
			for ((i = 1; i <= total; i++)); do
				reset
				LD_PRELOAD=$so IPT_FAILALLOC_N=$i run 2>"$bin/err"
				rc=$?
				now=$(state)
				why=
				if [ "$rc" -ge 128 ]; then
					why="killed by signal $((rc - 128))"
				elif [ "$rc" = 0 ] && [ "$now" != "$new" ]; then
					why="exit 0 but the change is not (all) there"
				elif [ "$rc" != 0 ] && [ "$now" != "$old" ]; then
					why="exit $rc but the table changed"
				elif [ "$rc" != 0 ] && [ ! -s "$bin/err" ]; then
					why="exit $rc without a message"
				elif ! flock -n "$lf" true; then
					why="the lock is still held"
				fi
				if [ -n "$why" ]; then
					bad+=("allocation $i: $why: $(head -c 300 "$bin/err" | tr '\n' '|')")
				elif [ "$rc" = 0 ]; then
					absorbed=$((absorbed + 1))
				else
					refused=$((refused + 1))
				fi
			done
			n=$((n + 1))
			if [ ${#bad[@]} -eq 0 ]; then
				pass=$((pass + 1))
				echo "ok $n - $name: each of $total allocations failing: $refused clean refusals, $absorbed absorbed"
			else
				fail=$((fail + 1))
				echo "not ok $n - $name: ${#bad[@]} of $total failing allocations misbehave"
				printf '#   %s\n' "${bad[@]:0:20}"
			fi
		done
	done
	echo "1..$n"
	echo "$pass passed, $fail failed"
	[ "$fail" -eq 0 ]
	exit
fi

need_netns iptables-legacy-restore iptables-nft-restore flock
FAILALLOC_SO=${FAILALLOC_SO:-$(dirname "$IPT_BIN")/../tests/fault/failalloc.so}
[ -f "$FAILALLOC_SO" ] || skip "$FAILALLOC_SO not built (make check builds it)"
if ldd "$IPT_BIN" | grep -q libasan; then
	skip "a sanitizer build: ASan owns malloc"
fi
FAILALLOC_SO=$(cd "$(dirname "$FAILALLOC_SO")" && pwd)/$(basename "$FAILALLOC_SO")

tmp=$(mktemp -d "${TMPDIR:-/tmp}/failalloc.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
for t in ipt ipt-restore; do
	ln -s "$IPT_BIN" "$tmp/$t"
done
in_netns FAILALLOC_INNER 600 "failalloc test" "$tmp" "$here/failalloc.sh" \
	"$FAILALLOC_SO"
