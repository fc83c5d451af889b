#!/usr/bin/env bash
# Build ipt from clean and run its whole test suite:
#   deps.sh; then, in build-test/ (a fresh copy of the sources, made anew
#   each run, so nothing an earlier build or scripts/demo.sh left in the
#   tree is reused): autoreconf -fi; ./configure --enable-werror; make -j2;
#   make check; then tests/package/package.sh (in a throwaway root), the
#   whole make check again under ASan + UBSan (scripts/sanitize.sh) and the
#   fuzz targets for a bounded time (scripts/fuzz.sh),
# then print every test log and, as the very last line, the totals:
#   N passed, N failed[, N skipped]
# summed over Check's summary lines ("NN%: Checks: N, Failures: F, Errors: E")
# and the integration scripts' "N passed, N failed" lines. Exit status is
# make check's (or the failing build step's).
#
# What it does to the system: deps.sh installs the packages that are
# missing (apt-get, nothing upgraded); the tests that use the kernel run in
# network namespaces of their own and never touch the host's firewall; the
# package test installs the .deb only inside a throwaway root (overlays over
# /usr, /etc and /var in a mount namespace), so the host's dpkg database
# and alternatives stay as they were.
set -uo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$top" || exit 1

step() { printf '\n===== %s =====\n' "$*"; }

# A failed build step still ends with a totals line, so that CI output tells
# the same story as the exit status.
fail_build() {
	local rc=$1
	shift
	echo "test.sh: $* failed (exit $rc)" >&2
	echo "0 passed, 1 failed"
	exit "$rc"
}

step "dependencies"
bash scripts/deps.sh || fail_build $? "scripts/deps.sh"

# The sources as git sees them (tracked and new files, no ignored build
# products), else everything but build-test itself.
step "fresh copy of the sources in build-test/"
build=$top/build-test
rm -rf "$build" || fail_build $? "rm -rf $build"
mkdir -p "$build" || fail_build $? "mkdir $build"
if git -C "$top" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
	git ls-files -z -c -o --exclude-standard |
		while IFS= read -r -d '' f; do
			if [ -e "$f" ] || [ -h "$f" ]; then printf '%s\0' "$f"; fi
		done | xargs -0 cp --parents -P -t "$build"
else
	tar -C "$top" --exclude=./build-test -cf - . | tar -C "$build" -xf -
fi || fail_build $? "copying the sources"
cd "$build" || exit 1

step "autoreconf -fi"
mkdir -p m4 # named by AC_CONFIG_MACRO_DIR; git does not keep empty dirs
autoreconf -fi || fail_build $? "autoreconf"

step "./configure --enable-werror"
./configure --enable-werror || fail_build $? "configure"

step "make -j2"
make -j2 || fail_build $? "make"

step "make check"
make check
check_rc=$?

# The Debian package test builds, installs, uses and removes the package
# in a throwaway root; it runs make check inside the package build itself,
# so it is not one of make check's tests. It copies the sources itself, from
# the real tree. Its log is summed with the others below.
step "tests/package/package.sh"
bash "$top/tests/package/package.sh" >tests/package/package.sh.log 2>&1
pkg_rc=$?
if [ "$pkg_rc" -eq 77 ]; then
	echo "0 passed, 0 failed, 1 skipped" >>tests/package/package.sh.log
elif [ "$pkg_rc" -ne 0 ] && [ "$check_rc" -eq 0 ]; then
	check_rc=$pkg_rc
fi

# The whole make check again under ASan + UBSan, in a scratch build of its
# own (scripts/sanitize.sh); its log ends with its totals.
step "scripts/sanitize.sh"
bash scripts/sanitize.sh >tests/sanitizers/sanitize.log 2>&1
san_rc=$?
if [ "$san_rc" -ne 0 ] && [ "$check_rc" -eq 0 ]; then
	check_rc=$san_rc
fi

# Each libFuzzer target from its seed corpus after its regression inputs
# (scripts/fuzz.sh): a fixed number of executions from a fixed seed, the
# same run on every machine, unless FUZZ_SECONDS asks for a timed one.
step "scripts/fuzz.sh"
[ -n "${FUZZ_SECONDS:-}" ] || export FUZZ_RUNS=${FUZZ_RUNS:-600000}
bash scripts/fuzz.sh >tests/fuzz/fuzz.log 2>&1
fuzz_rc=$?
if [ "$fuzz_rc" -ne 0 ] && [ "$check_rc" -eq 0 ]; then
	check_rc=$fuzz_rc
fi

# Print the logs and add up what they report. For a log that has no summary
# line at all (a test that crashed, or skipped with exit 77) the automake
# .trs result counts as one test.
total_pass=0 total_fail=0 total_skip=0
mapfile -t logs < <(find tests -name '*.log' ! -name test-suite.log | LC_ALL=C sort)
for log in "${logs[@]}"; do
	step "$log"
	cat "$log"
	read -r p f s < <(awk '
		{ sub(/\r$/, "") }
		match($0, /^[0-9]+%: Checks: [0-9]+, Failures: [0-9]+, Errors: [0-9]+/) {
			line = substr($0, RSTART, RLENGTH)
			gsub(/[^0-9]+/, " ", line)
			split(line, n, " ")            # n[1]=pct n[2]=checks n[3]=fail n[4]=err
			cp += n[2] - n[3] - n[4]; cf += n[3] + n[4]; seen = 1
			next
		}
		/^[ \t]*([A-Za-z_-]+: )?[0-9]+ passed, [0-9]+ failed(, [0-9]+ skipped)?[ \t]*$/ {
			line = $0
			sub(/^[ \t]*[A-Za-z_-]+: /, "", line)
			gsub(/[^0-9]+/, " ", line)
			split(line, n, " ")
			# a script may print running totals: keep its last line
			lp = n[1]; lf = n[2]; ls = (3 in n) ? n[3] : 0; seen = 1
		}
		END {
			if (!seen) { print "-1 -1 -1"; exit }
			print cp + lp, cf + lf, ls + 0
		}' "$log")
	if [ "$p" -lt 0 ]; then
		trs=${log%.log}.trs
		res=$(sed -n 's/^:test-result: *//p' "$trs" 2>/dev/null | head -n1)
		case $res in
		PASS | XFAIL) p=1 f=0 s=0 ;;
		SKIP) p=0 f=0 s=1 ;;
		*) p=0 f=1 s=0 ;;
		esac
		echo "(no summary line in $log: counted as ${res:-unknown result})"
	fi
	total_pass=$((total_pass + p))
	total_fail=$((total_fail + f))
	total_skip=$((total_skip + s))
done

if [ "${#logs[@]}" -eq 0 ]; then
	echo "test.sh: make check left no test logs" >&2
	[ "$check_rc" -ne 0 ] || check_rc=1
	total_fail=1
elif [ "$check_rc" -ne 0 ] && [ "$total_fail" -eq 0 ]; then
	echo "test.sh: make check failed (exit $check_rc) outside the counted tests" >&2
	total_fail=1
fi

step "summary (make check exit $check_rc)"
if [ "$total_skip" -gt 0 ]; then
	echo "$total_pass passed, $total_fail failed, $total_skip skipped"
else
	echo "$total_pass passed, $total_fail failed"
fi
exit "$check_rc"
