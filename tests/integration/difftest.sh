#!/bin/bash
# Differential integration test: run the same commands through
# iptables-legacy (the oracle) and through ipt, each side in its own fresh
# network namespace, and compare what they print, how they exit and the
# ruleset they leave behind (as dumped by iptables-legacy-save -c).
#
# Usage: difftest.sh [CASEFILE.t ...]     (default: cases/*.t next to this script)
#
# Environment:
#   IPT_BIN            the ipt binary (default $abs_top_builddir/src/ipt, else
#                      ../../src/ipt relative to this script)
#   DIFFTEST_SELFCHECK=1  oracle-vs-oracle mode (IPT_BIN=/usr/sbin/xtables-legacy-multi):
#                      `x' lines are skipped and every `ipt'/`ip6t' line is replaced
#                      by its `legacy>' group on both sides
#   DIFFTEST_FILTER=RE only run cases whose "file: name" matches the ERE RE
#   DIFFTEST_KEEP=1    keep the temporary directory (printed on stderr)
#   DIFFTEST_VERBOSE=1 print the full ipt-side transcript of every case
#   DIFFTEST_TIMEOUT=S per-side time limit of one case (default 60)
#   DIFFTEST_JOBS=N    cases run concurrently (default: number of CPUs)
#
# Case files (cases/*.t), one line each:
#   === NAME               starts a case (each case runs in two fresh
#                          network namespaces, one per side)
#   # ... / blank          ignored
#   iptables ARGS          run on both sides (a shell line: quoting works);
#   ip6tables ARGS         stdout and exit code must be equal, and legacy's
#                          stderr lines a prefix of ipt's (ipt may add
#                          explanation lines, never change legacy's)
#   % SHELL                setup run on both sides, output not compared
#   ipt ARGS / ip6t ARGS   ipt's own names (several commands, one commit):
#                          ipt side only, followed by one or more
#   legacy> CMD            lines run on the legacy side as a group (stdout
#                          concatenated, exit = first non-zero); stdout and
#                          exit code compared
#   x CMD ## exit=N [stderr~TEXT]
#                          deliberate deviation from legacy: ipt side only,
#                          must exit N and have TEXT in its stderr; the
#                          legacy side skips it, so the final state check
#                          also asserts that it changed nothing
# After every case both sides dump iptables-legacy-save -c and
# ip6tables-legacy-save -c (the oracle's view of the result; comments and
# untouched tables dropped) and the dumps are compared too.
#
# Output: TAP-like `ok N - file: case' / `not ok N - ...' plus a short diff
# of the two transcripts, then one line `N passed, N failed[, N skipped]'.
# Exit 0 if nothing failed, 1 otherwise, 77 (skip) if the test cannot run.

set -u
export LC_ALL=C
# ipt's own names pick a backend by detection; this oracle is legacy.
export IPT_BACKEND=${IPT_BACKEND:-legacy}

here=$(cd "$(dirname "$0")" && pwd)

skip() {
	echo "SKIP: $*"
	exit 77
}

# ---------------------------------------------------------------- setup
if [ -z "${IPT_BIN:-}" ]; then
	if [ -n "${abs_top_builddir:-}" ]; then
		IPT_BIN=$abs_top_builddir/src/ipt
	else
		IPT_BIN=$here/../../src/ipt
	fi
fi
if [ -d "$(dirname "$IPT_BIN")" ]; then
	ipt_dir=$(cd "$(dirname "$IPT_BIN")" && pwd)
	IPT_BIN=${ipt_dir%/}/$(basename "$IPT_BIN")
fi

selfcheck=${DIFFTEST_SELFCHECK:-0}
[ "$selfcheck" = 1 ] || selfcheck=0
timeout_s=${DIFFTEST_TIMEOUT:-60}

[ "$(id -u)" = 0 ] || skip "must run as root (needs unshare -n and iptables)"

PATH=$PATH:/usr/sbin:/sbin
declare -A sysbin
for t in iptables-legacy ip6tables-legacy iptables-legacy-save ip6tables-legacy-save; do
	p=$(command -v "$t") || skip "$t not found (install iptables)"
	sysbin[$t]=$p
done
command -v unshare >/dev/null || skip "unshare not found"
unshare -n true 2>/dev/null || skip "cannot create a network namespace (unshare -n true failed)"
if [ ! -f "$IPT_BIN" ] || [ ! -x "$IPT_BIN" ]; then
	skip "ipt binary $IPT_BIN is not executable (build it first or set IPT_BIN)"
fi

if [ $# -eq 0 ]; then
	set -- "$here"/cases/*.t
fi
for f in "$@"; do
	[ -r "$f" ] || { echo "Bail out! cannot read case file $f"; exit 99; }
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/difftest.XXXXXX") || exit 99
if [ "${DIFFTEST_KEEP:-0}" = 1 ]; then
	echo "# keeping $tmp" >&2
else
	trap 'rm -rf "$tmp"' EXIT
fi
trap 'exit 130' INT TERM

mkdir "$tmp/bin-legacy" "$tmp/bin-ipt" "$tmp/work-legacy" "$tmp/work-ipt"
ln -s "${sysbin[iptables-legacy]}" "$tmp/bin-legacy/iptables"
ln -s "${sysbin[ip6tables-legacy]}" "$tmp/bin-legacy/ip6tables"
# the save and restore tools: legacy's multi binary picks the tool by name
for n in iptables-save iptables-restore ip6tables-save ip6tables-restore; do
	ln -s "${sysbin[iptables-legacy]}" "$tmp/bin-legacy/$n"
done
for n in iptables ip6tables ipt ip6t iptables-save iptables-restore \
	ip6tables-save ip6tables-restore ipt-save ipt-restore ip6t-save \
	ip6t-restore; do
	ln -s "$IPT_BIN" "$tmp/bin-ipt/$n"
done
for side in legacy ipt; do
	for t in iptables-legacy-save ip6tables-legacy-save; do
		ln -s "${sysbin[$t]}" "$tmp/bin-$side/$t"
	done
done

# ---------------------------------------------------------------- parsing
# Every case becomes a list of steps. A step is one of
#   cmd   LINE          both sides
#   setup LINE          both sides, not compared
#   multi LINE + group  ipt side LINE, legacy side the group
#   dev   LINE exit text
# stored in parallel arrays indexed by a global step number.

case_file=() case_name=() case_first=() case_count=() case_err=()
step_kind=() step_line=() step_lno=() step_group=() step_exit=() step_text=()
nsteps=0

add_case() { # file name
	case_file+=("$1")
	case_name+=("$2")
	case_first+=("$nsteps")
	case_count+=(0)
	case_err+=("")
}

add_step() { # kind line lno
	step_kind[nsteps]=$1
	step_line[nsteps]=$2
	step_lno[nsteps]=$3
	step_group[nsteps]=""
	step_exit[nsteps]=""
	step_text[nsteps]=""
	nsteps=$((nsteps + 1))
	local c=$((${#case_name[@]} - 1))
	case_count[c]=$((case_count[c] + 1))
}

case_error() { # msg (attached to the current case)
	local c=$((${#case_name[@]} - 1))
	if [ "$c" -lt 0 ]; then
		add_case "$cur_file" "(before first case)"
		c=$((${#case_name[@]} - 1))
	fi
	case_err[c]+="$1"$'\n'
}

parse_file() { # path
	local f=$1 line lno=0 prev="" rest spec
	cur_file=$(basename "$f")
	while IFS= read -r line || [ -n "$line" ]; do
		lno=$((lno + 1))
		line=${line%$'\r'}
		if [[ $line == "=== "* ]]; then
			if [ "$prev" = multi ]; then
				case_error "line $((lno - 1)): ipt line without legacy> lines"
			fi
			add_case "$cur_file" "${line#=== }"
			prev=case
			continue
		fi
		[[ $line =~ ^[[:space:]]*(#|$) ]] && continue
		if [ -z "$prev" ]; then
			add_case "$cur_file" "(before first case)"
			case_error "line $lno: command outside of a case"
			prev=case
			continue
		fi
		if [[ $line == "legacy> "* ]]; then
			if [ "$prev" != multi ] && [ "$prev" != group ]; then
				case_error "line $lno: legacy> line not preceded by an ipt/ip6t line"
				continue
			fi
			step_group[nsteps - 1]+="${line#legacy> }"$'\n'
			prev=group
			continue
		fi
		if [ "$prev" = multi ]; then
			case_error "line $((lno - 1)): ipt line without legacy> lines"
		fi
		case $line in
		"% "*)
			add_step setup "${line#% }" "$lno"
			prev=setup
			;;
		iptables | "iptables "* | ip6tables | "ip6tables "* | \
			iptables-save* | iptables-restore* | ip6tables-save* | \
			ip6tables-restore*)
			add_step cmd "$line" "$lno"
			prev=cmd
			;;
		ipt | "ipt "* | ip6t | "ip6t "*)
			add_step multi "$line" "$lno"
			prev=multi
			;;
		"x "*)
			rest=${line#x }
			if [[ $rest != *" ## "* ]]; then
				case_error "line $lno: x line without ' ## exit=N'"
				continue
			fi
			spec=${rest#* ## }
			rest=${rest%% ## *}
			if [[ ! $spec =~ ^exit=([0-9]+)([[:space:]]+stderr~(.*))?$ ]]; then
				case_error "line $lno: bad x spec '$spec' (want: exit=N [stderr~TEXT])"
				continue
			fi
			case $rest in
			iptables* | ip6tables* | ipt* | ip6t*) ;;
			*)
				case_error "line $lno: x line must run iptables, ip6tables, ipt or ip6t"
				continue
				;;
			esac
			add_step dev "$rest" "$lno"
			step_exit[nsteps - 1]=${BASH_REMATCH[1]}
			step_text[nsteps - 1]=${BASH_REMATCH[3]}
			prev=dev
			;;
		*)
			case_error "line $lno: unrecognised line: $line"
			;;
		esac
	done <"$f"
	if [ "$prev" = multi ]; then
		case_error "line $lno: ipt line without legacy> lines"
	fi
}

for f in "$@"; do
	prev_cases=${#case_name[@]}
	parse_file "$f"
	if [ "${#case_name[@]}" -eq "$prev_cases" ]; then
		echo "# warning: $f has no cases" >&2
	fi
done

# ---------------------------------------------------------------- running
# Normalise a save dump: drop comments and tables that are still in their
# pristine state (only built-in chains, policy ACCEPT, zero counters), since
# merely looking at a table instantiates it in the namespace.
# shellcheck disable=SC2016
normalize_awk='
/^#/ { next }
/^\*/ { tbl = $0; buf = ""; nondef = 0; next }
tbl != "" && /^COMMIT/ { if (nondef) printf "%s\n%s%s\n", tbl, buf, $0; tbl = ""; next }
tbl != "" { buf = buf $0 "\n"; if ($0 !~ /^:[A-Z]+ ACCEPT \[0:0\]$/) nondef = 1; next }
{ print }
'

# emit_run LINE OUT ERR [a]: the generated command for one line; setup lines
# run in a subshell (they may cd or exit), tool lines without the extra fork.
emit_run() {
	local r='>'
	[ "${4:-}" = a ] && r='>>'
	case $1 in
	iptables | "iptables "* | ip6tables | "ip6tables "* | ipt | "ipt "* | \
		ip6t | "ip6t "* | iptables-save* | iptables-restore* | \
		ip6tables-save* | ip6tables-restore* | ipt-* | ip6t-*)
		printf '{ eval -- %q; } %s%q 2%s%q </dev/null\n' "$1" "$r" "$2" "$r" "$3"
		;;
	*)
		printf '( eval -- %q ) %s%q 2%s%q </dev/null\n' "$1" "$r" "$2" "$r" "$3"
		;;
	esac
}

# gen_script SIDE CASEIDX RESDIR > script
# shellcheck disable=SC2016 # the $ in the printf formats are for the generated script
gen_script() {
	local side=$1 c=$2 d=$3 i last kind ln
	# each case has its own work directory: cases run in parallel, and
	# setup lines write files (restore input) there
	printf 'mkdir -p %q && cd %q || exit 1\n' "$tmp/work-$side/$c" "$tmp/work-$side/$c"
	i=${case_first[c]}
	last=$((i + case_count[c]))
	for (( ; i < last; i++)); do
		kind=${step_kind[i]}
		if [ "$kind" = multi ] && [ "$selfcheck" = 1 ]; then
			kind=group
		fi
		case $kind in
		setup)
			emit_run "${step_line[i]}" /dev/null /dev/null
			;;
		cmd)
			emit_run "${step_line[i]}" "$d/$i.out" "$d/$i.err"
			printf 'echo $? >%q\n' "$d/$i.rc"
			;;
		multi | group | dev)
			if [ "$kind" = dev ] && [ "$selfcheck" = 1 ]; then
				continue
			fi
			if [ "$kind" != group ] && [ "$side" = ipt ]; then
				emit_run "${step_line[i]}" "$d/$i.out" "$d/$i.err"
				printf 'echo $? >%q\n' "$d/$i.rc"
			elif [ "$kind" != dev ]; then
				printf ': >%q; : >%q; rc=0\n' "$d/$i.out" "$d/$i.err"
				while IFS= read -r ln; do
					[ -n "$ln" ] || continue
					emit_run "$ln" "$d/$i.out" "$d/$i.err" a
					printf 'r=$?; [ $rc -ne 0 ] || rc=$r\n'
				done <<<"${step_group[i]}"
				printf 'echo $rc >%q\n' "$d/$i.rc"
			fi
			;;
		esac
	done
	# a family whose tables were never instantiated in this namespace is
	# pristine: no need to run its save tool
	printf '{ echo "## iptables-legacy-save -c"; if read -r _ </proc/net/ip_tables_names; then iptables-legacy-save -c 2>&1; fi\n'
	printf '  echo "## ip6tables-legacy-save -c"; if read -r _ </proc/net/ip6_tables_names; then ip6tables-legacy-save -c 2>&1; fi; } | awk %q >%q\n' \
		"$normalize_awk" "$d/dump"
}

# put_file FILE: print a file byte for byte (no fork), flagging a missing
# final newline.
put_file() {
	local -a a=()
	[ -s "$1" ] || return 0
	mapfile a <"$1"
	printf '%s' "${a[@]}"
	local l=${a[${#a[@]} - 1]}
	[[ $l == *$'\n' ]] || printf '\n\\ no newline at end\n'
}

# Transcript lines starting with this marker are for the reader only and
# are dropped before comparing: stderr lines that ipt adds after legacy's,
# and the stderr of ipt/legacy> lines.
nc='~~ stderr (not compared): '

# build_transcripts CASEIDX LEGDIR IPTDIR TLEG TIPT: write both transcripts
build_transcripts() {
	local c=$1 dl=$2 di=$3 i last kind rl ri hdr k ok msg
	local -a el ei
	exec 3>"$4" 4>"$5"
	i=${case_first[c]}
	last=$((i + case_count[c]))
	for (( ; i < last; i++)); do
		kind=${step_kind[i]}
		[ "$kind" = setup ] && continue
		if [ "$kind" = multi ] && [ "$selfcheck" = 1 ]; then
			kind=cmd
		fi
		[ "$kind" = dev ] && [ "$selfcheck" = 1 ] && continue
		hdr="\$ [line ${step_lno[i]}] ${step_line[i]}"
		if [ "$kind" = dev ]; then
			{ read -r ri <"$di/$i.rc"; } 2>/dev/null || ri=missing
			msg=""
			if [ "$ri" != "${step_exit[i]}" ]; then
				msg="exit $ri, expected ${step_exit[i]}"
			fi
			if [ -n "${step_text[i]}" ]; then
				local errtxt=""
				[ -f "$di/$i.err" ] && errtxt=$(<"$di/$i.err")
				if [[ $errtxt != *"${step_text[i]}"* ]]; then
					msg+="${msg:+; }stderr lacks '${step_text[i]}'"
				fi
			fi
			printf '%s\n[deviation: exit %s%s]\n' "$hdr" "${step_exit[i]}" \
				"${step_text[i]:+, stderr~${step_text[i]}}" >&3
			if [ -z "$msg" ]; then
				printf '%s\n[deviation: exit %s%s]\n' "$hdr" "${step_exit[i]}" \
					"${step_text[i]:+, stderr~${step_text[i]}}" >&4
			else
				printf '%s\n[deviation FAILED: %s]\n' "$hdr" "$msg" >&4
				printf '[stderr]\n' >&4
				put_file "$di/$i.err" >&4
			fi
			continue
		fi
		{ read -r rl <"$dl/$i.rc"; } 2>/dev/null || rl=missing
		{ read -r ri <"$di/$i.rc"; } 2>/dev/null || ri=missing
		printf '%s\n' "$hdr" >&3
		printf '%s\n' "$hdr" >&4
		put_file "$dl/$i.out" >&3
		put_file "$di/$i.out" >&4
		if [ "$kind" = cmd ]; then
			el=() ei=()
			[ -f "$dl/$i.err" ] && mapfile -t el <"$dl/$i.err"
			[ -f "$di/$i.err" ] && mapfile -t ei <"$di/$i.err"
			ok=1
			if [ "${#el[@]}" -gt "${#ei[@]}" ]; then
				ok=0
			else
				for ((k = 0; k < ${#el[@]}; k++)); do
					if [ "${el[k]}" != "${ei[k]}" ]; then
						ok=0
						break
					fi
				done
			fi
			if [ "${#el[@]}" -gt 0 ]; then
				printf '[stderr]\n' >&3
				printf '%s\n' "${el[@]}" >&3
			fi
			if [ $ok = 1 ]; then
				if [ "${#el[@]}" -gt 0 ]; then
					printf '[stderr]\n' >&4
					printf '%s\n' "${el[@]}" >&4
				fi
				# lines ipt may add: not compared, but shown when
				# the exit codes differ
				if [ "$rl" != "$ri" ]; then
					for ((k = ${#el[@]}; k < ${#ei[@]}; k++)); do
						printf '%s%s\n' "$nc" "${ei[k]}" >&4
					done
				fi
			elif [ "${#ei[@]}" -gt 0 ]; then
				printf '[stderr]\n' >&4
				printf '%s\n' "${ei[@]}" >&4
			fi
		else
			# ipt line vs legacy> group: stderr not compared, but
			# shown when the exit codes differ
			if [ "$rl" != "$ri" ]; then
				el=() ei=()
				[ -f "$dl/$i.err" ] && mapfile -t el <"$dl/$i.err"
				[ -f "$di/$i.err" ] && mapfile -t ei <"$di/$i.err"
				[ "${#el[@]}" -eq 0 ] || printf "$nc%s\n" "${el[@]}" >&3
				[ "${#ei[@]}" -eq 0 ] || printf "$nc%s\n" "${ei[@]}" >&4
			fi
		fi
		printf '[exit %s]\n' "$rl" >&3
		printf '[exit %s]\n' "$ri" >&4
	done
	printf '%s\n' "--- final state" >&3
	printf '%s\n' "--- final state" >&4
	put_file "$dl/dump" >&3
	put_file "$di/dump" >&4
	exec 3>&- 4>&-
}

# run_side SIDE CASEIDX RESDIR -> status of the namespace run
run_side() {
	local side=$1 c=$2 d=$3
	gen_script "$side" "$c" "$d" >"$d.sh"
	: >"$d.lock"
	timeout -k 5 "$timeout_s" unshare -n -- env \
		PATH="$tmp/bin-$side:$PATH" \
		XTABLES_LOCKFILE="$d.lock" \
		bash "$d.sh" >"$d.log" 2>&1 </dev/null
}

# run_case CASEIDX: run both sides, compare; writes $tmp/res/N.tap (the TAP
# lines) and $tmp/res/N.st (pass or fail)
run_case() {
	local c=$1 n=$(($1 + 1)) r=$tmp/r$1 st_l st_i pid_l bad="" title result
	local out=$tmp/res/$n
	title="${case_file[c]}: ${case_name[c]}"
	mkdir -p "$r/legacy" "$r/ipt"
	run_side legacy "$c" "$r/legacy" &
	pid_l=$!
	run_side ipt "$c" "$r/ipt"
	st_i=$?
	wait "$pid_l"
	st_l=$?
	build_transcripts "$c" "$r/legacy" "$r/ipt" "$r/T.legacy" "$r/T.ipt"
	if [ $st_l -ne 0 ] || [ $st_i -ne 0 ]; then
		bad="namespace script failed (legacy $st_l, ipt $st_i)"
	fi
	{
		if [ -z "$bad" ] && grep -v "^$nc" "$r/T.legacy" >"$r/C.legacy" &&
			grep -v "^$nc" "$r/T.ipt" >"$r/C.ipt" &&
			cmp -s "$r/C.legacy" "$r/C.ipt"; then
			result=pass
			echo "ok $n - $title"
		else
			result=fail
			echo "not ok $n - $title"
			if [ -n "$bad" ]; then
				echo "# $bad"
				sed -n '1,10s/^/#   /p' "$r/legacy.log" "$r/ipt.log"
			fi
			diff -u --label legacy --label ipt "$r/T.legacy" "$r/T.ipt" | head -n 40 | sed 's/^/# /'
		fi
		if [ "${DIFFTEST_VERBOSE:-0}" = 1 ]; then
			sed 's/^/#| /' "$r/T.ipt"
		fi
	} >"$out.tap"
	# the .st file is written last: it marks the result complete
	# written aside and renamed: flush_results takes an existing .st as
	# complete, and could otherwise read it empty and count nothing
	echo "$result" >"$out.st.tmp" && mv "$out.st.tmp" "$out.st"
}

ncases=${#case_name[@]}
jobs=${DIFFTEST_JOBS:-$(nproc 2>/dev/null || echo 2)}
[[ $jobs =~ ^[1-9][0-9]*$ ]] || jobs=2
mkdir "$tmp/res"
echo "1..$ncases"
pass=0 fail=0 skipped=0 dropped_lines=0 running=0 next_out=1

# flush_results [wait]: print finished results in case order
flush_results() {
	local st
	local -a lines
	while [ "$next_out" -le "$ncases" ]; do
		if [ ! -f "$tmp/res/$next_out.st" ]; then
			[ "${1:-}" = wait ] || return 0
			sleep 0.05
			continue
		fi
		mapfile lines <"$tmp/res/$next_out.tap"
		printf '%s' "${lines[@]}"
		read -r st <"$tmp/res/$next_out.st"
		case $st in
		pass) pass=$((pass + 1)) ;;
		fail) fail=$((fail + 1)) ;;
		skip) skipped=$((skipped + 1)) ;;
		esac
		next_out=$((next_out + 1))
	done
}

# report N STATUS TEXT...: a result decided without running anything
report() {
	local n=$1 st=$2
	shift 2
	printf '%s\n' "$@" >"$tmp/res/$n.tap"
	echo "$st" >"$tmp/res/$n.st.tmp" && mv "$tmp/res/$n.st.tmp" "$tmp/res/$n.st"
}

for ((c = 0; c < ncases; c++)); do
	n=$((c + 1))
	title="${case_file[c]}: ${case_name[c]}"
	if [ -n "${DIFFTEST_FILTER:-}" ] && [[ ! $title =~ ${DIFFTEST_FILTER} ]]; then
		report "$n" skip "ok $n - $title # SKIP filtered out"
		continue
	fi
	if [ -n "${case_err[c]}" ]; then
		mapfile -t errs <<<"${case_err[c]%$'\n'}"
		report "$n" fail "not ok $n - $title" "${errs[@]/#/# case file error: }"
		continue
	fi
	# in self-check mode `x' lines are dropped and ipt lines replaced
	checked=0
	i=${case_first[c]}
	for ((j = i; j < i + case_count[c]; j++)); do
		case ${step_kind[j]} in
		cmd) checked=1 ;;
		multi)
			checked=1
			[ "$selfcheck" = 1 ] && dropped_lines=$((dropped_lines + 1))
			;;
		dev) [ "$selfcheck" = 1 ] && dropped_lines=$((dropped_lines + 1)) ;;
		esac
	done
	if [ "$selfcheck" = 1 ] && [ $checked = 0 ]; then
		report "$n" skip "ok $n - $title # SKIP only deviation lines (self-check mode)"
		continue
	fi
	if [ "$running" -ge "$jobs" ]; then
		wait -n
		running=$((running - 1))
	fi
	run_case "$c" &
	running=$((running + 1))
	flush_results
done
wait
flush_results wait

if [ "$selfcheck" = 1 ]; then
	echo "# self-check mode: $dropped_lines ipt-only lines (x / ipt / ip6t) were not run as such; ipt/ip6t lines were replaced by their legacy> groups"
fi
summary="$pass passed, $fail failed"
[ $skipped -gt 0 ] && summary+=", $skipped skipped"
echo "$summary"
[ $fail -eq 0 ]
