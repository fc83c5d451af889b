#!/bin/bash
# Concurrent writers in nf_tables mode never lose each other's rules:
# 8 writers x 200 `iptables-nft -A' (ipt's -nft name) into one namespace
# leave all 1,600 rules; then the same with 4 ipt writers and 4 real
# iptables-nft writers mixed, and with 4 of ipt's --noflush restores
# (10 rules each) mixed with 4 ipt commands. iptables-nft takes no xtables lock: a batch
# that races another fails with ERESTART and is retried.
#
# Environment: IPT_BIN (default ../../src/ipt); NFT_CONC_WRITERS (8) and
# NFT_CONC_RULES (200) per writer.
# Output: ok/not ok lines, then `N passed, N failed'. Exit 0/1, 77 skip.

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=nft-lib.sh
. "$here/nft-lib.sh"

writers=${NFT_CONC_WRITERS:-8}
per=${NFT_CONC_RULES:-200}
oracle=$(command -v iptables-nft)

# writer BIN W: append rules "-s 10.W.x.y -j ACCEPT", count the failures;
# a *-restore BIN appends them 10 to a --noflush restore
writer() {
	local bin=$1 w=$2 i j fails=0
	if [[ $bin == *-restore ]]; then
		for ((i = 0; i < per; i += 10)); do
			{
				echo '*filter'
				for ((j = i; j < i + 10 && j < per; j++)); do
					echo "-A INPUT -s 10.$w.$((j / 256)).$((j % 256)) -j ACCEPT"
				done
				echo COMMIT
			} >"$tmp/w$w.rules"
			ns "$bin" --noflush "$tmp/w$w.rules" 2>>"$tmp/w$w.err" ||
				fails=$((fails + 1))
		done
		echo "$fails" >"$tmp/w$w.fails"
		return
	fi
	for ((i = 0; i < per; i++)); do
		ns "$bin" -A INPUT -s "10.$w.$((i / 256)).$((i % 256))" -j ACCEPT 2>>"$tmp/w$w.err" ||
			fails=$((fails + 1))
	done
	echo "$fails" >"$tmp/w$w.fails"
}

# run_writers LABEL BIN...: one writer per BIN argument, all at once
run_writers() {
	local label=$1 w pids=() fails=0 n want got dups
	shift
	ns_start
	# no table yet: the writers also race to create table filter and INPUT
	w=0
	for bin in "$@"; do
		w=$((w + 1))
		rm -f "$tmp/w$w.err" "$tmp/w$w.fails"
		writer "$bin" "$w" &
		pids+=($!)
	done
	wait "${pids[@]}"
	for ((n = 1; n <= w; n++)); do
		fails=$((fails + $(cat "$tmp/w$n.fails" 2>/dev/null || echo "$per")))
	done
	want=$((w * per))
	got=$(ns "$oracle" -S INPUT | grep -c '^-A INPUT')
	if [ "$fails" -eq 0 ]; then
		t_pass "$label: every -A exited 0"
	else
		t_fail "$label: every -A exited 0" "$fails failed; $(cat "$tmp"/w*.err 2>/dev/null | sort | uniq -c | head -n 5)"
	fi
	if [ "$got" -eq "$want" ]; then
		t_pass "$label: all $want rules present"
	else
		t_fail "$label: all $want rules present" "found $got"
	fi
	# each writer's rules are there, each once
	dups=$(ns "$oracle" -S INPUT | awk '/^-A INPUT/ { print $4 }' | sort | uniq -d | head -n 3)
	if [ -z "$dups" ]; then
		t_pass "$label: no rule twice"
	else
		t_fail "$label: no rule twice" "$dups"
	fi
	ns_stop
}

bins=()
for ((i = 0; i < writers; i++)); do bins+=("$ipt_bin_dir/iptables-nft"); done
run_writers "$writers ipt writers x $per" "${bins[@]}"
bins=()
for ((i = 0; i < writers; i++)); do
	if ((i % 2)); then bins+=("$oracle"); else bins+=("$ipt_bin_dir/iptables-nft"); fi
done
run_writers "$writers writers x $per, ipt and iptables-nft mixed" "${bins[@]}"
# restores too: a batch refused for a newer generation is run again
bins=()
for ((i = 0; i < writers; i++)); do
	if ((i % 2)); then bins+=("$ipt_bin_dir/iptables-nft-restore"); else bins+=("$ipt_bin_dir/iptables-nft"); fi
done
run_writers "$writers writers x $per, ipt restores and commands mixed" "${bins[@]}"
t_finish
