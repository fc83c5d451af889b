#!/bin/bash
# Output and input errors are errors. A save written to a full disk, to a
# closed stdout or into a pipe whose reader left must not end like a
# complete one; a restore whose input fails must not end like one that
# read it all. Checked for ipt's own names, the iptables names and the
# nf_tables names alike: iptables-legacy-save > /dev/full exits 0, ipt
# deliberately does not (see the README).
#
#   save > /dev/full, save >&-, -S / -L > /dev/full, ipt-xml > /dev/full:
#       exit 1, "PROG: write error..." on stderr
#   save | head with SIGPIPE ignored: exit 1, "write error: Broken pipe";
#       with SIGPIPE at its default: killed by it (status 141), as any
#       Unix filter
#   restore / ipt-xml reading a directory or a closed stdin: exit 1,
#       "error reading input", the ruleset unchanged
#   a command that prints nothing (-A) with stdout closed: exit 0
#
# Everything runs inside one private network namespace (unshare -n) with
# a private XTABLES_LOCKFILE. Usage: outerr.sh   Environment: IPT_BIN.

set -u
export LC_ALL=C
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source-path=SCRIPTDIR source=../lib.sh
. "$here/../lib.sh"

if [ "${OUTERR_INNER:-}" = 1 ]; then
	bin=$1
	n=0 pass=0 fail=0
	ok() {
		n=$((n + 1)) pass=$((pass + 1))
		echo "ok $n - $1"
	}
	notok() {
		n=$((n + 1)) fail=$((fail + 1))
		echo "not ok $n - $1"
		shift
		printf '# %s\n' "$@"
	}
	# expect NAME RC STDERR-RE CMDLINE: the shell line CMDLINE (with its
	# redirections) exits RC with STDERR-RE on stderr ("": stderr empty)
	expect() {
		local name=$1 want=$2 re=$3 rc
		eval "$4" 2>"$bin/err"
		rc=$?
		if [ "$rc" = "$want" ] && { [ -z "$re" ] && [ ! -s "$bin/err" ] ||
			grep -Eq -- "$re" "$bin/err"; }; then
			ok "$name"
		else
			notok "$name" "exit $rc (want $want), stderr:" "$(cat "$bin/err")"
		fi
	}
	# big enough that the save outgrows a pipe's buffer
	{
		echo '*filter'
		echo ':web - [0:0]'
		for ((i = 0; i < 3000; i++)); do
			echo "-A web -s 10.0.$((i / 250)).$((i % 250)) -j ACCEPT"
		done
		echo COMMIT
	} >"$bin/rules"
	for mode in legacy nft; do
		if [ $mode = legacy ]; then
			s=ipt-save r=ipt-restore m=ipt x=iptables-save
			xr=iptables-restore xm=iptables
			save_ref() { iptables-legacy-save | grep -v '^#'; }
		else
			s=iptables-nft-save r=iptables-nft-restore m=iptables-nft
			x=ipt-save xr=ipt-restore xm=ipt
			save_ref() { iptables-nft-save 2>/dev/null | grep -v '^#'; }
		fi
		export IPT_BACKEND=$mode
		"$bin/$r" <"$bin/rules" || notok "$mode: loading the rules"
		before=$(save_ref)
		for t in $s $x; do
			expect "$mode: $t > /dev/full" 1 "^$t: write error: No space left on device\$" \
				'"$bin/$t" >/dev/full'
			expect "$mode: $t with stdout closed" 1 "^$t: write error: Bad file descriptor\$" \
				'"$bin/$t" >&-'
		done
		expect "$mode: $xm -S > /dev/full" 1 "^$xm: write error" '"$bin/$xm" -S >/dev/full'
		expect "$mode: $xm -L -n -v > /dev/full" 1 "^$xm: write error" '"$bin/$xm" -L -n -v >/dev/full'
		expect "$mode: $xm -A with stdout closed prints nothing and succeeds" 0 "" \
			'"$bin/$xm" -A INPUT -s 192.0.2.1 -j ACCEPT >&-'
		"$bin/$xm" -D INPUT -s 192.0.2.1 -j ACCEPT
		(
			trap '' PIPE
			"$bin/$s" 2>"$bin/err" | head -n 1 >/dev/null
			echo "${PIPESTATUS[0]}" >"$bin/rc"
		)
		if [ "$(cat "$bin/rc")" = 1 ] &&
			grep -q "^$s: write error: Broken pipe\$" "$bin/err"; then
			ok "$mode: $s | head with SIGPIPE ignored: exit 1, broken pipe"
		else
			notok "$mode: $s | head with SIGPIPE ignored: exit 1, broken pipe" \
				"exit $(cat "$bin/rc"), stderr:" "$(cat "$bin/err")"
		fi
		"$bin/$s" 2>"$bin/err" | head -n 1 >/dev/null
		rc=${PIPESTATUS[0]}
		if [ "$rc" = 141 ]; then
			ok "$mode: $s | head: killed by SIGPIPE (141)"
		else
			notok "$mode: $s | head: killed by SIGPIPE (141)" "exit $rc" "$(cat "$bin/err")"
		fi
		for t in $r $xr; do
			expect "$mode: $t reading a directory" 1 "^$t: error reading input after line 0: Is a directory\$" \
				'"$bin/$t" <"$bin"'
			expect "$mode: $t FILE naming a directory" 1 "^$t: error reading input" \
				'"$bin/$t" "$bin"'
			expect "$mode: $t with stdin closed" 1 "^$t: error reading input after line 0: Bad file descriptor\$" \
				'"$bin/$t" <&-'
		done
		if [ "$(save_ref)" = "$before" ]; then
			ok "$mode: the ruleset is unchanged"
		else
			notok "$mode: the ruleset is unchanged" "$(diff <(echo "$before") <(save_ref) | head)"
		fi
	done
	unset IPT_BACKEND
	expect "ipt-xml > /dev/full" 1 "^ipt-xml: write error" \
		'"$bin/ipt-xml" "$bin/rules" >/dev/full'
	expect "ipt-xml reading a directory" 1 "^ipt-xml: error reading input" \
		'"$bin/ipt-xml" <"$bin" >/dev/null'
	echo "1..$n"
	echo "$pass passed, $fail failed"
	[ "$fail" -eq 0 ]
	exit
fi

need_netns iptables-legacy-save iptables-nft-save

tmp=$(mktemp -d "${TMPDIR:-/tmp}/outerr.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
for t in ipt ipt-save ipt-restore ipt-xml iptables iptables-save \
	iptables-restore iptables-nft iptables-nft-save iptables-nft-restore; do
	ln -s "$IPT_BIN" "$tmp/$t"
done
in_netns OUTERR_INNER 300 "outerr test" "$tmp" "$here/outerr.sh"
