#!/bin/bash
# valgrind memcheck over a representative part of the integration suite:
# differential cases of save_restore.t (save, restore, counters, the
# culprit search), multi.t (several commands in one call) and list.t (the
# printers), with every ipt process run under memcheck. Passes when the
# cases pass and memcheck reports no error in any process (leaks are the
# sanitizer run's business: scripts/sanitize.sh).
#
# Usage: valgrind.sh [CASEFILE.t ...]      Environment: IPT_BIN;
# VALGRIND_CASES (an ERE over "file: case", default the three files).
# Skips without valgrind and for a sanitizer build.

set -u
export LC_ALL=C
here=$(cd "$(dirname "$0")" && pwd)

skip() {
	echo "SKIP: $*"
	exit 77
}

if [ -z "${IPT_BIN:-}" ]; then
	IPT_BIN=${abs_top_builddir:-$here/../..}/src/ipt
fi
command -v valgrind >/dev/null || skip "valgrind not found"
# the differential suite it runs needs root (network namespaces)
[ "$(id -u)" = 0 ] || skip "must run as root (needs unshare -n)"
[ -x "$IPT_BIN" ] || skip "ipt binary $IPT_BIN is not executable"
if ldd "$IPT_BIN" | grep -q libasan; then
	skip "a sanitizer build: memcheck cannot run it"
fi
IPT_BIN=$(cd "$(dirname "$IPT_BIN")" && pwd)/$(basename "$IPT_BIN")

tmp=$(mktemp -d "${TMPDIR:-/tmp}/valgrind.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/names" "$tmp/logs"
# ipt is what argv[0] names: memcheck runs it through a link of that name
for n in iptables ip6tables ipt ip6t iptables-save iptables-restore \
	ip6tables-save ip6tables-restore ipt-save ipt-restore ip6t-save \
	ip6t-restore; do
	ln -s "$IPT_BIN" "$tmp/names/$n"
done
# (found through PATH, so that argv[0] is the bare name, as typed)
cat >"$tmp/ipt-vg" <<WRAP
#!/bin/bash
PATH="$tmp/names:\$PATH" exec valgrind -q --tool=memcheck --leak-check=no \\
	--child-silent-after-fork=yes --log-file="$tmp/logs/vg.%p" \\
	"\$(basename "\$0")" "\$@"
WRAP
chmod +x "$tmp/ipt-vg"

# about 200 ipt processes, a couple of minutes under memcheck
default_cases='^multi\.t: |^list\.t: list (modifier|counter|-rules of every)|^save_restore\.t: (round trip|restore: (user chain|every command|second table fails|kernel refuses|many chains|rule counters with)|restore --noflush|restore deviation: a failing (commit|line))'
IPT_BIN=$tmp/ipt-vg DIFFTEST_TIMEOUT=300 DIFFTEST_JOBS=2 \
	DIFFTEST_FILTER=${VALGRIND_CASES:-$default_cases} \
	bash "$here/difftest.sh" "$@" >"$tmp/difftest.out" 2>&1
rc=$?
[ "$rc" -eq 77 ] && skip "$(tail -n 1 "$tmp/difftest.out")"
grep -v '# SKIP filtered out' "$tmp/difftest.out" | grep -v '^ok '
read -r p f < <(sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed.*/\1 \2/p' \
	"$tmp/difftest.out" | tail -n 1)
p=${p:-0} f=${f:-1}
runs=$(find "$tmp/logs" -type f | wc -l)
errors=0
for log in "$tmp/logs"/vg.*; do
	[ -s "$log" ] || continue
	errors=$((errors + 1))
	echo "not ok - memcheck: $(basename "$log")"
	head -n 40 "$log" | sed 's/^/#   /'
done
echo "# memcheck: $runs ipt processes, $errors with errors; difftest exit $rc"
[ "$runs" -gt 0 ] || { echo "not ok - memcheck ran no ipt process"; errors=1; }
echo "valgrind: $p passed, $((f + errors)) failed"
[ "$rc" -eq 0 ] && [ "$errors" -eq 0 ] && [ "$runs" -gt 0 ]
