#!/bin/bash
# Differential test of the nf_tables rule codec (src/nft_codec.h) against
# iptables-nft 1.8.9, each corpus rule (tests/nft/corpus.txt) in turn, all in
# one private network namespace:
#   encode  - ipt's encoding (tests/nft/codec_dump encode) equals the
#             expressions `nft --debug=netlink list chain` shows after
#             iptables-nft added the same rule
#   kernel  - the rule iptables-nft wrote, dumped from the kernel and decoded
#             by ipt, prints (ipt's save printer) as iptables-nft-save -c does
#   trip    - encode -> netlink message -> parse -> decode gives back the
#             same entry (libiptc compare) and the same save line
# Rules the oracle refuses are skipped. Rules marked "fixed:" are the ones
# ipt encodes as later iptables does (see src/nft_codec.c): there the
# encode check asserts that ipt's expressions differ from 1.8.9's; "nosave:"
# skips the kernel check and "lossy:" the round trip (see the corpus).
#
# Usage: nftcodec.sh [CORPUS]   env NFTCODEC_FILTER=RE: only matching lines
# Output: TAP-like lines, then `N passed, N failed`. Exit 0/1, 77 to skip.
set -u
export LC_ALL=C
here=$(cd "$(dirname "$0")" && pwd)
PATH=$PATH:/usr/sbin:/sbin

skip() { echo "SKIP: $*"; exit 77; }

if [ -z "${NFTCODEC_INNER:-}" ]; then
	[ "$(id -u)" = 0 ] || skip "must run as root (unshare -n)"
	for t in iptables-nft ip6tables-nft iptables-nft-save ip6tables-nft-save nft unshare; do
		command -v "$t" >/dev/null || skip "$t not found"
	done
	top=${abs_top_builddir:-$here/../..}
	driver=$top/tests/nft/codec_dump
	[ -x "$driver" ] || skip "$driver not built (make check builds it)"
	tmp=$(mktemp -d) || exit 1
	trap 'rm -rf "$tmp"' EXIT
	# nothing below may touch the host's firewall: all of it runs in a
	# fresh network namespace, with a private lock file
	NFTCODEC_INNER=1 NFTCODEC_DRIVER=$driver XTABLES_LOCKFILE=$tmp/xtables.lock \
		unshare -n bash "$0" "${1:-$here/../nft/corpus.txt}"
	exit $?
fi

driver=$NFTCODEC_DRIVER
corpus=$1
filter=${NFTCODEC_FILTER:-}
n=0 pass=0 failn=0 skipped=0

result() {      # result OK|FAIL NAME [DETAIL]
	n=$((n + 1))
	if [ "$1" = OK ]; then
		pass=$((pass + 1))
		echo "ok $n - $2"
	else
		failn=$((failn + 1))
		echo "not ok $n - $2"
		[ -n "${3:-}" ] && printf '%s\n' "$3" | sed 's/^/#   /'
	fi
}

exprs() { sed -n 's/^\(  \[.*\]\)$/\1/p'; }

while IFS= read -r line; do
	case $line in ''|'#'*) continue ;; esac
	[ -n "$filter" ] && ! printf '%s\n' "$line" | grep -Eq -- "$filter" && continue
	read -r fam table chain rest <<<"$line"
	fixed=0 nosave=0 lossy=0
	case $table in fixed:*) fixed=1; table=${table#fixed:} ;; esac
	case $table in nosave:*) nosave=1; table=${table#nosave:} ;; esac
	case $table in lossy:*) lossy=1; table=${table#lossy:} ;; esac
	if [ "$fam" = 6 ]; then
		ipt=ip6tables-nft save=ip6tables-nft-save nfam=ip6 dflag=-6
	else
		ipt=iptables-nft save=iptables-nft-save nfam=ip dflag=
	fi
	eval "set -- $rest"
	name="$fam $table $chain $rest"

	nft flush ruleset
	$ipt -t "$table" -N tgt
	if ! err=$($ipt -t "$table" -A "$chain" "$@" 2>&1); then
		skipped=$((skipped + 1))
		echo "# skip - $name (iptables-nft: ${err%%$'\n'*})"
		continue
	fi

	want=$(nft --debug=netlink list chain "$nfam" "$table" "$chain" 2>/dev/null | exprs)
	got=$("$driver" $dflag encode -t "$table" -A "$chain" "$@" 2>&1)
	if [ "$fixed" = 1 ]; then
		if [ "$got" != "$want" ] && [ -n "$got" ]; then
			result OK "encode (corrected) $name"
		else
			result FAIL "encode (corrected) $name" "$got"
		fi
	elif [ "$got" = "$want" ]; then
		result OK "encode $name"
	else
		result FAIL "encode $name" "$(diff <(echo "$want") <(echo "$got"))"
	fi

	if [ "$nosave" = 0 ]; then
		want=$($save -c -t "$table" | grep -E "^\[[0-9]+:[0-9]+\] -A $chain( |\$)")
		got=$("$driver" $dflag kernel "$table" "$chain" 2>&1)
		if [ "$got" = "$want" ]; then
			result OK "kernel $name"
		else
			result FAIL "kernel $name" "$(diff <(echo "$want") <(echo "$got"))"
		fi
	fi

	[ "$lossy" = 1 ] && continue
	got=$("$driver" $dflag roundtrip -t "$table" -A "$chain" "$@" 2>&1)
	case $got in
	ok:*) result OK "trip $name" ;;
	*) result FAIL "trip $name" "$got" ;;
	esac
done <"$corpus"

echo "# $skipped rules skipped (refused by iptables-nft)"
echo "$pass passed, $failn failed"
[ "$failn" = 0 ]
