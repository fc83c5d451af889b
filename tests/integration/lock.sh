#!/bin/bash
# The xtables lock: ipt must serialise with iptables-legacy (and with
# itself) through the same lock file, honour -w, and fail the same way.
#
# Everything runs inside one private network namespace (unshare -n), with a
# private XTABLES_LOCKFILE, so neither the host's firewall nor its
# /run/xtables.lock is touched.
#
#   (a) 8 concurrent writers, 200 sequential `iptables -A' each through
#       ipt: every writer exits 0 and exactly 1600 distinct rules result;
#   (b) lock held elsewhere: `iptables -w 1 -A ...' exits 4 after about a
#       second with legacy's message, for legacy and for ipt alike, and
#       adds nothing;
#   (c) lock held elsewhere, no -w: the command waits for the lock, then
#       succeeds (legacy and ipt);
#   (d) a restore whose producer stalls holds no lock while it waits:
#       `iptables -w 1 -A' runs meanwhile (ipt reads its input first).
#
# Usage: lock.sh            Environment: IPT_BIN (as for difftest.sh)

set -u
export LC_ALL=C

here=$(cd "$(dirname "$0")" && pwd)

skip() {
	echo "SKIP: $*"
	exit 77
}

# ---------------------------------------------------------------- inside
# Re-executed inside the namespace with LOCKTEST_INNER=1; $1 = temp dir.
if [ "${LOCKTEST_INNER:-}" = 1 ]; then
	tmp=$1
	lf=$XTABLES_LOCKFILE
	n=0 pass=0 fail=0
	ok() {
		n=$((n + 1)) pass=$((pass + 1))
		echo "ok $n - $*"
	}
	notok() {
		n=$((n + 1)) fail=$((fail + 1))
		echo "not ok $n - $1"
		shift
		local l
		for l in "$@"; do
			printf '# %s\n' "$l"
		done
	}
	count_rules() {
		iptables-legacy-save -t filter | grep -c '^-A INPUT'
	}
	# hold_lock SECONDS: take the lock in a background process (the
	# equivalent of `flock $XTABLES_LOCKFILE sleep N &', but as a single
	# process whose pid we know, so it can be ended by that pid);
	# sets $holder.
	hold_lock() {
		(
			flock 9 || exit 1
			exec sleep "$1"
		) 9>"$lf" &
		holder=$!
		local i
		for ((i = 0; i < 100; i++)); do
			if ! flock -n "$lf" true 2>/dev/null; then
				return 0
			fi
			sleep 0.02
		done
		echo "# could not observe the lock being held" >&2
		return 1
	}
	release_lock() {
		kill "$holder" 2>/dev/null
		wait "$holder" 2>/dev/null
		holder=
	}

	# (a) concurrent writers through ipt
	iptables-legacy -F INPUT
	for w in 0 1 2 3 4 5 6 7; do
		(
			rc=0
			for ((i = 0; i < 200; i++)); do
				"$tmp/bin-ipt/iptables" -A INPUT -s "10.$w.$((i / 100)).$((i % 100))" -j ACCEPT \
					2>>"$tmp/writer$w.err" || rc=1
			done
			echo "$rc" >"$tmp/writer$w.rc"
		) &
	done
	wait
	bad_writers=""
	for w in 0 1 2 3 4 5 6 7; do
		read -r rc <"$tmp/writer$w.rc" || rc=missing
		[ "$rc" = 0 ] || bad_writers+=" $w"
	done
	if [ -z "$bad_writers" ]; then
		ok "8 concurrent ipt writers all exited 0"
	else
		notok "8 concurrent ipt writers all exited 0" "failed writers:$bad_writers" \
			"$(head -n 5 "$tmp"/writer*.err)"
	fi
	total=$(count_rules)
	distinct=$(iptables-legacy-save -t filter | grep '^-A INPUT' | sort -u | wc -l)
	if [ "$total" = 1600 ] && [ "$distinct" = 1600 ]; then
		ok "8 writers x 200 appends left exactly 1600 distinct rules"
	else
		notok "8 writers x 200 appends left exactly 1600 distinct rules" \
			"found $total rules, $distinct distinct"
	fi
	iptables-legacy -F INPUT

	# (b) -w 1 while the lock is held elsewhere
	msg='Another app is currently holding the xtables lock. Stopped waiting after 1s.'
	iptables-legacy -A INPUT -s 192.0.2.1 -j ACCEPT
	if hold_lock 5; then
		for side in legacy ipt; do
			start=$EPOCHREALTIME
			"$tmp/bin-$side/iptables" -w 1 -A INPUT -j ACCEPT \
				>"$tmp/b-$side.out" 2>"$tmp/b-$side.err"
			rc=$?
			took=$(awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }')
			last=$(tail -n 1 "$tmp/b-$side.err")
			if [ "$rc" = 4 ] && [ "$last" = "$msg" ] && [ ! -s "$tmp/b-$side.out" ]; then
				ok "$side: -w 1 with the lock held exits 4 with the lock message (after ${took}s)"
			else
				notok "$side: -w 1 with the lock held exits 4 with the lock message" \
					"exit $rc after ${took}s, stderr:" "$(cat "$tmp/b-$side.err")"
			fi
		done
		if cmp -s "$tmp/b-legacy.err" "$tmp/b-ipt.err"; then
			ok "ipt's stderr for the lock timeout is legacy's, byte for byte"
		else
			notok "ipt's stderr for the lock timeout is legacy's, byte for byte" \
				"$(diff -u --label legacy --label ipt "$tmp/b-legacy.err" "$tmp/b-ipt.err")"
		fi
		release_lock
		if [ "$(count_rules)" = 1 ]; then
			ok "nothing was added while the lock was held"
		else
			notok "nothing was added while the lock was held" \
				"$(iptables-legacy -S INPUT)"
		fi
	else
		release_lock
		notok "could not hold the lock for test (b)"
	fi

	# (c) no -w: wait for the lock, then succeed
	for side in legacy ipt; do
		if ! hold_lock 2; then
			release_lock
			notok "$side: could not hold the lock for test (c)"
			continue
		fi
		before=$(count_rules)
		start=$EPOCHREALTIME
		"$tmp/bin-$side/iptables" -A INPUT -s 192.0.2.2 -j ACCEPT 2>"$tmp/c-$side.err"
		rc=$?
		took=$(awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }')
		wait "$holder" 2>/dev/null
		holder=
		after=$(count_rules)
		if [ "$rc" = 0 ] && [ "$after" = $((before + 1)) ] &&
			awk -v t="$took" 'BEGIN { exit !(t >= 1.0) }'; then
			ok "$side: without -w waits for the lock (${took}s), then succeeds"
		else
			notok "$side: without -w waits for the lock, then succeeds" \
				"exit $rc after ${took}s; rules $before -> $after; stderr:" \
				"$(cat "$tmp/c-$side.err")"
		fi
	done

	# (d) a restore whose input stalls holds no lock meanwhile: ipt reads
	# the whole input before it opens a table (iptables-legacy-restore
	# takes the lock first and keeps it while it waits)
	iptables-legacy -F INPUT
	(
		printf '*filter\n'
		while [ ! -e "$tmp/go" ]; do sleep 0.05; done
		printf -- '-A INPUT -s 192.0.2.9 -j ACCEPT\nCOMMIT\n'
	) | "$tmp/bin-ipt/iptables-restore" --noflush 2>"$tmp/d-restore.err" &
	restore=$!
	sleep 0.3
	"$tmp/bin-ipt/iptables" -w 1 -A INPUT -s 192.0.2.8 -j ACCEPT 2>"$tmp/d.err"
	rc=$?
	touch "$tmp/go"
	wait "$restore"
	rrc=$?
	if [ "$rc" = 0 ]; then
		ok "a command runs while a restore waits for its input"
	else
		notok "a command runs while a restore waits for its input" \
			"exit $rc:" "$(cat "$tmp/d.err")"
	fi
	if [ "$rrc" = 0 ] && [ "$(count_rules)" = 2 ]; then
		ok "then the restore commits its input"
	else
		notok "then the restore commits its input" "exit $rrc:" \
			"$(cat "$tmp/d-restore.err")" "$(iptables-legacy -S INPUT)"
	fi

	echo "1..$n"
	echo "$pass passed, $fail failed"
	[ "$fail" -eq 0 ]
	exit
fi

# ---------------------------------------------------------------- outside
# shellcheck source-path=SCRIPTDIR source=../lib.sh
. "$here/../lib.sh"
ipt_find_bin

[ "$(id -u)" = 0 ] || skip "must run as root (needs unshare -n and iptables)"
PATH=$PATH:/usr/sbin:/sbin
for t in iptables-legacy iptables-legacy-save flock; do
	command -v "$t" >/dev/null || skip "$t not found"
done
command -v unshare >/dev/null || skip "unshare not found"
unshare -n true 2>/dev/null || skip "cannot create a network namespace (unshare -n true failed)"
if [ ! -f "$IPT_BIN" ] || [ ! -x "$IPT_BIN" ]; then
	skip "ipt binary $IPT_BIN is not executable (build it first or set IPT_BIN)"
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/locktest.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/bin-legacy" "$tmp/bin-ipt"
ln -s "$(command -v iptables-legacy)" "$tmp/bin-legacy/iptables"
ln -s "$IPT_BIN" "$tmp/bin-ipt/iptables"
ln -s "$IPT_BIN" "$tmp/bin-ipt/iptables-restore"
: >"$tmp/xtables.lock"

timeout -k 5 300 unshare -n -- env LOCKTEST_INNER=1 XTABLES_LOCKFILE="$tmp/xtables.lock" \
	bash "$here/lock.sh" "$tmp"
status=$?
if [ $status -gt 1 ]; then
	echo "not ok - lock test aborted (status $status)"
	echo "0 passed, 1 failed"
	exit 1
fi
exit $status
