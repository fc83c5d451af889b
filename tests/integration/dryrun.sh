#!/bin/bash
# ipt --dry-run, ipt-restore --dry-run and ipt diff, through both kernel
# backends, each in a private network namespace (unshare -n, private
# XTABLES_LOCKFILE). The expected diffs are not typed in: each command or
# file also runs for real (after the dry run was checked to change
# nothing, byte for byte in ipt-save -c) and GNU diff -u of the table
# before and after is what the dry run must have printed.
#
# Usage: dryrun.sh          Environment: IPT_BIN (as for difftest.sh)
set -u
export LC_ALL=C
PATH=$PATH:/usr/sbin:/sbin

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source-path=SCRIPTDIR source=../lib.sh
. "$here/../lib.sh"
ipt_find_bin
[ -x "$IPT_BIN" ] || { echo "SKIP: $IPT_BIN not built"; exit 77; }

pass() { tap_pass "$@"; }
fail() { tap_fail "$@"; }

# ------------------------------------------------------------- inside
# The cases of one backend ($1), run inside a network namespace of their
# own; prints "ok"/"not ok" lines.
inside() {
	B=$1 tmp=$2
	export XTABLES_LOCKFILE=$tmp/xtables.lock
	cd "$tmp" || exit 99

	cat >baseline <<'EOF'
*nat
:PREROUTING ACCEPT [0:0]
:INPUT ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
:POSTROUTING ACCEPT [0:0]
-A POSTROUTING -o eth9 -j MASQUERADE
COMMIT
*filter
:INPUT ACCEPT [10:1000]
:FORWARD ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
:old - [0:0]
:web - [0:0]
[5:500] -A INPUT -p tcp -m tcp --dport 22 -j ACCEPT
[0:0] -A INPUT -p tcp -m tcp --dport 80 -j web
[0:0] -A web -s 10.0.0.0/8 -j ACCEPT
COMMIT
EOF
	ipt() { ./ipt "--$B" "$@"; }
	ipt_restore() { ./ipt-restore "--$B" "$@"; }
	ipt_save() { ./ipt-save "--$B" "$@"; }
	reset() { ipt_restore -c baseline || echo "baseline restore failed"; }
	# the whole ruleset with counters, without the dated comments
	snap() { ipt_save -c | grep -v '^#'; }
	# one table as a dry run shows it: save lines, policy counters zeroed
	# and (without -c) no rule counters
	table() {
		ipt_save ${2:+"$2"} -t "$1" | grep -v '^#' |
			if [ "${2:-}" = -c ]; then cat; else
				sed 's/ \[[0-9]*:[0-9]*\]$/ [0:0]/'; fi
	}
	# the diff of table $1 between files $2 and $3, labelled $4 / $5
	tdiff() { diff -u --label "$1 (${4:-now})" --label "$1 (${5:-after})" \
		"$2" "$3"; }

	# dry NAME TABLE MUSTHAVE ARGS...: ipt --dry-run ARGS shows what
	# ipt ARGS does, and changes nothing
	dry() {
		local name="$B: $1" tbl=$2 musthave=$3 out rc rrc want a
		local -a real=()
		shift 3
		for a in "$@"; do [ "$a" = --dry-run ] || real+=("$a"); done
		reset
		snap >save.0
		table "$tbl" >t.0
		out=$(ipt --dry-run "$@" 2>err.dry)
		rc=$?
		snap >save.1
		ipt "${real[@]}" >/dev/null 2>err.real
		rrc=$?
		table "$tbl" >t.1
		want=$(tdiff "$tbl" t.0 t.1)
		if ! cmp -s save.0 save.1; then
			fail "$name: nothing changed" "$(diff save.0 save.1)"
		elif [ "$rc" != 0 ] || [ "$rrc" != 0 ]; then
			fail "$name" "exit $rc, real $rrc: $(cat err.dry err.real)"
		elif [ "$out" != "$want" ]; then
			fail "$name" "got:
$out
want:
$want"
		elif [ -n "$musthave" ] && ! grep -qxF -e "$musthave" <<<"$out"; then
			fail "$name" "no line $musthave in:
$out"
		else
			pass "$name"
		fi
	}

	# refused NAME ARGS...: the dry run fails as the real run does (exit
	# status, first line of stderr), prints no diff, changes nothing
	refused() {
		local name="$B: $1" out rc rrc
		shift
		reset
		snap >save.0
		out=$(ipt --dry-run "$@" 2>err.dry)
		rc=$?
		snap >save.1
		ipt "$@" >/dev/null 2>err.real
		rrc=$?
		if ! cmp -s save.0 save.1; then
			fail "$name: nothing changed" "$(diff save.0 save.1)"
		elif [ "$rc" = 0 ] || [ "$rc" != "$rrc" ] ||
			[ "$(head -n1 err.dry)" != "$(head -n1 err.real)" ]; then
			fail "$name" "dry: exit $rc: $(cat err.dry)
real: exit $rrc: $(cat err.real)"
		elif grep -q '^+++ ' <<<"$out"; then
			fail "$name: no diff" "$out"
		else
			pass "$name"
		fi
	}

	# rdry NAME FLAGS FILE TABLES...: ipt-restore --dry-run FLAGS FILE
	# prints, for each of TABLES (the file's changed ones, in its order),
	# what the real restore does to it
	rdry() {
		local name="$B: $1" flags=$2 file=$3 out rc rrc want='' t c=''
		shift 3
		[[ $flags == *-c* ]] && c=-c
		reset
		snap >save.0
		for t in "$@"; do table "$t" $c >"t.0.$t"; done
		# shellcheck disable=SC2086
		out=$(ipt_restore --dry-run $flags "$file" 2>err.dry)
		rc=$?
		snap >save.1
		# shellcheck disable=SC2086
		ipt_restore $flags "$file" 2>err.real
		rrc=$?
		for t in "$@"; do
			table "$t" $c >"t.1.$t"
			want+=$(tdiff "$t" "t.0.$t" "t.1.$t")$'\n'
		done
		want=${want%$'\n'}
		if ! cmp -s save.0 save.1; then
			fail "$name: nothing changed" "$(diff save.0 save.1)"
		elif [ "$rc" != 0 ] || [ "$rrc" != 0 ]; then
			fail "$name" "exit $rc, real $rrc: $(cat err.dry err.real)"
		elif [ "$out" != "$want" ] || [ -z "$want" ]; then
			fail "$name" "got:
$out
want:
$want"
		else
			pass "$name"
		fi
	}

	# rrefused NAME FILE: the dry restore fails as the real one does
	rrefused() {
		local name="$B: $1" out rc rrc
		reset
		snap >save.0
		out=$(ipt_restore --dry-run "$2" 2>err.dry)
		rc=$?
		snap >save.1
		ipt_restore "$2" 2>err.real
		rrc=$?
		if ! cmp -s save.0 save.1; then
			fail "$name: nothing changed" "$(diff save.0 save.1)"
		elif [ "$rc" = 0 ] || [ "$rc" != "$rrc" ] ||
			! cmp -s err.dry err.real || [ -n "$out" ]; then
			fail "$name" "dry: exit $rc: $(cat err.dry)$out
real: exit $rrc: $(cat err.real)"
		else
			pass "$name"
		fi
	}

	# ------------------------------------------------ ipt --dry-run
	dry "-A shows the rule appended" filter \
		"+-A INPUT -p tcp -m tcp --dport 443 -j ACCEPT" \
		-A INPUT -p tcp --dport 443 -j ACCEPT
	dry "-I shows the rule inserted first" filter \
		"+-A INPUT -s 192.0.2.1/32 -j DROP" -I INPUT -s 192.0.2.1 -j DROP
	dry "-D by rule" filter "--A INPUT -p tcp -m tcp --dport 22 -j ACCEPT" \
		-D INPUT -p tcp --dport 22 -j ACCEPT
	dry "-D by number" filter "--A INPUT -p tcp -m tcp --dport 80 -j web" \
		-D INPUT 2
	dry "-N" filter "+:new - [0:0]" -N new
	dry "-X" filter "-:old - [0:0]" -X old
	dry "-P" filter "+:FORWARD DROP [0:0]" -P FORWARD DROP
	dry "-F of a chain" filter "--A web -s 10.0.0.0/8 -j ACCEPT" -F web
	dry "-F of the table" filter \
		"--A INPUT -p tcp -m tcp --dport 22 -j ACCEPT" -F
	dry "-E renames the chain and its jumps" filter \
		"+-A INPUT -p tcp -m tcp --dport 80 -j www" -E web www
	dry "-t nat -A" nat "+-A PREROUTING -p tcp -m tcp --dport 8080 -j REDIRECT --to-ports 80" \
		-t nat -A PREROUTING -p tcp --dport 8080 -j REDIRECT --to-ports 80
	dry "several commands in one invocation" filter "+-A ssh -j ACCEPT" \
		-N ssh -A ssh -j ACCEPT -R INPUT 1 -p tcp --dport 22 -j ssh \
		-P INPUT DROP -X old
	dry "-Z and -c change nothing shown" filter "" \
		-Z -P INPUT ACCEPT -c 1 2
	dry "-C changes nothing" filter "" \
		-C INPUT -p tcp --dport 22 -j ACCEPT

	# a listing among the commands still prints, before the diff
	reset
	out=$(ipt --dry-run -N lst -S lst -A lst -j DROP 2>&1)
	if [ "$(printf '%s\n' "$out" | head -n 2)" = "-N lst
--- filter (now)" ] && grep -qxF -e "+-A lst -j DROP" <<<"$out"; then
		pass "$B: -S inside a dry run prints, then the diff"
	else
		fail "$B: -S inside a dry run prints, then the diff" "$out"
	fi

	refused "a missing chain: same message and status" \
		-A INPUT -j ACCEPT -A nonexist -j ACCEPT
	refused "-X of a chain in use: same message and status" -X web
	refused "a parse error: same message and status" -A INPUT --bogus
	dry "--dry-run anywhere on the line" filter "+:late - [0:0]" \
		-A INPUT -j ACCEPT --dry-run -N late
	if [ "$B" = legacy ]; then
		# the documented limit: libiptc has no check-only commit, and
		# the kernel checks a target's table only when the whole table
		# is replaced, so the dry run passes what the real run fails
		reset
		ipt --dry-run -A INPUT -j MASQUERADE >/dev/null 2>&1
		rc=$?
		ipt -A INPUT -j MASQUERADE >/dev/null 2>&1
		rrc=$?
		if [ "$rc" = 0 ] && [ "$rrc" != 0 ]; then
			pass "$B: (limit) a nat-only target in filter passes the dry run"
		else
			fail "$B: (limit) a nat-only target in filter passes the dry run" \
				"dry run exit $rc; update ipt(8) DRY RUNS if this changed"
		fi
	fi
	if [ "$B" = nft ]; then
		# the kernel's refusals, found only by the check-only batch
		# (libxtables and ipt accept both)
		refused "a nat-only target in filter: refused by the kernel" \
			-A INPUT -j MASQUERADE
		refused "a jump loop: refused by the kernel" \
			-N a -N b -A INPUT -j a -A a -j b -A b -j a
	fi

	# ------------------------------------------ ipt-restore --dry-run
	cat >multi <<'EOF'
# nat first, then filter: the diffs follow the file's order
*nat
:PREROUTING ACCEPT [0:0]
:INPUT ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
:POSTROUTING ACCEPT [0:0]
-A POSTROUTING -o eth0 -j MASQUERADE
COMMIT
*filter
:INPUT DROP [0:0]
:FORWARD ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
:web - [0:0]
-A INPUT -p tcp --dport 22 -j ACCEPT
-A INPUT -p tcp --dport 443 -j web
-A web -j ACCEPT
COMMIT
EOF
	rdry "restore of two tables: one diff each, in file order" "" multi \
		nat filter
	cat >noflush <<'EOF'
*filter
:extra - [0:0]
-A INPUT -j extra
-A extra -p udp --dport 53 -j ACCEPT
COMMIT
EOF
	rdry "restore -n adds to the table" -n noflush filter
	cat >counted <<'EOF'
*filter
:INPUT ACCEPT [7:700]
:FORWARD ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
:old - [0:0]
:web - [0:0]
[9:900] -A INPUT -p tcp --dport 22 -j ACCEPT
[0:0] -A INPUT -p tcp --dport 80 -j web
[0:0] -A web -s 10.0.0.0/8 -j ACCEPT
COMMIT
EOF
	rdry "restore -c compares the counters" -c counted filter
	out=$(reset; ipt_restore --dry-run counted 2>&1)
	if [ -z "$out" ]; then
		pass "$B: restore without -c: counters alone make no diff"
	else
		fail "$B: restore without -c: counters alone make no diff" "$out"
	fi
	cat >badline <<'EOF'
*filter
:INPUT ACCEPT [0:0]
-A INPUT -p tcp --dport 22 -j ACCEPT
-A INPUT -j nonexist
COMMIT
EOF
	rrefused "restore of a bad line: same message and status" badline
	if [ "$B" = nft ]; then
		cat >kernelbad <<'EOF'
*nat
:POSTROUTING ACCEPT [0:0]
-A POSTROUTING -o eth1 -j MASQUERADE
COMMIT
*filter
:INPUT ACCEPT [0:0]
-A INPUT -j MASQUERADE
COMMIT
EOF
		rrefused "restore the kernel refuses (whole file's batch checked)" \
			kernelbad
	fi

	# --------------------------------------------------------- ipt diff
	# expect_diff NAME RC [ARGS...]: ipt diff ARGS exits RC
	expect_diff() {
		local name="$B: $1" want=$2 out rc
		shift 2
		out=$(ipt diff "$@" 2>&1)
		rc=$?
		if [ "$rc" = "$want" ]; then
			pass "$name"
		else
			fail "$name" "exit $rc (want $want): $out"
		fi
	}
	reset
	ipt_save >live.save
	ipt_save -c >live.csave
	expect_diff "diff of the live ruleset's own save: 0" 0 live.save
	expect_diff "diff -c of its save -c: 0" 0 -c live.csave
	expect_diff "diff -c of a save without counters: 1" 1 -c live.save
	expect_diff "diff of the same rules, other counters: 0" 0 counted
	sed -n '/^\*filter/,/^COMMIT/p' live.save >filteronly
	ipt -t nat -A POSTROUTING -o eth8 -j MASQUERADE
	expect_diff "tables not in the file are not compared: 0" 0 filteronly
	cat >noncanon <<'EOF'
*filter
:INPUT ACCEPT [0:0]
:FORWARD ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
:old - [0:0]
:web - [0:0]
-A INPUT --protocol tcp --destination-port 22 --jump ACCEPT
-A INPUT -p 6 --dport http -j web
-A web --source 10.1.2.3/255.0.0.0 -j ACCEPT
COMMIT
EOF
	expect_diff "a file written otherwise equals its live form: 0" 0 noncanon
	out=$(ipt diff multi 2>&1)
	rc=$?
	want=$(ipt_restore --dry-run multi | sed -e 's/ (now)$/ (live)/' \
		-e 's/ (after)$/ (multi)/')
	if [ "$rc" = 1 ] && [ "$out" = "$want" ] &&
		grep -qxF -e "+++ filter (multi)" <<<"$out"; then
		pass "$B: diff of a different file: 1, the dry run's diff"
	else
		fail "$B: diff of a different file: 1, the dry run's diff" \
			"exit $rc; got:
$out
want:
$want"
	fi
	out=$(ipt diff badline 2>&1)
	rc=$?
	# (nf_tables finds a missing target at the COMMIT line, as
	# iptables-nft-restore does)
	if [ "$rc" = 2 ] && grep -qE "line:? [45]" <<<"$out"; then
		pass "$B: diff of a bad file: 2, the line named"
	else
		fail "$B: diff of a bad file: 2, the line named" "exit $rc: $out"
	fi
	expect_diff "diff of an unreadable file: 2" 2 "$tmp/nonexist"
	expect_diff "diff without a file: 2" 2
	cat >v6 <<'EOF'
*filter
:INPUT ACCEPT [0:0]
:FORWARD ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
-A INPUT -s 2001:db8::/32 -j ACCEPT
COMMIT
EOF
	./ip6t-restore "--$B" v6
	expect_diff "ip6t diff of the IPv6 rules: 0" 0 -6 v6
	out=$(./ip6t "--$B" diff v6 2>&1)
	rc=$?
	if [ "$rc" = 0 ] && [ -z "$out" ]; then
		pass "$B: ip6t diff is diff -6"
	else
		fail "$B: ip6t diff is diff -6" "exit $rc: $out"
	fi
	expect_diff "diff -4 of an IPv6 file: 2" 2 -4 v6
	snap >save.0
	ipt diff -c multi >/dev/null 2>&1
	snap >save.1
	if cmp -s save.0 save.1; then
		pass "$B: diff changes nothing"
	else
		fail "$B: diff changes nothing" "$(diff save.0 save.1)"
	fi
}

if [ "${1:-}" = --inside ]; then
	inside "$2" "$3"
	exit 0
fi

# ------------------------------------------------------------- outside
tmp=$(mktemp -d "${TMPDIR:-/tmp}/dryrun.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
for n in ipt ip6t ipt-restore ip6t-restore ipt-save iptables iptables-restore \
	iptables-nft-restore; do
	ln -s "$IPT_BIN" "$tmp/$n"
done

# The iptables names refuse the new options as iptables 1.8.9 refuses an
# unknown option (no kernel needed: the option is refused first).
same_as() {
	local name=$1 ref=$2 ours=$3 a b
	shift 3
	if ! command -v "$ref" >/dev/null; then
		echo "ok $((npass + nfail + 1)) - $name # SKIP no $ref"
		npass=$((npass + 1))
		return
	fi
	a=$("$ref" "$@" 2>&1 </dev/null; echo "rc=$?")
	b=$("$tmp/$ours" "$@" 2>&1 </dev/null; echo "rc=$?")
	# getopt names the program as it was called
	a=${a//$ref/$ours}
	b=${b//$tmp\//}
	if [ "$a" = "$b" ]; then
		pass "$name"
	else
		fail "$name" "iptables: $a
ipt:      $b"
	fi
}
same_as "iptables --dry-run: refused as iptables-legacy refuses it" \
	iptables-legacy iptables --dry-run -A INPUT -j ACCEPT
same_as "iptables-restore --dry-run: refused as iptables-legacy-restore" \
	iptables-legacy-restore iptables-restore --dry-run
same_as "iptables-nft-restore --dry-run: refused as iptables-nft-restore" \
	iptables-nft-restore iptables-nft-restore --dry-run
out=$("$tmp/iptables" diff x 2>&1)
if [ "$?" = 2 ] && grep -q "Bad argument .diff'" <<<"$out"; then
	pass "iptables diff is no subcommand"
else
	fail "iptables diff is no subcommand" "$out"
fi

if [ "$(id -u)" != 0 ] || ! unshare -n true 2>/dev/null; then
	echo "# kernel tests skipped: need root and unshare -n"
else
	for b in legacy nft; do
		: >"$tmp/xtables.lock"
		while IFS= read -r line; do
			case $line in
			"ok "*) pass "${line#ok * - }" ;;
			"not ok "*) fail "${line#not ok * - }" "" ;;
			"#"*) echo "$line" ;;
			*) fail "$b: unexpected output" "$line" ;;
			esac
		done < <(unshare -n bash "$here/dryrun.sh" --inside "$b" "$tmp" 2>&1)
	done
fi

echo "$npass passed, $nfail failed"
[ "$nfail" -eq 0 ]
