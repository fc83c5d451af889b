#!/bin/bash
# The differential test with iptables-nft 1.8.9 as the oracle: difftest.sh
# in DIFFTEST_ORACLE=nft mode over the case files (default: every
# cases/*.t not marked `# difftest: legacy-only'). ipt runs by its -nft
# names (iptables-nft, iptables-nft-save, ...) and its own names with
# IPT_BACKEND=nft; the final state compared is iptables-nft-save -c,
# ip6tables-nft-save -c and `nft list ruleset'. See difftest.sh's header
# for the case format and the [legacy-only]/[nft-only] markers.
#
# Usage: difftest-nft.sh [CASEFILE.t ...]   (environment as difftest.sh)
# Exit 0 all passed, 1 a case failed, 77 skipped (not root, no iptables-nft).

here=$(cd "$(dirname "$0")" && pwd)
export DIFFTEST_ORACLE=nft
exec "$here/difftest.sh" "$@"
