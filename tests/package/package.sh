#!/usr/bin/env bash
# Package test: build the Debian package "ipt" from this tree, install it,
# select it as the iptables/ip6tables alternative, use it through the
# iptables names inside a throw-away network namespace, then put the
# alternatives back and remove the package.
#
#   bash tests/package/package.sh        # as root, on Debian 12
#
# All of it runs in a throwaway root: the script runs itself again in a
# mount namespace of its own with overlays over /usr, /etc and /var whose
# upper layers live in a temporary directory. dpkg -i, update-alternatives
# and dpkg -P change only those layers, which go when the script ends: the
# host's dpkg database, alternatives and /usr are never touched, even for a
# moment. (The restore and removal checks still run, inside.)
#
# The build runs in a temporary copy of the tree (the repo gets no build
# products) as the unprivileged user nobody, as a buildd would: the package
# build runs `make check`, whose root-only tests skip there. Set
# PACKAGE_BUILD_USER=root to build as root instead (they run then).
# PACKAGE_KEEP=1 keeps the temporary directory (printed on stderr).
#
# Inside, an EXIT trap still restores the alternatives and purges the
# package however the script ends. It skips (exit 77) when not root, when
# no overlay can be mounted, when the build tools or build dependencies are
# missing, or when a package "ipt" is installed already. Last line:
# "N passed, N failed".

# Many small predicates here run through check "$@" or the EXIT trap, which
# the linter cannot follow: it would call them unreachable.
# shellcheck disable=SC2317
set -uo pipefail
export LC_ALL=C
PATH=/usr/sbin:/usr/bin:/sbin:/bin:$PATH

families=(iptables ip6tables)

# --------------------------------------------------------------------------
# Inside the scratch network namespace (the script runs itself there, see
# below): use the tools by their iptables names and leave what they print in
# files in directory $1 for the checks outside. The tables are the
# namespace's own, empty at first; the xtables lock is a private file.
# --------------------------------------------------------------------------
in_netns() {
	cd "$1" || exit 1
	export XTABLES_LOCKFILE=$1/xtables.lock
	local n
	for n in iptables iptables-save iptables-restore \
		ip6tables ip6tables-save ip6tables-restore; do
		echo "$n $(readlink -f "$(command -v "$n")")"
	done >resolved
	iptables --version >version4 2>&1
	ip6tables --version >version6 2>&1
	iptables -A INPUT -s 192.0.2.1 -p tcp --dport 22 -j ACCEPT
	echo $? >rc_append4
	ip6tables -A INPUT -s 2001:db8::1 -j DROP
	echo $? >rc_append6
	iptables -S >S4 2>&1
	iptables -L -n -v >L4 2>&1
	ip6tables -S >S6 2>&1
	iptables-legacy -S >S4_legacy 2>&1
	iptables-legacy -L -n -v >L4_legacy 2>&1
	ip6tables-legacy -S >S6_legacy 2>&1
	iptables-save >save4 2>&1
	ip6tables-save >save6 2>&1
	iptables-legacy-save >legacy4 2>&1
	printf '%s\n' '*filter' ':INPUT ACCEPT [0:0]' \
		'-A INPUT -s 198.51.100.7/32 -j DROP' 'COMMIT' | iptables-restore
	echo $? >rc_restore
	iptables -S INPUT >S4_restored 2>&1
	/usr/sbin/iptables-ipt -S INPUT >direct 2>&1
	echo $? >rc_direct
	exit 0
}
if [ "${1:-}" = --in-netns ]; then
	in_netns "$2"
fi

# --------------------------------------------------------------------------
# The throwaway root: outside, make the overlay directories and run this
# script again in a private mount namespace; inside, mount the overlays.
# --------------------------------------------------------------------------
overlaid=(/usr /etc /var)
if [ "${1:-}" != --in-root ]; then
	if [ "$(id -u)" != 0 ]; then
		echo "SKIP: must run as root (mount namespace, dpkg -i)"
		exit 77
	fi
	layers=$(mktemp -d "${TMPDIR:-/tmp}/ipt-package-root.XXXXXX") || exit 1
	unshare -m --propagation private bash "${BASH_SOURCE[0]}" --in-root "$layers"
	rc=$?
	rm -rf "$layers"
	exit "$rc"
fi
layers=$2
for d in "${overlaid[@]}"; do
	mkdir -p "$layers/upper$d" "$layers/work$d"
	if ! mount -t overlay overlay -o "lowerdir=$d,upperdir=$layers/upper$d,workdir=$layers/work$d" "$d"; then
		echo "SKIP: cannot mount an overlay over $d (no throwaway root)"
		exit 77
	fi
done

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build_user=${PACKAGE_BUILD_USER:-nobody}
started=$SECONDS

pass=0 fail=0
ok() {
	echo "ok - $*"
	pass=$((pass + 1))
}
not_ok() {
	echo "not ok - $*"
	fail=$((fail + 1))
}
# check DESCRIPTION COMMAND...: one test result from a command's exit status
check() {
	local what=$1
	shift
	if "$@"; then
		ok "$what"
	else
		not_ok "$what"
		return 1
	fi
}
skip() {
	echo "SKIP: $*"
	exit 77
}
# The totals are the very last line.
finish() {
	echo "package.sh took $((SECONDS - started))s"
	echo "$pass passed, $fail failed"
	exit $((fail > 0))
}
# Print a file as comment lines under a failed check.
show() {
	sed 's/^/#   /' "$1"
}
not() { ! "$@"; }
# logged FILE COMMAND...: run COMMAND with its output in FILE
logged() {
	local log=$1
	shift
	"$@" >"$log" 2>&1
}

# ------------------------------------------------------------ preconditions
[ "$(id -u)" = 0 ] || skip "must run as root (dpkg -i, update-alternatives, unshare -n)"
for cmd in dpkg-buildpackage dpkg-checkbuilddeps dh lintian update-alternatives \
	unshare setpriv; do
	command -v "$cmd" >/dev/null ||
		skip "$cmd not found (apt-get install dpkg-dev debhelper lintian util-linux)"
done
[ -f "$top/debian/control" ] || skip "no debian/ in $top"
for fam in "${families[@]}"; do
	update-alternatives --query "$fam" >/dev/null 2>&1 ||
		skip "no $fam alternative on this host (apt-get install iptables)"
done
package_present() {
	dpkg-query -W -f='${Status}' ipt 2>/dev/null | grep -qv 'not-installed'
}
package_present && skip "a package ipt is installed already; purge it first (dpkg -P ipt)"
if ! missing=$(cd "$top" && dpkg-checkbuilddeps 2>&1); then
	skip "build dependencies missing: ${missing#*: }"
fi
unshare -n true 2>/dev/null || skip "cannot create a network namespace (unshare -n)"
if [ "$build_user" != root ]; then
	id "$build_user" >/dev/null 2>&1 || skip "no user $build_user to build as"
fi

# ------------------------------------------------- state to restore on exit
tmp=$(mktemp -d "${TMPDIR:-/tmp}/ipt-package.XXXXXX") || exit 1
declare -A before_query before_mode before_value
alt_field() { # alt_field FAMILY FIELD: one field of update-alternatives --query
	update-alternatives --query "$1" | sed -n "s/^$2: //p"
}
for fam in "${families[@]}"; do
	before_query[$fam]=$(update-alternatives --query "$fam")
	before_mode[$fam]=$(alt_field "$fam" Status)
	before_value[$fam]=$(alt_field "$fam" Value)
done
installed_by_us=0

# Put each alternative back as it was (auto, or manual on the same path),
# and purge the package if this run installed it and it is still there.
restore_host() {
	local fam
	for fam in "${families[@]}"; do
		if [ "${before_mode[$fam]}" = manual ] && [ -n "${before_value[$fam]}" ]; then
			update-alternatives --set "$fam" "${before_value[$fam]}" >/dev/null 2>&1
		else
			update-alternatives --auto "$fam" >/dev/null 2>&1
		fi
	done
	if [ "$installed_by_us" = 1 ] && package_present; then
		dpkg -P ipt >/dev/null 2>&1
	fi
}
on_exit() {
	restore_host
	if [ "${PACKAGE_KEEP:-0}" = 1 ]; then
		echo "package.sh: kept $tmp" >&2
	else
		rm -rf "$tmp"
	fi
}
trap on_exit EXIT
trap 'exit 130' INT TERM HUP

# Run a command as the build user, with a home of its own in $tmp.
as_builder() {
	if [ "$build_user" = root ]; then
		"$@"
	else
		setpriv --reuid="$build_user" --regid="$(id -g "$build_user")" \
			--clear-groups env HOME="$tmp/home" "$@"
	fi
}

# ------------------------------------------------------------------ build
# A copy of the sources only: git's view of the tree (tracked and new files,
# no ignored build products) when there is one, else everything.
src=$tmp/ipt
mkdir -p "$src" "$tmp/home"
if git -C "$top" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
	# (a file deleted but not yet committed is still listed: skip it)
	(cd "$top" && git ls-files -z -c -o --exclude-standard |
		while IFS= read -r -d '' f; do
			if [ -e "$f" ] || [ -h "$f" ]; then printf '%s\0' "$f"; fi
		done | xargs -0 cp --parents -P -t "$src")
else
	cp -a "$top/." "$src/"
fi
[ "$build_user" = root ] || chown -R "$build_user:" "$tmp"

build() { cd "$src" && as_builder dpkg-buildpackage -us -uc -b; }
if ! check "dpkg-buildpackage -us -uc -b in a copy of the tree, as $build_user" \
	logged "$tmp/build.log" build; then
	# what failed, then how the build ended
	grep -E '^(not ok|(FAIL|ERROR):)|error:' "$tmp/build.log" | head -n 40 |
		sed 's/^/#   /'
	echo '#   ...'
	tail -n 15 "$tmp/build.log" | sed 's/^/#   /'
	finish
fi
grep -E '^# (TOTAL|PASS|SKIP|XFAIL|FAIL|XPASS|ERROR):' "$tmp/build.log" |
	sed 's/^/#   make check: /'
check_ran_clean() {
	grep -Eq '^# TOTAL: +[1-9]' "$1" && grep -Eq '^# FAIL: +0$' "$1" &&
		grep -Eq '^# ERROR: +0$' "$1"
}
check "make check ran during the build, nothing failed" check_ran_clean "$tmp/build.log"

debs=("$tmp"/ipt_*.deb)
changes=("$tmp"/ipt_*.changes)
deb=${debs[0]}
if [ ! -f "$deb" ] || [ ! -f "${changes[0]}" ]; then
	not_ok "the build left ipt_*.deb and ipt_*.changes"
	finish
fi

# ---------------------------------------------------------------- contents
dpkg-deb -c "$deb" >"$tmp/listing"
awk '{ sub(/^\./, "", $6); sub(/\/$/, "", $6); if ($6 != "") print $6 }' \
	"$tmp/listing" | LC_ALL=C sort >"$tmp/contents"
for f in /usr/sbin/ipt \
	/usr/sbin/{ip6t,ipt-save,ipt-restore,ip6t-save,ip6t-restore,ipt-xml} \
	/usr/sbin/{iptables,ip6tables}-ipt{,-save,-restore} \
	/usr/share/man/man8/{ipt,ipt-save,ipt-restore,ipt-xml}.8.gz \
	/usr/share/man/man8/{ip6t,ip6t-save,ip6t-restore,iptables-ipt}.8.gz \
	/usr/share/bash-completion/completions/{ipt,ip6t} \
	/usr/share/zsh/vendor-completions/_ipt \
	/usr/share/ipt/ipt-ruleset.schema.json; do
	check "package contains $f" grep -qxF "$f" "$tmp/contents"
done
# The iptables names belong to update-alternatives (and bash-completion).
check "package ships no iptables name itself" \
	not grep -Eq '/ip6?tables(-save|-restore|-xml)?$' "$tmp/contents"
check "/usr/sbin/iptables-ipt is a relative symlink to ipt" \
	grep -q ' \./usr/sbin/iptables-ipt -> ipt$' "$tmp/listing"

# ----------------------------------------------------------------- lintian
(cd "$tmp" && as_builder lintian "${changes[0]}") >"$tmp/lintian.txt" 2>&1
sed 's/^/#   lintian: /' "$tmp/lintian.txt"
check "lintian reports no error (E:) on the .deb and .changes" \
	not grep -q '^E:' "$tmp/lintian.txt"

# ----------------------------------------------------------------- install
priority_of() { # priority_of FAMILY PATH: PATH's priority in FAMILY, if any
	update-alternatives --query "$1" | awk -v p="$2" '
		$1 == "Alternative:" { a = $2 }
		$1 == "Priority:" && a == p { print $2 }'
}
has_slaves() { # has_slaves FAMILY: FAMILY-ipt has the -save, -restore slaves
	local d
	d=$(update-alternatives --display "$1")
	grep -qxF "  slave $1-save: /usr/sbin/$1-ipt-save" <<<"$d" &&
		grep -qxF "  slave $1-restore: /usr/sbin/$1-ipt-restore" <<<"$d"
}
below() { [ -n "$1" ] && [ -n "$2" ] && [ "$1" -lt "$2" ]; }

installed_by_us=1
check "dpkg -i $(basename "$deb")" logged "$tmp/dpkg-i.log" dpkg -i "$deb" ||
	{ show "$tmp/dpkg-i.log"; finish; }
for fam in "${families[@]}"; do
	p=$(priority_of "$fam" "/usr/sbin/$fam-ipt")
	legacy=$(priority_of "$fam" "/usr/sbin/$fam-legacy")
	check "$fam alternative /usr/sbin/$fam-ipt registered at priority 5 (got '$p')" \
		test "$p" = 5
	check "... below /usr/sbin/$fam-legacy's (${legacy:-not registered})" \
		below "$p" "$legacy"
	check "... with the slaves $fam-save and $fam-restore" has_slaves "$fam"
	check "installing left the $fam selection alone (${before_value[$fam]})" \
		test "$(alt_field "$fam" Value)" = "${before_value[$fam]}"
done

# ------------------------------------------- select ipt and really use it
for fam in "${families[@]}"; do
	check "update-alternatives --set $fam /usr/sbin/$fam-ipt" \
		update-alternatives --quiet --set "$fam" "/usr/sbin/$fam-ipt"
done

ns=$tmp/ns
mkdir -p "$ns"
unshare -n bash "${BASH_SOURCE[0]}" --in-netns "$ns"
all_ipt() { [ "$(grep -c ' /usr/sbin/ipt$' "$1")" = 6 ]; }
is_zero() { [ "$(cat "$1")" = 0 ]; }
restored() {
	is_zero "$ns/rc_restore" &&
		printf '%s\n' '-P INPUT ACCEPT' '-A INPUT -s 198.51.100.7/32 -j DROP' |
		cmp -s - "$ns/S4_restored"
}
check "the six iptables names resolve to /usr/sbin/ipt" all_ipt "$ns/resolved" ||
	show "$ns/resolved"
check "iptables --version prints legacy's line" \
	grep -qxF 'iptables v1.8.9 (legacy)' "$ns/version4" || show "$ns/version4"
check "ip6tables --version prints legacy's line" \
	grep -qxF 'ip6tables v1.8.9 (legacy)' "$ns/version6" || show "$ns/version6"
check "iptables -A exits 0" is_zero "$ns/rc_append4"
check "ip6tables -A exits 0" is_zero "$ns/rc_append6"
check "iptables -S shows the rule" \
	grep -qxF -- '-A INPUT -s 192.0.2.1/32 -p tcp -m tcp --dport 22 -j ACCEPT' "$ns/S4" ||
	show "$ns/S4"
check "ip6tables -S shows the rule" \
	grep -qxF -- '-A INPUT -s 2001:db8::1/128 -j DROP' "$ns/S6" || show "$ns/S6"
same() { # same OURS THEIRS, else show the difference
	cmp -s "$1" "$2" && return
	diff -u "$2" "$1" | sed 's/^/#   /'
	return 1
}
check "iptables -S prints what iptables-legacy -S prints" same "$ns/S4" "$ns/S4_legacy"
check "iptables -L -n -v prints what iptables-legacy -L -n -v prints" \
	same "$ns/L4" "$ns/L4_legacy"
check "ip6tables -S prints what ip6tables-legacy -S prints" same "$ns/S6" "$ns/S6_legacy"
# Under the iptables names the header is legacy's, byte for byte (which
# program really ran is what the "resolve to /usr/sbin/ipt" check shows).
check "iptables-save's header is legacy's (# Generated by iptables-save v1.8.9)" \
	grep -q '^# Generated by iptables-save v1\.8\.9 on ' "$ns/save4" || show "$ns/save4"
check "ip6tables-save's header is legacy's (# Generated by ip6tables-save v1.8.9)" \
	grep -q '^# Generated by ip6tables-save v1\.8\.9 on ' "$ns/save6" || show "$ns/save6"
check "the rule is in the legacy x_tables ruleset (iptables-legacy-save)" \
	grep -qxF -- '-A INPUT -s 192.0.2.1/32 -p tcp -m tcp --dport 22 -j ACCEPT' "$ns/legacy4"
check "iptables-restore replaces the filter table" restored ||
	show "$ns/S4_restored"
direct_ok() {
	is_zero "$ns/rc_direct" &&
		grep -qxF -- '-A INPUT -s 198.51.100.7/32 -j DROP' "$ns/direct"
}
check "/usr/sbin/iptables-ipt run by that name behaves as iptables" direct_ok ||
	show "$ns/direct"

# ------------------------------------------------ restore, remove, compare
restore_host
for fam in "${families[@]}"; do
	check "$fam selection restored (${before_value[$fam]})" \
		test "$(alt_field "$fam" Value)" = "${before_value[$fam]}"
done

check "dpkg -r ipt" logged "$tmp/dpkg-r.log" dpkg -r ipt || show "$tmp/dpkg-r.log"
for fam in "${families[@]}"; do
	check "dpkg -r withdrew /usr/sbin/$fam-ipt from the $fam alternative" \
		test -z "$(priority_of "$fam" "/usr/sbin/$fam-ipt")"
done
check "dpkg -P ipt" logged "$tmp/dpkg-P.log" dpkg -P ipt || show "$tmp/dpkg-P.log"
check "dpkg knows no package ipt any more" not package_present
installed_by_us=0
for fam in "${families[@]}"; do
	check "update-alternatives --query $fam is as before" \
		cmp -s <(printf '%s\n' "${before_query[$fam]}") <(update-alternatives --query "$fam")
done
left=()
while read -r f; do
	if [ ! -d "$f" ] && { [ -e "$f" ] || [ -h "$f" ]; }; then left+=("$f"); fi
done <"$tmp/contents"
[ ! -e /usr/share/doc/ipt ] || left+=(/usr/share/doc/ipt)
check "no file of the package is left (${left[*]:-none})" test "${#left[@]}" -eq 0

finish
