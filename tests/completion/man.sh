#!/bin/bash
# Lints the man pages: `groff -man -ww -z` (every warning on) and, when
# mandoc is installed, `mandoc -T lint` must print nothing for any page.
# When the ipt binary is built (IPT_BIN, default $abs_top_builddir/src/ipt
# or ../../src/ipt), also checks that every long option the tools' own -h
# lists is documented in their page. Needs no root: -h reads no table.
set -u
export LC_ALL=C

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
pages=(ipt.8 ipt-save.8 ipt-restore.8 ipt-xml.8 ipt-lint.8 ipt-trace.8
    ipt-diff.8 ipt-apply.8)

skip()
{
    echo "SKIP: $*"
    exit 77
}

passed=0 failed=0
report()
{
    local desc=$1 problem=$2
    if [ -z "$problem" ]; then
        passed=$((passed + 1))
        echo "ok $((passed + failed)) - $desc"
    else
        failed=$((failed + 1))
        echo "not ok $((passed + failed)) - $desc"
        printf '#   %s\n' "${problem//$'\n'/$'\n#   '}"
    fi
}

command -v groff >/dev/null || command -v mandoc >/dev/null ||
    skip "neither groff nor mandoc is installed"

for p in "${pages[@]}"; do
    f=$top/man/$p
    if [ ! -f "$f" ]; then
        report "man/$p exists" "missing"
        continue
    fi
    if command -v groff >/dev/null; then
        report "groff -man -ww -z man/$p is silent" \
            "$(groff -man -ww -z "$f" 2>&1)"
    fi
    if command -v mandoc >/dev/null; then
        report "mandoc -T lint man/$p is silent" "$(mandoc -T lint "$f" 2>&1)"
    fi
done

# documented DOC_PAGE TOOL_NAME HELP_FILTER: every --option in the help of
# TOOL_NAME (after HELP_FILTER, a sed script) appears in the page.
# shellcheck source=tests/lib.sh
. "$top/tests/lib.sh"
ipt_find_bin
if [ -x "$IPT_BIN" ]; then
    bin=$(mktemp -d "${TMPDIR:-/tmp}/ipt-man.XXXXXX")
    trap 'rm -rf "$bin"' EXIT
    for n in ipt ipt-save ipt-restore ipt-xml; do
        ln -s "$IPT_BIN" "$bin/$n"
    done
    documented()
    {
        local page=$1 tool=$2 filter=$3 sub=${4:-} o missing='' opts
        opts=$("$bin/$tool" $sub -h 2>&1 | sed -n "$filter" |
            grep -oE -e '--[a-z][a-z0-9-]*[a-z0-9]' | sort -u)
        if [ -z "$opts" ]; then
            report "$tool -h lists options" "no --option in its help"
            return
        fi
        for o in $opts; do
            # roff writes a dash as \-
            grep -qF -e "${o//-/\\-}" "$top/man/$page" || missing+=" $o"
        done
        report "man/$page documents every option of $tool -h ($(wc -w <<<"$opts"))" \
            "${missing:+undocumented:$missing}"
    }
    documented ipt.8 ipt '/^Commands:/,/--version/p'
    documented ipt-save.8 ipt-save p
    documented ipt-restore.8 ipt-restore p
    # in_table PAGE NAME: every option word of tool NAME's option table
    # (what ipt --completion-helper prints) appears in the page.
    in_table()
    {
        local page=$1 name=$2 o missing='' opts
        opts=$("$bin/ipt" --completion-helper "$name" | awk '{ print $1 }')
        for o in $opts; do
            grep -qF -e "${o//-/\\-}" "$top/man/$page" || missing+=" $o"
        done
        report "man/$page documents every option in $name's table ($(wc -w <<<"$opts"))" \
            "${missing:+undocumented:$missing}"
    }
    in_table ipt.8 ipt
    in_table ipt.8 ip6t
    in_table ipt-save.8 ipt-save
    in_table ipt-restore.8 ipt-restore
    documented ipt-lint.8 ipt p lint
    documented ipt-trace.8 ipt p trace
    documented ipt-diff.8 ipt p diff
    documented ipt-apply.8 ipt p apply
    in_table ipt-apply.8 apply
    # ipt-xml answers -h only once the XML tool is built in.
    if "$bin/ipt-xml" -h 2>&1 | grep -q -e '--combine'; then
        documented ipt-xml.8 ipt-xml p
    fi
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] || exit 1
exit 0
