#!/bin/bash
# SIGKILL at random points of ipt-restore: while it reads its input (fed
# slowly through a pipe), while it parses, while it commits. After each
# kill every table must be exactly the old one or exactly the new one
# (tables commit one by one, so a restore of three tables may stop
# between two of them, but never inside one), and the xtables lock must
# be free. Both backends; the kill times are spread over a clean run's
# duration.
#
# Everything runs inside one private network namespace (unshare -n) with
# a private XTABLES_LOCKFILE.
# Environment: IPT_BIN; KILL_TRIALS (per backend and feeding, default 25).

set -u
export LC_ALL=C
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source-path=SCRIPTDIR source=../lib.sh
. "$here/../lib.sh"

if [ "${KILL_INNER:-}" = 1 ]; then
	bin=$1
	trials=${KILL_TRIALS:-25}
	lf=$XTABLES_LOCKFILE
	tables=(filter nat mangle)
	n=0 pass=0 fail=0

	# old: a little in each table; new: thousands of rules
	{
		for t in "${tables[@]}"; do
			echo "*$t"
			echo ":old - [0:0]"
			for ((i = 0; i < 20; i++)); do
				echo "-A old -s 192.0.2.$i -j RETURN"
			done
			echo COMMIT
		done
	} >"$bin/old.rules"
	{
		for t in "${tables[@]}"; do
			echo "*$t"
			for c in a b c d; do
				echo ":new-$c - [0:0]"
			done
			chains=(a b b b)
			for ((i = 0; i < 1500; i++)); do
				echo "-A new-${chains[i % 4]} -s 10.$((i / 250)).$((i % 250)).1 -p tcp --dport $((i % 1000 + 1)) -j ACCEPT"
			done
			echo "-A new-a -j new-c"
			echo COMMIT
		done
	} >"$bin/new.rules"
	head -c "$(($(wc -c <"$bin/new.rules") / 2))" "$bin/new.rules" >"$bin/new.head"
	tail -c +"$(($(wc -c <"$bin/new.rules") / 2 + 1))" "$bin/new.rules" >"$bin/new.tail"

	for mode in legacy nft; do
		export IPT_BACKEND=$mode
		reset() {
			local t
			if [ $mode = legacy ]; then
				iptables-legacy-restore <"$bin/old.rules"
			else
				nft flush ruleset
				iptables-nft-restore <"$bin/old.rules"
			fi
		}
		save() {        # save TABLE: the table without comments or counters
			if [ $mode = legacy ]; then
				iptables-legacy-save -t "$1"
			else
				iptables-nft-save -t "$1" 2>/dev/null
			fi | grep -v '^#' | sed 's/\[[0-9]*:[0-9]*\]//'
		}
		# the two states each table may be in
		reset
		for t in "${tables[@]}"; do
			save "$t" >"$bin/old.$t"
		done
		start=$EPOCHREALTIME
		"$bin/ipt-restore" "$bin/new.rules"
		rc=$?
		ms=$(awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%d", (b - a) * 1000 }')
		for t in "${tables[@]}"; do
			save "$t" >"$bin/new.$t"
		done
		n=$((n + 1))
		if [ "$rc" != 0 ] || cmp -s "$bin/old.filter" "$bin/new.filter"; then
			fail=$((fail + 1))
			echo "not ok $n - $mode: a clean restore (exit $rc)"
			continue
		fi
		pass=$((pass + 1))
		echo "ok $n - $mode: a clean restore of $(wc -l <"$bin/new.rules") lines takes ${ms} ms"
		for feed in file pipe; do
			bad=() outcomes=
			declare -A seen=()
			for ((k = 0; k < trials; k++)); do
				reset
				# up to 1.2 x a clean run; a slow pipe adds 100 ms
				delay=$((RANDOM % (ms * 12 / 10 + 1)))
				if [ $feed = pipe ]; then
					delay=$((RANDOM % (ms * 12 / 10 + 100 + 1)))
					{ cat "$bin/new.head"; sleep 0.1; cat "$bin/new.tail"; } |
						"$bin/ipt-restore" 2>/dev/null &
				else
					"$bin/ipt-restore" "$bin/new.rules" 2>/dev/null &
				fi
				pid=$!
				sleep "$(awk -v d="$delay" 'BEGIN { printf "%.3f", d / 1000 }')"
				kill -KILL "$pid" 2>/dev/null
				wait "$pid" 2>/dev/null
				wait
				state=
				for t in "${tables[@]}"; do
					save "$t" >"$bin/now.$t"
					if cmp -s "$bin/now.$t" "$bin/old.$t"; then
						state+=o
					elif cmp -s "$bin/now.$t" "$bin/new.$t"; then
						state+=n
					else
						state+=X
						bad+=("kill after ${delay} ms: table $t is neither old nor new: $(diff "$bin/old.$t" "$bin/now.$t" | head -n 3 | tr '\n' '|')")
					fi
				done
				seen[$state]=$((${seen[$state]:-0} + 1))
				if ! flock -n "$lf" true; then
					bad+=("kill after ${delay} ms: the lock is still held")
				fi
			done
			for s in "${!seen[@]}"; do
				outcomes+=" $s:${seen[$s]}"
			done
			unset seen
			n=$((n + 1))
			if [ ${#bad[@]} -eq 0 ]; then
				pass=$((pass + 1))
				echo "ok $n - $mode, input from a $feed: $trials kills, each table old or new (filter/nat/mangle, o=old n=new:$outcomes), lock free"
			else
				fail=$((fail + 1))
				echo "not ok $n - $mode, input from a $feed: ${#bad[@]} bad outcomes of $trials"
				printf '#   %s\n' "${bad[@]:0:10}"
			fi
		done
	done
	echo "1..$n"
	echo "$pass passed, $fail failed"
	[ "$fail" -eq 0 ]
	exit
fi

need_netns iptables-legacy-restore iptables-nft-restore nft flock

tmp=$(mktemp -d "${TMPDIR:-/tmp}/killrestore.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
ln -s "$IPT_BIN" "$tmp/ipt-restore"
in_netns KILL_INNER 900 "kill test" "$tmp" "$here/killrestore.sh"
