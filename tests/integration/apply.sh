#!/bin/bash
# ipt apply on both backends, each in a private network namespace
# (unshare -n) with a private XTABLES_LOCKFILE and a private run
# directory (IPT_RUNDIR), so neither the host's firewall nor its /run is
# touched: a summary after success; a failure in the second family (a
# parse error, a kernel refusal) and in the last table of a file put
# everything back, compared as ipt-save -c prints it (counters moved by
# real traffic first), byte for byte; --confirm: no answer (exit 3),
# `ipt apply --confirm' from another process, yes and no typed on a
# terminal (a pty), kill -9 of the applier (its watchdog rolls back),
# another writer during the wait; exit 2 for bad usage and unreadable
# input with nothing changed; --check 0/1/2. Waits poll with generous
# deadlines; nothing here measures time.
#
# Usage: apply.sh            Environment: IPT_BIN (as for difftest.sh)
set -u
export LC_ALL=C
PATH=$PATH:/usr/sbin:/sbin
here=$(cd "$(dirname "$0")" && pwd)

skip() {
	echo "SKIP: $*"
	exit 77
}

if [ "${APPLY_INNER:-}" != 1 ]; then
	# shellcheck source-path=SCRIPTDIR source=../lib.sh
	. "$here/../lib.sh"
	ipt_find_bin
	[ -x "$IPT_BIN" ] || skip "$IPT_BIN not built"
	[ "$(id -u)" = 0 ] || skip "must run as root (needs unshare -n)"
	unshare -n true 2>/dev/null || skip "cannot create a network namespace"
	command -v nft >/dev/null || skip "nft not found"
	tmp=$(mktemp -d "${TMPDIR:-/tmp}/applytest.XXXXXX") || exit 99
	trap 'rm -rf "$tmp"' EXIT
	for n in ipt ip6t ipt-save ip6t-save ipt-restore ip6t-restore; do
		ln -s "$IPT_BIN" "$tmp/$n"
	done
	mkdir "$tmp/run"
	: >"$tmp/xtables.lock"
	timeout -k 5 600 unshare -n -- env APPLY_INNER=1 \
		XTABLES_LOCKFILE="$tmp/xtables.lock" IPT_RUNDIR="$tmp/run" \
		bash "$here/apply.sh" "$tmp"
	status=$?
	if [ $status -gt 1 ]; then
		echo "not ok - apply test aborted (status $status)"
		echo "0 passed, 1 failed"
		exit 1
	fi
	exit $status
fi

# ---------------------------------------------------------------- inside
tmp=$1
cd "$tmp" || exit 99
ip link set lo up
npass=0 nfail=0
pass() { npass=$((npass + 1)); echo "ok $((npass + nfail)) - $1"; }
fail() {
	nfail=$((nfail + 1))
	echo "not ok $((npass + nfail)) - $1"
	printf '%s\n' "$2" | head -n 30 | sed 's/^/#   /'
}
# check NAME CONDITION-STATUS DETAIL
check() {
	if [ "$2" = 0 ]; then pass "$1"; else fail "$1" "$3"; fi
}

# Both families as ipt-save -c prints them, without the comment lines.
snap() {
	./ipt-save -c | grep -v '^#'
	./ip6t-save -c | grep -v '^#'
}
# Poll (up to 20 s) until cmd succeeds.
wait_for() {
	for ((i = 0; i < 200; i++)); do
		"$@" && return 0
		sleep 0.1
	done
	return 1
}
rundir_clean() {
	[ -z "$(find "$IPT_RUNDIR" -mindepth 1 ! -name '*.log')" ]
}

cat >base4 <<'EOF'
*filter
:INPUT ACCEPT [0:0]
:FORWARD ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
:old - [0:0]
-A INPUT -i lo -j old
-A INPUT -s 192.0.2.1/32 -j DROP
-A old -p icmp -j ACCEPT
COMMIT
*nat
:PREROUTING ACCEPT [0:0]
:INPUT ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
:POSTROUTING ACCEPT [0:0]
-A POSTROUTING -s 10.0.0.0/8 -j MASQUERADE
COMMIT
EOF
cat >base6 <<'EOF'
*filter
:INPUT ACCEPT [0:0]
:FORWARD ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
-A INPUT -s 2001:db8::1/128 -j DROP
COMMIT
*nat
:PREROUTING ACCEPT [0:0]
:INPUT ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
:POSTROUTING ACCEPT [0:0]
COMMIT
EOF
cat >new4 <<'EOF'
*filter
:INPUT ACCEPT [0:0]
:FORWARD DROP [0:0]
:OUTPUT ACCEPT [0:0]
:web - [0:0]
-A INPUT -p tcp --dport 80 -j web
-A INPUT -p tcp --dport 443 -j web
-A web -j ACCEPT
COMMIT
*nat
:PREROUTING ACCEPT [0:0]
:INPUT ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
:POSTROUTING ACCEPT [0:0]
-A POSTROUTING -s 10.0.0.0/8 -j MASQUERADE
COMMIT
EOF
cat >new6 <<'EOF'
*filter
:INPUT ACCEPT [0:0]
:FORWARD ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
-A INPUT -p tcp --dport 22 -j ACCEPT
COMMIT
EOF
# a parse error at line 5 of the IPv6 file
cat >bad6 <<'EOF'
*filter
:INPUT ACCEPT [0:0]
:FORWARD ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
-A INPUT -p tcp --no-such-option 22 -j ACCEPT
COMMIT
EOF
# the kernel refuses REJECT in nat, the file's last table (line 13),
# after filter went in
cat >refuse4 <<'EOF'
*filter
:INPUT ACCEPT [0:0]
:FORWARD DROP [0:0]
:OUTPUT ACCEPT [0:0]
-A INPUT -p tcp --dport 81 -j ACCEPT
COMMIT
*nat
:PREROUTING ACCEPT [0:0]
:INPUT ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
:POSTROUTING ACCEPT [0:0]
-A PREROUTING -p tcp -j REJECT
COMMIT
EOF
# the same in the IPv6 file (FORWARD kept open): the IPv4 file was
# applied before it
sed 's/^:FORWARD DROP/:FORWARD ACCEPT/' refuse4 >refuse6

# a table the baseline does not have
cat >mangle4 <<'EOF'
*mangle
:PREROUTING ACCEPT [0:0]
:INPUT ACCEPT [0:0]
:FORWARD ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
:POSTROUTING ACCEPT [0:0]
-A INPUT -j MARK --set-mark 1
COMMIT
EOF

# a large file, so that its restore takes a while
{
	echo '*filter'
	echo ':INPUT ACCEPT [0:0]'
	echo ':FORWARD ACCEPT [0:0]'
	echo ':OUTPUT ACCEPT [0:0]'
	for ((i = 0; i < 20000; i++)); do
		echo "-A INPUT -s 10.$((i / 250)).$((i % 250)).1 -p tcp --dport $((i % 1000 + 1)) -j ACCEPT"
	done
	echo 'COMMIT'
} >big4

# The baseline, with counters moved by real traffic.
reset() {
	if [ "$IPT_BACKEND" = nft ]; then
		nft flush ruleset
	fi
	./ipt-restore base4 && ./ip6t-restore base6 || echo "reset failed"
	ping -c 2 -q -W 1 127.0.0.1 >/dev/null 2>&1
	ping -c 1 -q -W 1 ::1 >/dev/null 2>&1
	snap >before
}
started() {
	compgen -G "$IPT_RUNDIR/apply-*/v4.started" >/dev/null
}
applied() {
	./ipt-save | grep -q -- '--dport 443'
}
# Starts ipt apply ARGS in the background (its pid in $pid, its stderr
# in err) and waits for its prompt.
apply_bg() {
	rm -f out err
	./ipt apply "$@" </dev/null >out 2>err &
	pid=$!
	wait_for grep -qs 'apply --confirm. within' err
}
same_as_before() {
	snap >now
	cmp -s before now
}

# A terminal for ipt apply: answers ANSWER once the prompt is shown (or
# hangs up, for "hangup"); exits with ipt's status (99: killed).
cat >answer.py <<'EOF'
import os, pty, sys, time
answer, argv = sys.argv[1], sys.argv[2:]
pid, fd = pty.fork()
if pid == 0:
    os.execv(argv[0], argv)
out, sent, deadline = b"", False, time.time() + 30
while time.time() < deadline:
    try:
        data = os.read(fd, 4096)
    except OSError:
        break
    if not data:
        break
    out += data
    if not sent and b"type yes" in out:
        if answer == "hangup":  # the terminal goes away, as with ssh
            os.close(fd)
            break
        os.write(fd, (answer + "\n").encode())
        sent = True
sys.stdout.write(out.decode(errors="replace"))
_, status = os.waitpid(pid, 0)
sys.exit(os.WEXITSTATUS(status) if os.WIFEXITED(status) else 99)
EOF

for be in legacy nft; do
	export IPT_BACKEND=$be

	# ------------------------------------------------------ success
	reset
	out=$(./ipt apply -4 new4 -6 new6 2>err)
	rc=$?
	want="filter (IPv4): +3 -3 rules
nat (IPv4): unchanged
filter (IPv6): +1 -1 rules"
	check "$be: apply succeeds (exit 0) with a per-table summary" \
		"$([ $rc = 0 ] && [ "$out" = "$want" ] && echo 0)" \
		"exit $rc; got: $out; stderr: $(cat err)"
	./ipt-save | grep -v '^#' >got4
	./ipt-restore new4 && ./ipt-save | grep -v '^#' >want4
	check "$be: the applied tables are the file's" \
		"$(cmp -s got4 want4; echo $?)" "$(diff want4 got4)"
	check "$be: nothing is left in the run directory" \
		"$(rundir_clean; echo $?)" "$(ls -la "$IPT_RUNDIR")"
	out=$(./ipt apply -4 new4 -6 new6 2>&1)
	check "$be: applying again changes nothing" \
		"$([ "$out" = "filter (IPv4): unchanged
nat (IPv4): unchanged
filter (IPv6): unchanged" ] && echo 0)" "$out"

	# ------------------------------------------------------ failures
	reset
	./ipt apply -4 new4 -6 bad6 >out 2>err
	rc=$?
	check "$be: a parse error in the IPv6 file: exit 1, file and line named" \
		"$([ $rc = 1 ] && grep -q "^ipt apply: bad6: .*line: 5" err && echo 0)" \
		"exit $rc; $(cat err)"
	check "$be: ... and the IPv4 tables are as before, counters too" \
		"$(same_as_before; echo $?)" "$(diff before now)"

	reset
	./ipt apply -4 refuse4 -6 new6 >out 2>err
	rc=$?
	check "$be: the kernel refuses the last table of the IPv4 file: exit 1, line 12 or 13 named" \
		"$([ $rc = 1 ] && grep -q "^ipt apply: refuse4: .*line 1[23]" err && echo 0)" \
		"exit $rc; $(cat err)"
	check "$be: ... every table put back exactly (filter went in first)" \
		"$(same_as_before; echo $?)" "$(diff before now)"

	reset
	./ipt apply -4 new4 -6 refuse6 >out 2>err
	rc=$?
	check "$be: the kernel refuses the IPv6 file after the IPv4 one went in: exit 1" \
		"$([ $rc = 1 ] && grep -q "^ipt apply: refuse6: " err && echo 0)" \
		"exit $rc; $(cat err)"
	check "$be: ... both families put back exactly, rules and counters" \
		"$(same_as_before; echo $?)" "$(diff before now)"

	# ------------------------------------------------------ usage
	reset
	for args in "-4 /nonexistent/file" "--bogus" "" "-4" "--confirm 0 -4 new4" \
		"--check --confirm 5 -4 new4" "-4 new4 -4 new4"; do
		# shellcheck disable=SC2086
		./ipt apply $args >out 2>err
		rc=$?
		check "$be: ipt apply $args: exit 2, nothing changed" \
			"$([ $rc = 2 ] && same_as_before && echo 0)" \
			"exit $rc; $(cat err); $(diff before now)"
	done

	# ------------------------------------------------------ --check
	reset
	./ipt apply --check -4 new4 -6 new6 >out 2>err
	rc=$?
	check "$be: --check with changes pending: exit 1, nothing changed" \
		"$([ $rc = 1 ] && same_as_before && grep -q '^filter (IPv4): +3 -3 rules' out && echo 0)" \
		"exit $rc; $(cat out err); $(diff before now)"
	./ipt apply --check -4 base4 -6 base6 >out 2>err
	rc=$?
	check "$be: --check of the tables as they are: exit 0" \
		"$([ $rc = 0 ] && echo 0)" "exit $rc; $(cat out err)"
	./ipt apply --check -4 new4 -6 bad6 >out 2>err
	rc=$?
	check "$be: --check of a file that does not parse: exit 2, line named" \
		"$([ $rc = 2 ] && grep -q "bad6: .*line: 5" err && same_as_before && echo 0)" \
		"exit $rc; $(cat err)"
	if [ "$be" = nft ]; then
		# the dry run's batch goes to the kernel, which refuses it
		./ipt apply --check -4 refuse4 >out 2>err
		rc=$?
		check "$be: --check of a file the kernel refuses: exit 2, nothing changed" \
			"$([ $rc = 2 ] && grep -q "refuse4: " err && same_as_before && echo 0)" \
			"exit $rc; $(cat out err)"
	fi

	# ------------------------------------------------------ --confirm
	reset
	rm -f out err
	./ipt apply -4 new4 -6 new6 --confirm 2 </dev/null >out 2>err &
	pid=$!
	wait_for applied
	seen=$?
	wait $pid
	rc=$?
	check "$be: --confirm 2 unanswered: applied meanwhile, then exit 3" \
		"$([ $seen = 0 ] && [ $rc = 3 ] && echo 0)" \
		"exit $rc, applied seen: $seen; $(cat err)"
	check "$be: ... everything put back exactly, counters too" \
		"$(same_as_before; echo $?)" "$(diff before now)"
	check "$be: ... and the state is gone" \
		"$(rundir_clean; echo $?)" "$(ls -la "$IPT_RUNDIR")"

	reset
	apply_bg -4 new4 -6 new6 --confirm 60
	./ipt apply -4 new4 >out2 2>err2
	rc2=$?
	check "$be: a second apply while one awaits confirmation: exit 2" \
		"$([ $rc2 = 2 ] && grep -q 'awaits confirmation' err2 && echo 0)" \
		"exit $rc2; $(cat err2)"
	unshare -n ./ipt apply --confirm >cout 2>&1
	check "$be: ipt apply --confirm in another network namespace finds nothing to confirm" \
		"$([ $? = 1 ] && echo 0)" "$(cat cout)"
	./ipt apply --confirm >cout 2>&1
	crc=$?
	wait $pid
	rc=$?
	snap >now
	check "$be: ipt apply --confirm from another process: both exit 0, kept" \
		"$([ $crc = 0 ] && [ $rc = 0 ] && grep -q -- '--dport 443' now && echo 0)" \
		"exits $crc/$rc; $(cat cout err)"
	./ipt apply --confirm >cout 2>&1
	check "$be: ipt apply --confirm with nothing waiting: exit 1" \
		"$([ $? = 1 ] && echo 0)" "$(cat cout)"

	if command -v python3 >/dev/null; then
		reset
		python3 answer.py yes ./ipt apply -4 new4 -6 new6 --confirm 60 >out 2>&1
		rc=$?
		snap >now
		check "$be: yes typed on the terminal: exit 0, kept" \
			"$([ $rc = 0 ] && grep -q -- '--dport 443' now && echo 0)" \
			"exit $rc; $(cat out)"
		reset
		python3 answer.py no ./ipt apply -4 new4 -6 new6 --confirm 60 >out 2>&1
		rc=$?
		check "$be: no typed on the terminal: exit 3 at once, put back" \
			"$([ $rc = 3 ] && same_as_before && echo 0)" \
			"exit $rc; $(cat out); $(diff before now)"
		reset
		python3 answer.py hangup ./ipt apply -4 new4 -6 new6 --confirm 2 >out 2>&1
		rc=$?
		wait_for rundir_clean
		check "$be: the terminal hangs up during the wait: the applier dies, its watchdog puts everything back" \
			"$([ $rc = 99 ] && same_as_before && echo 0)" \
			"exit $rc; $(cat out); $(diff before now)"
	fi

	reset
	apply_bg -4 new4 -6 new6 --confirm 3
	kill -9 $pid
	wait $pid 2>/dev/null
	wait_for rundir_clean
	check "$be: kill -9 of the applier during the wait: its watchdog puts everything back" \
		"$(same_as_before; echo $?)" "$(diff before now; cat "$IPT_RUNDIR"/*.log)"

	# killed while applying: the watchdog waits for the applier and its
	# restore child to be gone, then puts back whatever was reached
	reset
	rm -f out err
	./ipt apply -4 big4 -6 new6 --confirm 2 </dev/null >out 2>err &
	pid=$!
	wait_for started
	if kill -9 $pid 2>/dev/null; then
		wait $pid 2>/dev/null
		wait_for rundir_clean
	fi
	check "$be: kill -9 of the applier while it applies: the watchdog puts everything back" \
		"$(same_as_before && grep -q 'ended before the apply was complete' "$IPT_RUNDIR"/*.log; echo $?)" \
		"$(diff before now | head; cat "$IPT_RUNDIR"/*.log)"

	reset
	apply_bg -4 new4 -6 new6 --confirm 3
	./ipt -A INPUT -s 198.51.100.7 -j DROP
	wait $pid
	rc=$?
	check "$be: another writer during the wait: exit 3, the table is put back as before the apply, the writer's change with it" \
		"$([ $rc = 3 ] && same_as_before && echo 0)" \
		"exit $rc; $(cat err); $(diff before now)"
	check "$be: ... and the table the other writer changed is named" \
		"$(grep -q 'filter (IPv4) changed after the apply' err; echo $?)" \
		"$(cat err)"

	# ------------------------------------------------ absent tables
	reset
	./ipt apply -4 mangle4 --confirm 1 </dev/null >out 2>err
	rc=$?
	if [ $be = nft ]; then
		nft list tables >now
		check "$be: a table the apply created is removed again" \
			"$([ $rc = 3 ] && ! grep -q mangle now && echo 0)" \
			"exit $rc; $(cat err now)"
	else
		./ipt-save -t mangle >now
		check "$be: a table the apply created is left empty (legacy cannot remove it)" \
			"$([ $rc = 3 ] && ! grep -q -- '-A' now && echo 0)" \
			"exit $rc; $(cat err now)"
	fi

	# ------------------------------------------------ a crash's state
	reset
	ino=$(stat -L -c %i /proc/self/ns/net)
	mkdir "$IPT_RUNDIR/apply-$ino"
	echo 2147483646 >"$IPT_RUNDIR/apply-$ino/owner"
	./ipt apply -4 new4 >out 2>err
	rc=$?
	check "$be: the state of an apply whose owner died is kept aside, and apply goes on" \
		"$([ $rc = 0 ] && grep -q 'ended without cleaning up' err && ls -d "$IPT_RUNDIR/apply-$ino.kept-"* >/dev/null && echo 0)" \
		"exit $rc; $(cat err); $(ls "$IPT_RUNDIR")"
	rm -rf "$IPT_RUNDIR/apply-$ino.kept-"*
done

# --nft / --legacy before apply pin the backend of every child
export IPT_BACKEND=legacy
nft flush ruleset
./ipt --legacy -F
./ipt --nft apply -4 new4 >out 2>err
check "ipt --nft apply under IPT_BACKEND=legacy: the rules go to nf_tables only" \
	"$([ $? = 0 ] && ./ipt --nft -S | grep -q -- '--dport 443' && ! ./ipt --legacy -S | grep -q -- '--dport 443' && echo 0)" \
	"$(cat err; ./ipt --nft -S)"

echo "1..$((npass + nfail))"
echo "$npass passed, $nfail failed"
[ "$nfail" -eq 0 ]
