# Shared setup of the nft-*.sh tests (sourced, not run).
# Sets IPT_BIN (as difftest.sh), $tmp (removed at exit), $ipt_bin_dir with
# the -nft names (and ipt's own names) as symlinks to IPT_BIN, and the
# counters; t_pass/t_fail NAME [DETAIL] record one check; t_finish prints
# `N passed, N failed' and exits 0/1. Skips (exit 77) unless root with
# unshare, iptables-nft, ip6tables-nft and nft.

set -u
export LC_ALL=C
PATH=$PATH:/usr/sbin:/sbin

t_skip() {
	echo "SKIP: $*"
	exit 77
}

# shellcheck source-path=SCRIPTDIR source=../lib.sh
. "$here/../lib.sh"
ipt_find_bin

[ "$(id -u)" = 0 ] || t_skip "must run as root (needs unshare -n)"
for t in iptables-nft ip6tables-nft iptables-nft-save ip6tables-nft-save \
	iptables-nft-restore ip6tables-nft-restore nft unshare; do
	command -v "$t" >/dev/null || t_skip "$t not found (install iptables, nftables)"
done
unshare -n true 2>/dev/null || t_skip "cannot create a network namespace"
[ -x "$IPT_BIN" ] || t_skip "ipt binary $IPT_BIN is not executable (build it first or set IPT_BIN)"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/nfttest.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
ipt_bin_dir=$tmp/bin
mkdir "$ipt_bin_dir"
for n in iptables-nft ip6tables-nft iptables-nft-save ip6tables-nft-save \
	iptables-nft-restore ip6tables-nft-restore ipt ip6t ipt-save ipt-restore \
	ip6t-save ip6t-restore; do
	ln -s "$IPT_BIN" "$ipt_bin_dir/$n"
done
export XTABLES_LOCKFILE=$tmp/xtables.lock
: >"$XTABLES_LOCKFILE"

t_npass=0 t_nfail=0
t_pass() {
	t_npass=$((t_npass + 1))
	echo "ok - $1"
}
t_fail() {
	t_nfail=$((t_nfail + 1))
	echo "not ok - $1"
	[ -z "${2:-}" ] || printf '%s\n' "$2" | head -n 20 | sed 's/^/#   /'
}
# t_check NAME CMD...: pass if CMD exits 0
t_check() {
	local name=$1 out
	shift
	if out=$("$@" 2>&1); then
		t_pass "$name"
	else
		t_fail "$name" "$out"
	fi
}
# t_same NAME FILE1 FILE2: pass if the files are equal
t_same() {
	if cmp -s "$2" "$3"; then
		t_pass "$1"
	else
		t_fail "$1" "$(diff -u "$2" "$3" | head -n 20)"
	fi
}
t_finish() {
	echo "$t_npass passed, $t_nfail failed"
	[ "$t_nfail" -eq 0 ]
	exit
}

# ns_start: a fresh network namespace held open by a sleeping process;
# ns CMD...: run CMD in it; ns_stop: end it. Nothing here ever runs a
# firewall command in the caller's namespace.
command -v nsenter >/dev/null || t_skip "nsenter not found (util-linux)"
ns_pid=""
ns_start() {
	local i
	ns_stop
	unshare -n sleep 3600 &
	ns_pid=$!
	for ((i = 0; i < 100; i++)); do
		[ "$(readlink "/proc/$ns_pid/ns/net")" != "$(readlink /proc/self/ns/net)" ] && return 0
		sleep 0.02
	done
	echo "Bail out! namespace did not come up"
	exit 99
}
ns() {
	[ -n "$ns_pid" ] || { echo "Bail out! ns without ns_start"; exit 99; }
	nsenter --net="/proc/$ns_pid/ns/net" -- "$@"
}
ns_stop() {
	if [ -n "$ns_pid" ]; then
		kill "$ns_pid" 2>/dev/null
		wait "$ns_pid" 2>/dev/null
		ns_pid=""
	fi
}
trap 'ns_stop; rm -rf "$tmp"' EXIT
