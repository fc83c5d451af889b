#!/usr/bin/env bash
# Builds the libFuzzer targets (configure CC=clang --enable-fuzzing, in a
# scratch copy of the tree) and runs each for a bounded time from its
# checked-in seed corpus, with its dictionary, inside a network namespace
# of its own (no target talks to the kernel's firewall: the restore target
# runs on a stub backend; unshare -n only keeps name lookups local).
# Prints one ok/not ok line per run with its executions, the inputs of any
# failure in base64, and ends with "fuzz: N passed, N failed".
#
# Usage: scripts/fuzz.sh [TARGET...]      (default: all; as root)
# Environment:
#   FUZZ_SECONDS=N   time per run (default 30)
#   FUZZ_RUNS=N      instead of a time: N executions per run (scaled per
#                    target, see runs_of) from FUZZ_SEED (default 1), so
#                    that a run is the same on every machine: CI's way, a
#                    gate must not fail by luck (scripts/test.sh)
#   FUZZ_KEEP=1      keep the scratch directory (new corpus entries, crashes)
#   FUZZ_BUILD=DIR   use an already configured fuzzing build in DIR
#   FUZZ_FORK=N      libFuzzer's -fork=N for fuzz_cli and fuzz_restore
#                    (default 1 for runs over 2 minutes, 0 below): their
#                    memory grows (see fuzz_restore.c), a forked worker
#                    that runs out is replaced (-ignore_ooms)
# For hours of fuzzing, see the README ("Fuzzing").
set -uo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
seconds=${FUZZ_SECONDS:-30}
work=$(mktemp -d /tmp/ipt-fuzz.XXXXXX)
[ "${FUZZ_KEEP:-0}" = 1 ] || trap 'rm -rf "$work"' EXIT
fuzz=$top/tests/fuzz

fail() {
	echo "fuzz.sh: $*" >&2
	echo "fuzz: 0 passed, 1 failed"
	exit 1
}

command -v clang >/dev/null || fail "clang not found (apt-get install clang)"
[ "$(id -u)" = 0 ] && unshare -n true 2>/dev/null ||
	fail "must run as root with unshare -n"

if [ -n "${FUZZ_BUILD:-}" ]; then
	build=$FUZZ_BUILD
else
	make -C "${abs_top_builddir:-$top}" -s distdir distdir="$work/src" \
		>/dev/null || fail "make distdir failed"
	build=$work/build
	mkdir -p "$build"
	(cd "$build" && "$work/src/configure" -q CC=clang --enable-fuzzing) ||
		fail "configure --enable-fuzzing failed"
fi
make -C "$build" -s -j2 >"$work/make.log" 2>&1 || {
	cat "$work/make.log"
	fail "make failed"
}

# FUZZ_RUNS scaled by what a target does per execution (a whole restore
# costs about 5 tokenizer runs): about equal time for each target.
runs_of() {
	case $1 in
	restore_line | nft_decode*) echo $((FUZZ_RUNS * 5)) ;;
	xml) echo $((FUZZ_RUNS / 3 + 1)) ;;
	*) echo "$FUZZ_RUNS" ;;
	esac
}

# regress NAME BINARY [VAR=VALUE...]: the inputs in tests/fuzz/regress/NAME,
# in name order, through one process (a bug may need what an earlier input
# left behind: the first ones found were of that kind).
regress() {
	local name=$1 bin=$2 log files
	shift 2
	files=("$fuzz/regress/$name"/*)
	[ -f "${files[0]}" ] || return 0
	log=$work/$name.regress.log
	n=$((n + 1))
	if env LSAN_OPTIONS="suppressions=$fuzz/lsan.supp" "$@" \
		timeout -k 10 120 unshare -n -- "$build/tests/fuzz/$bin" \
		-close_fd_mask=3 -timeout=10 -handle_fpe=0 "${files[@]}" \
		>"$log" 2>&1; then
		pass=$((pass + 1))
		echo "ok $n - $name: ${#files[@]} regression inputs in order, clean"
	else
		failed=$((failed + 1))
		echo "not ok $n - $name: regression inputs"
		grep -E 'ERROR|SUMMARY|runtime error|^Running: ' "$log" |
			head -n 30 | sed 's/^/#   /'
	fi
}

# run NAME BINARY CORPUS DICT [VAR=VALUE...]; $extra: more options
pass=0 failed=0 n=0 extra=()
run() {
	local name=$1 bin=$2 corpus=$3 dict=$4 log rc execs limit
	shift 4
	regress "$name" "$bin" "$@"
	log=$work/$name.log
	mkdir -p "$work/corpus/$name" "$work/artifacts"
	limit=(-max_total_time="$seconds") norandom=()
	# A fixed seed alone does not repeat a run: libFuzzer rereads its
	# corpus directory every second (-reload), and compares of pointers
	# feed addresses into its mutations (address randomization off).
	if [ -n "${FUZZ_RUNS:-}" ]; then
		limit=(-runs="$(runs_of "$name")" -seed="${FUZZ_SEED:-1}"
			-reload=0)
		norandom=(setarch -R)
	fi
	env LSAN_OPTIONS="suppressions=$fuzz/lsan.supp" "$@" \
		timeout -k 10 $((seconds + 600)) unshare -n -- "${norandom[@]}" \
		"$build/tests/fuzz/$bin" "${limit[@]}" \
		-close_fd_mask=3 -timeout=10 -rss_limit_mb=2048 -handle_fpe=0 \
		"${extra[@]}" \
		-dict="$fuzz/dict/$dict.dict" \
		-artifact_prefix="$work/artifacts/$name-" \
		"$work/corpus/$name" "$fuzz/corpus/$corpus" >"$log" 2>&1
	rc=$?
	execs=$(sed -n 's/^Done \([0-9]*\) runs in \([0-9]*\) second.*/\1 execs in \2 s/p' "$log")
	# -fork mode ends with "INFO: exiting: 0 time: Ns" and counts in
	# its "#N: cov: ..." lines
	[ -n "$execs" ] || execs=$(awk '/^#[0-9]+: cov:/ { e = substr($1, 2) + 0 }
		/^INFO: exiting: 0 time: / { t = $5 }
		END { if (e && t) printf "%d execs in %s", e, t }' "$log")
	n=$((n + 1))
	if [ "$rc" = 0 ] && [ -n "$execs" ]; then
		pass=$((pass + 1))
		echo "ok $n - $name: $execs, clean"
	else
		failed=$((failed + 1))
		echo "not ok $n - $name: exit $rc ${execs:-}"
		grep -E 'ERROR|SUMMARY|runtime error|^    #[0-9]+ ' "$log" |
			grep -v 'in fuzzer::' | head -n 30 | sed 's/^/#   /'
		for a in "$work/artifacts/$name-"*; do
			[ -f "$a" ] && echo "#   input $(basename "$a"): $(base64 -w0 "$a")"
		done
	fi
}

want() {
	[ ${#targets[@]} -eq 0 ] && return 0
	local t
	for t in "${targets[@]}"; do
		[ "$t" = "$1" ] && return 0
	done
	return 1
}
targets=("$@")
# cli and restore longjmp out of parses that end in exit() (ipt's front
# ends exit on bad input, as iptables does): what those leave behind is
# abandoned by design, so their leak check is off. The others must not
# leak at all.
# A SIGFPE is left to the targets (fuzz_common.c explains why).
noleak=ASAN_OPTIONS=detect_leaks=0:handle_sigfpe=0
fork=${FUZZ_FORK:-$((seconds > 120 ? 1 : 0))}
forkopts=()
[ "$fork" -gt 0 ] && forkopts=(-fork="$fork" -ignore_ooms=1)
extra=("${forkopts[@]}")
want cli && run cli4 fuzz_cli cli4 cli $noleak FUZZ_FAMILY=4
want cli && run cli6 fuzz_cli cli6 cli $noleak FUZZ_FAMILY=6
want restore && run restore4 fuzz_restore restore4 restore $noleak FUZZ_FAMILY=4
want restore && run restore6 fuzz_restore restore6 restore $noleak FUZZ_FAMILY=6
extra=()
want restore_line && run restore_line fuzz_restore_line restore_line restore
want xml && run xml fuzz_xml xml xml
want nft_decode && run nft_decode4 fuzz_nft_decode nft_decode4 nft_decode FUZZ_FAMILY=4
want nft_decode && run nft_decode6 fuzz_nft_decode nft_decode6 nft_decode FUZZ_FAMILY=6
echo "1..$n"
echo "fuzz: $pass passed, $failed failed"
[ "$failed" -eq 0 ]
