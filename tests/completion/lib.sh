# shellcheck shell=bash
# Shared by the completion tests (bash.sh, zsh.sh); sourced, not run.
#
# completion_setup re-executes the calling test inside a private network
# namespace (unshare -n) with a private xtables lock file, puts symlinks named
# after every ipt invocation name first in PATH, and creates known chains
# with the ipt binary, so the completions read a ruleset the test controls
# and the host firewall is never touched.
#
# IPT_BIN: the ipt binary (default $abs_top_builddir/src/ipt, else
# ../../src/ipt relative to the test).
#
# Checks print "ok N - ..." or "not ok N - ..."; completion_finish prints
# "N passed, N failed" and exits 1 if anything failed.

export LC_ALL=C
# the chains these tests create are legacy ones: pin ipt's own names there
export IPT_BACKEND=legacy

skip()
{
    echo "SKIP: $*"
    exit 77
}

completion_here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck disable=SC2034 # the tests that source this use it
completion_top=$(cd "$completion_here/../.." && pwd)
# shellcheck source-path=SCRIPTDIR source=../lib.sh
. "$completion_here/../lib.sh"

# The names completion is registered for; every one is linked in PATH.
completion_names=(ipt ip6t ipt-save ip6t-save ipt-restore ip6t-restore
    ipt-xml iptables ip6tables iptables-legacy ip6tables-legacy
    iptables-save ip6tables-save iptables-legacy-save ip6tables-legacy-save
    iptables-restore ip6tables-restore iptables-legacy-restore
    ip6tables-legacy-restore iptables-xml)

# completion_setup SCRIPT ARGS...: returns only inside the namespace, with
# $completion_tmp, PATH and the chains ready.
completion_setup()
{
    local script=$1 n
    shift
    if [ "${IPT_COMPLETION_NS:-}" != 1 ]; then
        ipt_find_bin
        [ "$(id -u)" = 0 ] || skip "must run as root (unshare -n, iptables)"
        command -v unshare >/dev/null || skip "unshare not found"
        unshare -n true 2>/dev/null || skip "cannot create a network namespace"
        [ -x "$IPT_BIN" ] || skip "ipt binary $IPT_BIN not built (or set IPT_BIN)"
        IPT_BIN=$(cd "$(dirname "$IPT_BIN")" && pwd)/$(basename "$IPT_BIN")
        export IPT_BIN IPT_COMPLETION_NS=1
        exec unshare -n bash "$script" "$@"
    fi

    completion_tmp=$(mktemp -d "${TMPDIR:-/tmp}/ipt-completion.XXXXXX")
    trap 'rm -rf "$completion_tmp"' EXIT
    mkdir "$completion_tmp/bin"
    # A copy: a rebuild of src/ipt during the run must not change it.
    cp "$IPT_BIN" "$completion_tmp/ipt" || exit 1
    for n in "${completion_names[@]}"; do
        ln -s ../ipt "$completion_tmp/bin/$n"
    done
    PATH=$completion_tmp/bin:$PATH
    XTABLES_LOCKFILE=$completion_tmp/xtables.lock
    export PATH XTABLES_LOCKFILE

    # Known chains: two user chains in filter, one in nat, one that only
    # IPv6 has, and one whose name must never be expanded.
    # shellcheck disable=SC2016
    if ! { ipt -N web -N ssh_in -N 'c$HOME' && ipt -t nat -N natchain &&
        ip6t -N v6only; }; then
        echo "Bail out! cannot create chains with $IPT_BIN"
        exit 1
    fi
}

completion_passed=0
completion_failed=0

# check DESC EXPECTED UNEXPECTED OFFERED: every word of EXPECTED must be
# among OFFERED (newline separated), no word of UNEXPECTED may be.
check()
{
    local desc=$1 expected=$2 unexpected=$3 offered=$4 w missing='' extra=''
    for w in $expected; do
        grep -qxF -e "$w" <<<"$offered" || missing+=" $w"
    done
    for w in $unexpected; do
        grep -qxF -e "$w" <<<"$offered" && extra+=" $w"
    done
    report "$desc" "$missing" "$extra" "$offered"
}

# check_exact DESC EXPECTED OFFERED: OFFERED is exactly the words of
# EXPECTED, in any order.
check_exact()
{
    local desc=$1 expected=$2 offered=$3 w missing='' extra=''
    for w in $expected; do
        grep -qxF -e "$w" <<<"$offered" || missing+=" $w"
    done
    while IFS= read -r w; do
        [ -n "$w" ] || continue
        [[ " $expected " == *" $w "* ]] || extra+=" $w"
    done <<<"$offered"
    report "$desc" "$missing" "$extra" "$offered"
}

report()
{
    local desc=$1 missing=$2 extra=$3 offered=$4 n
    n=$((completion_passed + completion_failed + 1))
    if [ -z "$missing$extra" ]; then
        completion_passed=$((completion_passed + 1))
        echo "ok $n - $desc"
        return
    fi
    completion_failed=$((completion_failed + 1))
    echo "not ok $n - $desc"
    [ -z "$missing" ] || echo "#   missing:$missing"
    [ -z "$extra" ] || echo "#   unexpected:$extra"
    echo "#   offered: $(tr '\n' ' ' <<<"$offered" | cut -c1-400)"
}

# pass DESC / fail DESC DETAIL: a check decided by the caller.
pass()
{
    report "$1" "" "" ""
}

fail()
{
    report "$1" " $2" "" ""
}

completion_finish()
{
    echo "$completion_passed passed, $completion_failed failed"
    [ "$completion_failed" -eq 0 ] || exit 1
    exit 0
}
