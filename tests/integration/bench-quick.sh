#!/bin/bash
# bench/bench.sh in its quick mode (BENCH_QUICK=1: a few hundred rules per
# mix, one round): that the script runs, builds its floors, finds every
# side leaving the same rulesets and prints its tables. It judges no goal
# and asserts no time: timing belongs to a real bench run. Every
# measurement there runs in its own network namespace (unshare -n) with a
# private XTABLES_LOCKFILE. Needs root; skipped without it.
#
# Usage: bench-quick.sh     Environment: IPT_BIN (as for difftest.sh)
set -u
export LC_ALL=C
PATH=$PATH:/usr/sbin:/sbin

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source-path=SCRIPTDIR source=../lib.sh
. "$here/../lib.sh"
ipt_find_bin
[ -x "$IPT_BIN" ] || { echo "SKIP: $IPT_BIN not built"; exit 77; }
[ "$(id -u)" = 0 ] || { echo "SKIP: needs root (network namespaces)"; exit 77; }
for tool in cc unshare iptables-legacy-restore; do
	command -v "$tool" >/dev/null ||
		{ echo "SKIP: $tool not found"; exit 77; }
done
[ -e /usr/include/libiptc/libiptc.h ] || { echo "SKIP: no libiptc-dev"; exit 77; }

out=$(BENCH_QUICK=1 IPT_BIN=$IPT_BIN bash "$here/../../bench/bench.sh" 2>&1)
rc=$?
fail=0
check() { # WHAT PATTERN
	if ! grep -q -- "$2" <<<"$out"; then
		echo "not ok - $1"
		fail=1
	else
		echo "ok - $1"
	fi
}
[ "$rc" = 0 ] && echo "ok - bench.sh exits 0" || { echo "not ok - bench.sh exits $rc"; fail=1; }
check "legacy table printed" '^legacy backend'
check "every mix measured" '^v6\.300 '
check "listing rows" '^5 x -L -n -v -x '
check "same rulesets on every side" 'every side left the same rulesets'
if command -v valgrind >/dev/null; then
	check "instructions per rule" '^user-space instructions per rule'
fi
[ "$fail" = 0 ] || printf '%s\n' "$out" | tail -n 40 | sed 's/^/#   /'
exit "$fail"
