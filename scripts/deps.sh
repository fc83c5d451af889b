#!/usr/bin/env bash
# Install everything needed to build, test, demo and benchmark ipt on a
# fresh Debian 12 (bookworm), as root. Safe to run again: it installs only
# the packages that are missing and upgrades none.
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
	# -L name resolution test: its DNS stub; JSON test: schema validation
	python3 python3-jsonschema
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

# Only what is missing is installed, and nothing already installed is
# upgraded (--no-upgrade): running the script must not change the versions
# of the system's bash, sed or anything else. When everything is there, no
# network round-trip either, so repeated runs are fast and work offline.
# CI (CI=true) and DEPS_FORCE=1 run apt-get update and hand apt the whole
# list all the same (still --no-upgrade), so that CI proves it complete.
missing=()
for p in "${PACKAGES[@]}"; do
	if ! dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null |
		grep -q '^install ok installed$'; then
		missing+=("$p")
	fi
done

forced=0
if [ "${DEPS_FORCE:-0}" = 1 ] || [ "${CI:-}" = true ]; then
	forced=1
fi
if [ "${#missing[@]}" -eq 0 ] && [ "$forced" = 0 ]; then
	echo "deps.sh: all ${#PACKAGES[@]} packages already installed"
	exit 0
fi

if [ "$forced" = 1 ]; then
	want=("${PACKAGES[@]}")
else
	want=("${missing[@]}")
fi
echo "deps.sh: installing: ${missing[*]:-(none missing; forced check of the list)}"
apt-get update -q
apt-get install -y -q --no-install-recommends --no-upgrade \
	-o Dpkg::Options::=--force-confdef \
	-o Dpkg::Options::=--force-confold \
	"${want[@]}"
