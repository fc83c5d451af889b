#!/bin/bash
# A flushing restore writes its table itself (src/blob.c, src/legacy_fresh.c)
# instead of through libiptc. Compared here, byte for byte, with
# iptables-legacy-restore and with ipt's own libiptc path (IPT_NO_BLOB=1):
# exit code, stdout, stderr, and every legacy table as the kernel holds it
# afterwards (tests/blob/tabledump: IPT_SO_GET_INFO's hooks and offsets,
# IPT_SO_GET_ENTRIES' blob with its counters). Each run starts from the same
# old tables (user chains, rules, policies with counters) in a network
# namespace of its own. Inputs: the bench mixes, every kind of line a
# restore file can hold (inserts, kept policies, the calls that hand the
# table over to libiptc, errors, kernel refusals, chain names that sort
# oddly, a chain named like a target, -N of a declared name and of a
# target's), IPv4 and IPv6, with and without -c.
# With strace, also checks that the blob path does not read the old table
# when the file sets every policy (no IPT_SO_GET_ENTRIES).
# Output: TAP lines, then `N passed, N failed'. Exit 0/1, 77 skip.
. "$(dirname "$0")/../lib.sh"
need_netns iptables-legacy-restore ip6tables-legacy-restore

dump=${abs_top_builddir:+$abs_top_builddir/tests/blob/tabledump}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [ ! -x "${dump:-/nonexistent}" ]; then
	command -v cc >/dev/null || skip "no tests/blob/tabledump and no cc"
	cc -O1 -o "$tmp/tabledump" "$tests_dir/blob/tabledump.c" ||
		skip "cannot build tabledump"
	dump=$tmp/tabledump
fi
mkdir "$tmp/bin"
for n in iptables-restore ip6tables-restore; do
	ln -s "$IPT_BIN" "$tmp/bin/$n"
done
gen=$tests_dir/../bench/gen-rules.sh

# the old tables every run starts from
cat > "$tmp/old4" <<'EOF'
*filter
:INPUT DROP [7:700]
:FORWARD ACCEPT [3:300]
:OUTPUT ACCEPT [11:1100]
:old1 - [0:0]
:old2 - [0:0]
[5:50] -A INPUT -j old1
-A INPUT -s 10.0.0.0/8 -j ACCEPT
[2:20] -A old1 -j old2
-A old2 -p tcp --dport 22 -j ACCEPT
COMMIT
*nat
:PREROUTING ACCEPT [9:900]
:INPUT ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
:POSTROUTING ACCEPT [4:400]
:oldnat - [0:0]
-A PREROUTING -j oldnat
COMMIT
*mangle
:PREROUTING ACCEPT [1:10]
:INPUT ACCEPT [0:0]
:FORWARD ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
:POSTROUTING ACCEPT [0:0]
COMMIT
EOF
sed -e 's/10\.0\.0\.0\/8/2001:db8::\/32/' -e '/^\*nat/,$d' "$tmp/old4" > "$tmp/old6"

# run SIDE FAM FILE ARGS...: in a fresh namespace loaded with the old
# tables, restore FILE, then dump every table; into $tmp/out.SIDE
run() {
	local side=$1 fam=$2 file=$3
	shift 3
	unshare -n -- env PATH="$PATH" XTABLES_LOCKFILE="$tmp/lock" bash -c '
		side=$1 fam=$2 file=$3 tmp=$4 dump=$5; shift 5
		t=iptables; [ "$fam" = 6 ] && t=ip6tables
		"$t-legacy-restore" -c < "$tmp/old$fam" || exit 99
		case $side in
		legacy) "$t-legacy-restore" "$@" < "$file" ;;
		blob) "$tmp/bin/$t-restore" "$@" < "$file" ;;
		libiptc) IPT_NO_BLOB=1 "$tmp/bin/$t-restore" "$@" < "$file" ;;
		esac > "$tmp/stdout.$side" 2> "$tmp/stderr.$side"
		echo "rc $?"
		for tb in filter nat mangle raw; do
			[ "$fam" = 6 ] && [ "$tb" = nat ] && continue
			echo "table $tb"
			"$dump" "-$fam" "$tb"
		done
	' _ "$side" "$fam" "$file" "$tmp" "$dump" "$@" > "$tmp/out.$side"
}

# check NAME FAM FILE ARGS...
check() {
	local name=$1 fam=$2 file=$3 side why=
	shift 3
	for side in legacy blob libiptc; do
		run "$side" "$fam" "$file" "$@"
	done
	if ! grep -q '^valid_hooks' "$tmp/out.legacy"; then
		why="the tables could not be read"
	elif ! cmp -s "$tmp/out.legacy" "$tmp/out.blob"; then
		why=$(diff "$tmp/out.legacy" "$tmp/out.blob" | cut -c1-200)
	elif ! cmp -s "$tmp/out.legacy" "$tmp/out.libiptc"; then
		why=$(diff "$tmp/out.legacy" "$tmp/out.libiptc" | cut -c1-200)
	elif ! cmp -s "$tmp/stdout.legacy" "$tmp/stdout.blob"; then
		why=$(diff "$tmp/stdout.legacy" "$tmp/stdout.blob")
	elif ! cmp -s "$tmp/stderr.blob" "$tmp/stderr.libiptc" ||
	     ! cmp -s "$tmp/stdout.blob" "$tmp/stdout.libiptc"; then
		why=$(diff "$tmp/stderr.libiptc" "$tmp/stderr.blob")
	elif [ -s "$tmp/stderr.legacy" ] &&
	     [ "$(head -n 1 "$tmp/stderr.legacy")" != "$(head -n 1 "$tmp/stderr.blob")" ]; then
		why=$(diff "$tmp/stderr.legacy" "$tmp/stderr.blob")
	fi
	if [ -z "$why" ]; then
		tap_pass "$name"
	else
		tap_fail "$name" "$why"
	fi
}

# ---- the bench mixes, small --------------------------------------------
for m in ports addrs ct mpreject kube; do
	bash "$gen" "$m" 400 > "$tmp/$m"
	check "mix $m" 4 "$tmp/$m"
	check "mix $m -c" 4 "$tmp/$m" -c
done
bash "$gen" v6 400 > "$tmp/v6"
check "mix v6" 6 "$tmp/v6"
check "mix v6 -c" 6 "$tmp/v6" -c

# ---- lines of every kind -------------------------------------------------
case_file() { cat > "$tmp/case"; }

case_file <<'EOF'
*filter
:INPUT ACCEPT [0:0]
:zeta - [0:0]
:alpha - [0:0]
[3:4] -A INPUT -i lo -j ACCEPT
-A INPUT -p tcp --dport 22 -j alpha
-A INPUT -j zeta
-A INPUT -s 1.2.3.4
-A alpha -j LOG --log-prefix "x "
-A alpha -j RETURN
-I zeta 1 -j DROP
-I zeta 1 -p udp -j REJECT
-I zeta 3 -j QUEUE
-I INPUT 2 -m comment --comment "second"
COMMIT
EOF
check "kept policies (FORWARD, OUTPUT), inserts, fall-through" 4 "$tmp/case"
check "... with -c" 4 "$tmp/case" -c

case_file <<'EOF'
*filter
:INPUT - [0:0]
:FORWARD DROP [1:2]
:OUTPUT - [5:5]
-A OUTPUT -j ACCEPT
COMMIT
*nat
:POSTROUTING - [0:0]
-A POSTROUTING -o eth0 -j MASQUERADE
COMMIT
*filter
:INPUT ACCEPT [8:8]
COMMIT
EOF
check "policy '-', two blocks of one table, nat" 4 "$tmp/case" -c

{
	echo '*filter'
	# names that sort oddly, in an order that is not theirs, more than
	# libiptc's index buckets hold
	for n in b a A Z _x a-b a_b ab a0 0 9z zz Zz z-; do echo ":$n - [0:0]"; done
	for ((i = 0; i < 300; i++)); do printf ':c%d - [0:0]\n' $(( (i * 7919) % 1000 )); done
	for ((i = 0; i < 300; i++)); do
		printf -- '-A c%d -j c%d\n' $(( (i * 7919) % 1000 )) $(( ((i + 1) * 7919) % 1000 ))
	done
	echo '-A INPUT -j a-b'
	echo '-A a-b -j A'
	echo 'COMMIT'
} > "$tmp/case"
check "315 chains created out of order, jumps" 4 "$tmp/case"

case_file <<'EOF'
*filter
:INPUT DROP [0:0]
:FORWARD DROP [0:0]
:OUTPUT DROP [0:0]
:keep - [0:0]
:gone - [0:0]
:other - [0:0]
-A INPUT -j keep
-A keep -s 1.1.1.1 -j ACCEPT
-A keep -s 2.2.2.2 -j ACCEPT
-A keep -s 3.3.3.3 -j ACCEPT
-D keep -s 2.2.2.2 -j ACCEPT
-R keep 1 -s 9.9.9.9 -j DROP
-X gone
-E other renamed
-A renamed -j RETURN
-Z
-P FORWARD ACCEPT
-N late
-A late -j DROP
-D keep 2
-F INPUT
-A INPUT -j late
COMMIT
EOF
check "-D -R -X -E -Z -P -N -F (libiptc takes over)" 4 "$tmp/case"
check "... with -c" 4 "$tmp/case" -c

case_file <<'EOF'
*filter
:INPUT ACCEPT [0:0]
-A INPUT -j LOG --log-prefix "before "
:LOG - [0:0]
-A INPUT -j LOG
-A LOG -j ACCEPT
COMMIT
EOF
check "a chain named LOG, made after a rule with target LOG" 4 "$tmp/case"

for n in x LOG; do
	printf '*filter\n:x - [0:0]\n-A x -j ACCEPT\n-N %s\nCOMMIT\n' "$n" > "$tmp/case"
	check "error: -N $n after :x (declared chain, target name)" 4 "$tmp/case"
done

case_file <<'EOF'
*filter
:INPUT ACCEPT [0:0]
:a - [0:0]
-A a -j ACCEPT
-A nosuch -j ACCEPT
COMMIT
EOF
check "error: no such chain" 4 "$tmp/case"

case_file <<'EOF'
*filter
:INPUT ACCEPT [0:0]
:a - [0:0]
-I a 2 -j ACCEPT
COMMIT
EOF
check "error: insert past the end" 4 "$tmp/case"

case_file <<'EOF'
*filter
:INPUT ACCEPT [0:0]
:a - [0:0]
:a - [0:0]
COMMIT
EOF
check "error: chain declared twice" 4 "$tmp/case"

case_file <<'EOF'
*filter
:INPUT ACCEPT [0:0]
:a - [0:0]
-A a -j INPUT
COMMIT
EOF
check "error: jump to a built-in chain" 4 "$tmp/case"

case_file <<'EOF'
*filter
:INPUT BOGUS [0:0]
COMMIT
EOF
check "error: bad policy" 4 "$tmp/case"

case_file <<'EOF'
*filter
:INPUT ACCEPT [0:0]
:a - [0:0]
-A INPUT -j ACCEPT
-A a -j DNAT --to-destination 1.2.3.4
COMMIT
EOF
check "kernel refusal: DNAT in filter (culprit named)" 4 "$tmp/case"

case_file <<'EOF'
*filter
:INPUT ACCEPT [0:0]
:a - [0:0]
:b - [0:0]
-A INPUT -j a
-A a -j b
-A b -j a
COMMIT
EOF
check "kernel refusal: a loop" 4 "$tmp/case"

case_file <<'EOF'
*filter
COMMIT
*raw
:PREROUTING ACCEPT [0:0]
-A PREROUTING -j CT --notrack
COMMIT
EOF
check "an empty block, raw" 4 "$tmp/case"
check "... --test" 4 "$tmp/case" --test
check "... --noflush (libiptc)" 4 "$tmp/case" --noflush
check "... -v (libiptc)" 4 "$tmp/case" -v

case_file <<'EOF'
*filter
:INPUT ACCEPT [18446744073709551615:18446744073709551615]
:FORWARD DROP [0:0]
:OUTPUT ACCEPT [0:0]
:a - [0:0]
[18446744073709551615:1] -A INPUT -j a
[1:2] -A a -p tcp -j REJECT --reject-with tcp-reset
-I a 1 -p icmp -j ACCEPT
COMMIT
EOF
check "counters up to 2^64-1" 4 "$tmp/case" -c

case_file <<'EOF'
*filter
:FORWARD DROP [0:0]
:x - [0:0]
-A FORWARD -s 2001:db8::/64 -j x
-A x -p ipv6-icmp -j ACCEPT
-I x 1 -j REJECT --reject-with icmp6-adm-prohibited
COMMIT
*mangle
:PREROUTING ACCEPT [0:0]
-A PREROUTING -j MARK --set-mark 1
COMMIT
EOF
check "IPv6: kept policies, insert, mangle" 6 "$tmp/case" -c

# ---- the blob path does not read the old table ---------------------------
if command -v strace >/dev/null; then
	reads=$(unshare -n -- env XTABLES_LOCKFILE="$tmp/lock" bash -c '
		iptables-legacy-restore -c < "$1/old4" || exit 1
		# LeakSanitizer cannot run under ptrace (a sanitizer build)
		ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
			strace -f -e trace=getsockopt "$1/bin/iptables-restore" "$2" 2>&1 >/dev/null |
			grep -c "IPT_SO_GET_ENTRIES"' _ "$tmp" "$tmp/ports")
	if [ "$reads" = 0 ]; then
		tap_pass "all policies set: the old table is not read"
	else
		tap_fail "all policies set: the old table is not read" "$reads reads"
	fi
fi

echo "$npass passed, $nfail failed"
[ "$nfail" = 0 ]
