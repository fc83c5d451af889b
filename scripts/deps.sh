#!/usr/bin/env bash
# Install everything needed to build, test, demo and benchmark ipt on a
# fresh Debian 12 (bookworm), as root. Safe to run again: apt-get install of
# packages already present is a no-op.
set -euo pipefail

export DEBIAN_FRONTEND=noninteractive

PACKAGES=(
	# build
	build-essential autoconf automake libtool pkg-config
	libiptc-dev libxtables-dev libnftnl-dev libmnl-dev
	# unit tests
	check
	# integration tests, demo and bench: reference iptables-legacy,
	# network namespaces, ping, GNU time, ps/pgrep, unshare/flock
	iptables iproute2 iputils-ping time procps util-linux
	# nf_tables mode: the nft oracle, and strace for the no-legacy test
	nftables strace
	# robustness: fuzz targets (clang; libFuzzer and its sanitizer runtimes
	# are only a Recommends of clang), valgrind memcheck
	clang libclang-rt-14-dev valgrind
	# completion and man page tests
	zsh mandoc groff-base
	# the Debian package test (tests/package/package.sh)
	debhelper dpkg-dev fakeroot lintian bash-completion git
	# scripts' plain tools
	bash coreutils findutils grep sed gawk diffutils
)

if [ "$(id -u)" -ne 0 ]; then
	echo "deps.sh: must run as root (apt-get install)" >&2
	exit 1
fi

# Skip the network round-trip when everything is already installed: this
# keeps repeated runs fast and lets them work offline. CI (CI=true) and
# DEPS_FORCE=1 run apt-get update and install all the same, so that CI
# proves the list is complete.
missing=()
for p in "${PACKAGES[@]}"; do
	if ! dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null |
		grep -q '^install ok installed$'; then
		missing+=("$p")
	fi
done

if [ "${#missing[@]}" -eq 0 ] && [ "${DEPS_FORCE:-0}" != 1 ] &&
	[ "${CI:-}" != true ]; then
	echo "deps.sh: all ${#PACKAGES[@]} packages already installed"
	exit 0
fi

echo "deps.sh: installing: ${missing[*]:-(forced) ${PACKAGES[*]}}"
apt-get update -q
apt-get install -y -q --no-install-recommends \
	-o Dpkg::Options::=--force-confdef \
	-o Dpkg::Options::=--force-confold \
	"${PACKAGES[@]}"
