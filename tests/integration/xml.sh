#!/bin/bash
# Differential test of ipt's iptables-xml against the real one.
#
# Every input in xml-cases/*.rules is converted by /usr/bin/iptables-xml
# (the oracle) and by ipt invoked as iptables-xml, with no option, -c, -v
# and -cv (input as a file argument) and once more from standard input;
# stdout, stderr and the exit code must be identical. A few command-line
# checks (help, bad options, bad file arguments) follow. Both programs
# run under the name "iptables-xml" (a symlink found through PATH), so
# getopt's messages, which quote argv[0], are comparable. No root needed.
#
# Environment:
#   IPT_BIN   the ipt binary (default $abs_top_builddir/src/ipt, else
#             ../../src/ipt relative to this script)
#   ORACLE    the reference program (default /usr/bin/iptables-xml)
#
# Prints one "ok N - ..." / "not ok N - ..." line per comparison and
# "N passed, N failed" last; exits 0, 1 on failures, or 77 (SKIP).

set -u
export LC_ALL=C

here=$(cd "$(dirname "$0")" && pwd)
cases=$here/xml-cases

skip() {
	echo "SKIP: $*"
	exit 77
}

# shellcheck source-path=SCRIPTDIR source=../lib.sh
. "$here/../lib.sh"
ipt_find_bin
ORACLE=${ORACLE:-/usr/bin/iptables-xml}

if [ ! -f "$IPT_BIN" ] || [ ! -x "$IPT_BIN" ]; then
	skip "ipt binary $IPT_BIN is missing or not executable"
fi
[ -x "$ORACLE" ] || skip "$ORACLE is missing (Debian package iptables)"
IPT_BIN=$(cd "$(dirname "$IPT_BIN")" && pwd)/$(basename "$IPT_BIN")

tmp=$(mktemp -d "${TMPDIR:-/tmp}/ipt-xml-test.XXXXXX") ||
	skip "cannot create a temporary directory"
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/oracle" "$tmp/ipt" "$tmp/out"
ln -s "$ORACLE" "$tmp/oracle/iptables-xml"
ln -s "$IPT_BIN" "$tmp/ipt/iptables-xml"

n=0
passed=0
failed=0

# run SIDE STDIN ARGS...: iptables-xml of SIDE (oracle or ipt) with its
# standard input from STDIN, output in $tmp/out/SIDE.{out,err,rc}
run() {
	local side=$1 input=$2
	shift 2
	(cd "$cases" && PATH="$tmp/$side:$PATH" \
		iptables-xml "$@" <"$input" \
		>"$tmp/out/$side.out" 2>"$tmp/out/$side.err")
	echo $? >"$tmp/out/$side.rc"
}

# show the first lines of a difference as TAP comments
show_diff() {
	diff -u --label "iptables-xml $1" --label "ipt $1" \
		"$tmp/out/oracle.$1" "$tmp/out/ipt.$1" | head -n 20 |
		sed 's/^/#   /'
}

# check NAME STDIN ARGS...: run both sides and compare everything
check() {
	local name=$1 input=$2 what bad=()
	shift 2
	run oracle "$input" "$@"
	run ipt "$input" "$@"
	for what in out err rc; do
		cmp -s "$tmp/out/oracle.$what" "$tmp/out/ipt.$what" ||
			bad+=("$what")
	done
	n=$((n + 1))
	if [ ${#bad[@]} -eq 0 ]; then
		echo "ok $n - $name"
		passed=$((passed + 1))
		return
	fi
	echo "not ok $n - $name (differs: ${bad[*]})"
	failed=$((failed + 1))
	for what in "${bad[@]}"; do
		show_diff "$what"
	done
}

shopt -s nullglob
inputs=("$cases"/*.rules)
[ ${#inputs[@]} -gt 0 ] || skip "no inputs in $cases"

for path in "${inputs[@]}"; do
	f=$(basename "$path")
	check "$f" /dev/null "$f"
	check "$f -c" /dev/null -c "$f"
	check "$f -v" /dev/null -v "$f"
	check "$f -cv" /dev/null -cv "$f"
	check "$f from stdin" "$f"
done

# command line handling
some=$(basename "${inputs[0]}")
check "cli: -h" /dev/null -h
check "cli: --help" /dev/null --help
check "cli: -v -h" /dev/null -v -h
check "cli: -V (not an option)" /dev/null -V
check "cli: unknown long option" /dev/null --bogus "$some"
check "cli: option with argument" /dev/null --help=yes
check "cli: abbreviated long options" /dev/null --comb --verb "$some"
check "cli: -vv" /dev/null -vv "$some"
check "cli: options after the file" "$some" "$some" -c --verbose
check "cli: -- ends the options" /dev/null -c -- "$some"
check "cli: two files" /dev/null "$some" "$some"
check "cli: missing file" /dev/null does-not-exist.rules
check "cli: empty file name" /dev/null ""
# A deliberate difference: iptables-xml reads a directory as an empty
# file and exits 0; ipt reports the read error and exits 1 (see the
# README, "Robustness").
run ipt /dev/null .
n=$((n + 1))
if [ "$(cat "$tmp/out/ipt.rc")" = 1 ] &&
	grep -q '^iptables-xml: error reading input after line 0: Is a directory$' \
		"$tmp/out/ipt.err"; then
	echo "ok $n - cli: a directory is a read error (ipt only)"
	passed=$((passed + 1))
else
	echo "not ok $n - cli: a directory is a read error (ipt only)"
	sed 's/^/#   /' "$tmp/out/ipt.err"
	failed=$((failed + 1))
fi
check "cli: stdin named -" "$some" -

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
