# What the shell test scripts share; source it (it only defines functions
# and tests_dir):  . "$(dirname "$0")/../lib.sh"
# shellcheck shell=bash

tests_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

# Sets IPT_BIN to the ipt binary under test, as an absolute path (the tests
# run it from other directories and through symlinks): $IPT_BIN if set,
# else $abs_top_builddir/src/ipt (make check sets abs_top_builddir, also for
# a build outside the source tree), else src/ipt of the tree the tests are
# in. Whether it exists is the caller's to check: each skips in its own way.
ipt_find_bin() {
	local dir

	if [ -z "${IPT_BIN:-}" ]; then
		if [ -n "${abs_top_builddir:-}" ]; then
			IPT_BIN=$abs_top_builddir/src/ipt
		else
			IPT_BIN=$tests_dir/../src/ipt
		fi
	fi
	if [ -d "$(dirname "$IPT_BIN")" ]; then
		dir=$(cd "$(dirname "$IPT_BIN")" && pwd)
		IPT_BIN=${dir%/}/$(basename "$IPT_BIN")
	fi
}

# TAP lines with running counts in npass and nfail: tap_pass NAME;
# tap_fail NAME [DETAIL] (the detail's first lines, as # comments).
npass=0 nfail=0
tap_pass() {
	npass=$((npass + 1))
	echo "ok $((npass + nfail)) - $1"
}
tap_fail() {
	nfail=$((nfail + 1))
	echo "not ok $((npass + nfail)) - $1"
	[ $# -lt 2 ] || printf '%s\n' "$2" | head -n 40 | sed 's/^/#   /'
}

# The automake skip: one line on stdout, exit 77.
skip() {
	echo "SKIP: $*"
	exit 77
}

# What a test that runs itself in a network namespace needs, or it skips:
# root, unshare -n, the tools named, and IPT_BIN (ipt_find_bin).
need_netns() {
	local t

	[ "$(id -u)" = 0 ] || skip "must run as root (needs unshare -n)"
	PATH=$PATH:/usr/sbin:/sbin
	for t in "$@" unshare; do
		command -v "$t" >/dev/null || skip "$t not found"
	done
	unshare -n true 2>/dev/null || skip "cannot create a network namespace"
	ipt_find_bin
	[ -x "$IPT_BIN" ] || skip "ipt binary $IPT_BIN is not executable"
}

# in_netns VAR SECONDS WHAT DIR SCRIPT [ARG...]: SCRIPT again, inside a
# network namespace of its own with VAR=1 and a private XTABLES_LOCKFILE
# in DIR, with DIR and the ARGs as its arguments, for at most SECONDS.
# Returns its status; a run that aborts (above 1) prints one failed test
# named by WHAT.
in_netns() {
	local var=$1 secs=$2 what=$3 dir=$4 script=$5 status

	shift 5
	: >"$dir/xtables.lock"
	timeout -k 5 "$secs" unshare -n -- env "$var=1" \
		XTABLES_LOCKFILE="$dir/xtables.lock" bash "$script" "$dir" "$@"
	status=$?
	if [ $status -gt 1 ]; then
		echo "not ok - $what aborted (status $status)"
		echo "0 passed, 1 failed"
		return 1
	fi
	return $status
}
