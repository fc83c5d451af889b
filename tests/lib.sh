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
