#!/bin/bash
# Concurrent writers in nf_tables mode never lose each other's rules:
# 8 writers x 200 `iptables-nft -A' (ipt's -nft name) into one namespace
# leave all 1,600 rules; then the same with 4 ipt writers and 4 real
# iptables-nft writers mixed, and with 4 of ipt's --noflush restores
# (10 rules each) mixed with 4 ipt commands. iptables-nft takes no xtables lock: a batch
# that races another fails with ERESTART and is retried.
# Then batches of several changes racing each other, retried whole:
# 4 writers x 50 `ipt -N cW_I -A cW_I -j ACCEPT -A INPUT -s ... -j cW_I'
# (a chain, its rule and the jump to it: all three or none), and 4 x 50
# `ipt-restore -n' of two rules each (always next to each other).
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
# Several changes in one batch, raced: each retry must redo all of them.
per_batch=${NFT_CONC_BATCHES:-50}
batch_writer() {        # batch_writer KIND W
	local kind=$1 w=$2 i fails=0 ip
	for ((i = 0; i < per_batch; i++)); do
		ip=10.$w.$((i / 256)).$((i % 256))
		if [ "$kind" = multi ]; then
			ns "$ipt_bin_dir/ipt" -N "c${w}_$i" -A "c${w}_$i" -j ACCEPT \
				-A INPUT -s "$ip" -j "c${w}_$i"
		else
			printf '*filter\n-A INPUT -s %s -j ACCEPT\n-A INPUT -d %s -j DROP\nCOMMIT\n' \
				"$ip" "$ip" | ns "$ipt_bin_dir/ipt-restore" -n
		fi 2>>"$tmp/b$w.err" || fails=$((fails + 1))
	done
	echo "$fails" >"$tmp/b$w.fails"
}
for kind in multi restore; do
	ns_start
	ns "$oracle" -N seed     # table filter exists; INPUT is created racing
	pids=() fails=0
	for w in 1 2 3 4; do
		rm -f "$tmp/b$w.err" "$tmp/b$w.fails"
		IPT_BACKEND=nft batch_writer "$kind" "$w" &
		pids+=($!)
	done
	wait "${pids[@]}"
	for w in 1 2 3 4; do
		fails=$((fails + $(cat "$tmp/b$w.fails" 2>/dev/null || echo "$per_batch")))
	done
	ns "$oracle" -S >"$tmp/rules"
	label="4 x $per_batch $kind batches"
	if [ "$fails" -eq 0 ]; then
		t_pass "$label: every call exited 0"
	else
		t_fail "$label: every call exited 0" "$fails failed; $(sort "$tmp"/b*.err | uniq -c | head -n 5)"
	fi
	want=$((4 * per_batch))
	if [ "$kind" = multi ]; then
		chains=$(grep -c '^-N c' "$tmp/rules")
		jumps=$(grep -c '^-A INPUT -s .* -j c' "$tmp/rules")
		bodies=$(grep -c '^-A c[0-9_]* -j ACCEPT' "$tmp/rules")
		if [ "$chains" = "$want" ] && [ "$jumps" = "$want" ] && [ "$bodies" = "$want" ]; then
			t_pass "$label: $want chains, each with its rule and its jump"
		else
			t_fail "$label: $want chains, each with its rule and its jump" \
				"chains $chains, jumps $jumps, rules in them $bodies"
		fi
	else
		# each -s rule is followed by the -d rule of the same address
		pairs=$(awk '/^-A INPUT -s / { split($4, a, "/"); s = a[1]; next }
			/^-A INPUT -d / { split($4, a, "/"); if (a[1] == s) n++; s = "" }
			END { print n + 0 }' "$tmp/rules")
		if [ "$pairs" = "$want" ]; then
			t_pass "$label: all $want pairs present, each pair together"
		else
			t_fail "$label: all $want pairs present, each pair together" \
				"$pairs of $want; $(grep -c '^-A INPUT' "$tmp/rules") INPUT rules"
		fi
	fi
	ns_stop
done
t_finish
