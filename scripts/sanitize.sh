#!/usr/bin/env bash
# Runs the whole make check (unit and integration tests) under
# AddressSanitizer and UndefinedBehaviorSanitizer:
#   make distdir; configure --enable-sanitizers; make; make check
# in a scratch directory, with every sanitizer report written to a file
# of its own (ASAN/UBSAN log_path), so that a report counts even in a
# test that expects its command to fail. Prints the inner logs indented
# and ends with "sanitizers: N passed, N failed": the tests' own totals,
# plus one failure per sanitizer report.
#
# Usage: scripts/sanitize.sh      (from a configured source tree, as root
#        for the integration tests; they run in network namespaces)
# Environment: SANITIZE_KEEP=1 keeps the scratch directory.
set -uo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=$(mktemp -d /tmp/ipt-sanitize.XXXXXX)
[ "${SANITIZE_KEEP:-0}" = 1 ] || trap 'rm -rf "$work"' EXIT

fail() {
	echo "sanitize.sh: $*" >&2
	echo "sanitizers: 0 passed, 1 failed"
	exit 1
}

# A pristine copy: a VPATH build next to an in-tree one is refused.
# abs_top_builddir: where the tree was configured, when not in-tree.
make -C "${abs_top_builddir:-$top}" -s distdir distdir="$work/src" >/dev/null ||
	fail "make distdir failed"
mkdir -p "$work/build" "$work/reports"
cd "$work/build" || exit 1
"$work/src/configure" -q --enable-werror --enable-sanitizers ||
	fail "configure --enable-sanitizers failed"
make -s -j2 >make.log 2>&1 || { cat make.log; fail "make failed"; }

export ASAN_OPTIONS="log_path=$work/reports/asan:detect_leaks=1:fast_unwind_on_malloc=0:abort_on_error=0"
export UBSAN_OPTIONS="log_path=$work/reports/ubsan:print_stacktrace=1:halt_on_error=1"
export LSAN_OPTIONS="suppressions=$top/tests/sanitizers/lsan.supp:print_suppressions=0"
# SIGKILLs test the kernel's atomicity, not memory errors: a few suffice
KILL_TRIALS=4 make -s check >check.log 2>&1
check_rc=$?

pass=0 failed=0
for log in $(find tests -name '*.log' ! -name test-suite.log | LC_ALL=C sort); do
	echo "----- $log"
	sed 's/^/  | /' "$log"
	# the same totals scripts/test.sh takes from each log
	read -r p f < <(awk '
		match($0, /^[0-9]+%: Checks: [0-9]+, Failures: [0-9]+, Errors: [0-9]+/) {
			line = substr($0, RSTART, RLENGTH); gsub(/[^0-9]+/, " ", line)
			split(line, n, " "); cp += n[2] - n[3] - n[4]; cf += n[3] + n[4]
			seen = 1; next }
		/^[ \t]*([A-Za-z_-]+: )?[0-9]+ passed, [0-9]+ failed/ {
			line = $0; sub(/^[ \t]*[A-Za-z_-]+: /, "", line)
			gsub(/[^0-9]+/, " ", line); split(line, n, " ")
			lp = n[1]; lf = n[2]; seen = 1 }
		END { if (!seen) print "-1 -1"; else print cp + lp, cf + lf }' "$log")
	if [ "$p" -lt 0 ]; then         # no totals: its automake result
		case $(sed -n 's/^:test-result: *//p' "${log%.log}.trs" 2>/dev/null) in
		PASS) p=1 f=0 ;;
		SKIP) p=0 f=0 ;;
		*) p=0 f=1 ;;
		esac
	fi
	pass=$((pass + p)) failed=$((failed + f))
done

reports=$(find "$work/reports" -type f | LC_ALL=C sort)
for r in $reports; do
	echo "----- sanitizer report $r"
	cat "$r"
	failed=$((failed + 1))
done
[ "$check_rc" -eq 0 ] || [ "$failed" -gt 0 ] || failed=1
echo "sanitizers: $pass passed, $failed failed"
[ "$failed" -eq 0 ]
