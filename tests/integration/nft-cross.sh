#!/bin/bash
# Cross operation between iptables-nft 1.8.9 and ipt's -nft names, in one
# network namespace: one side writes a ruleset (rules from the nft case
# corpus), the other reads it (-C of every rule, -L -n -v -x, -S, save byte
# for byte against the writer's own output), zeroes, replaces, deletes every
# rule, flushes and deletes the chains; then the roles swap. Then save/restore
# round trips: each tool restores the other's save output and the resulting
# `nft list ruleset' and save -c are compared with the writer's own round trip
# (also for ipt-restore by ipt's own name, which sends the file in one batch).
#
# Environment: IPT_BIN (default ../../src/ipt). IPT_BIN=/usr/sbin/xtables-nft-multi
# is the self-check (everything passes).
# Output: ok/not ok lines, then `N passed, N failed'. Exit 0/1, 77 skip.

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=nft-lib.sh
. "$here/nft-lib.sh"

declare -A tool
tool[nft4]=$(command -v iptables-nft) tool[nft6]=$(command -v ip6tables-nft)
tool[nftsave4]=$(command -v iptables-nft-save) tool[nftsave6]=$(command -v ip6tables-nft-save)
tool[nftrestore4]=$(command -v iptables-nft-restore) tool[nftrestore6]=$(command -v ip6tables-nft-restore)
tool[ipt4]=$ipt_bin_dir/iptables-nft tool[ipt6]=$ipt_bin_dir/ip6tables-nft
tool[iptsave4]=$ipt_bin_dir/iptables-nft-save tool[iptsave6]=$ipt_bin_dir/ip6tables-nft-save
tool[iptrestore4]=$ipt_bin_dir/iptables-nft-restore tool[iptrestore6]=$ipt_bin_dir/ip6tables-nft-restore
# ipt's own restore on nf_tables: the whole file in one batch
tool[ownrestore4]=$ipt_bin_dir/ipt-restore tool[ownrestore6]=$ipt_bin_dir/ip6t-restore

# The corpus: FAMILY TABLE CHAIN RULE-SPEC (a shell word list). User chains
# named here are created with -N first.
corpus=$(
	cat <<'END'
4 filter INPUT -i eth0 -j ACCEPT
4 filter INPUT -i eth+ -s 10.0.0.0/8 -j ACCEPT
4 filter INPUT ! -i veth+ ! -s 172.16.0.0/12 -d 192.168.1.128/25 -j DROP
4 filter INPUT -p tcp --dport 22 -j ACCEPT
4 filter INPUT -p tcp --sport 1024:65535 ! --dport 80 -j ACCEPT
4 filter INPUT -p udp --dport 53 -j ACCEPT
4 filter INPUT -p tcp --syn -j ACCEPT
4 filter INPUT -p tcp --tcp-flags SYN,ACK SYN -j DROP
4 filter INPUT -m mark --mark 0x10/0xf0 -j ACCEPT
4 filter INPUT -m limit --limit 5/min --limit-burst 10 -j ACCEPT
4 filter INPUT -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT
4 filter INPUT -m state --state NEW -j ACCEPT
4 filter INPUT -m comment --comment "hello world" -j ACCEPT
4 filter INPUT -p tcp -m multiport --dports 80,443 -j web
4 filter INPUT -p icmp --icmp-type echo-request -j ACCEPT
4 filter INPUT -f -j DROP
4 filter INPUT -g web
4 filter web -j LOG --log-prefix "web: " --log-level 4
4 filter web -j NFLOG --nflog-group 5
4 filter web -p tcp -j REJECT --reject-with tcp-reset
4 filter web -j REJECT
4 filter web -j RETURN
4 filter FORWARD -i br0 -o eth1 -p tcp --dport 443 -m mark --mark 3 -j ACCEPT
4 filter OUTPUT -o lo -j ACCEPT
4 nat PREROUTING -p tcp --dport 80 -j DNAT --to-destination 10.0.0.1:8080
4 nat POSTROUTING -s 10.0.0.0/8 -o eth0 -j SNAT --to-source 1.2.3.4
4 nat POSTROUTING -o eth0 -j MASQUERADE
4 nat OUTPUT -p tcp --dport 25 -j REDIRECT --to-ports 2525
4 mangle PREROUTING -j MARK --set-mark 7
4 mangle FORWARD -p tcp --tcp-flags SYN,RST SYN -j TCPMSS --clamp-mss-to-pmtu
4 raw PREROUTING -p tcp --dport 80 -j TRACE
4 raw PREROUTING -p udp -j CT --notrack
6 filter INPUT -s 2001:db8::/32 -p tcp --dport 22 -j ACCEPT
6 filter INPUT -s 2001:db8::/61 ! -d ff00::/8 -j ACCEPT
6 filter INPUT -p ipv6-icmp --icmpv6-type echo-request -j ACCEPT
6 filter INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
6 filter INPUT -i eth+ -p udp --dport 546:547 -j six
6 filter six -j LOG --log-prefix "v6: "
6 filter six -j REJECT --reject-with icmp6-adm-prohibited
6 nat POSTROUTING -o eth0 -j MASQUERADE
6 mangle PREROUTING -j MARK --set-mark 9
END
)
mapfile -t rules <<<"$corpus"

# write W: side W (nft or ipt) creates the corpus, with counters on every rule
write_corpus() {
	local w=$1 fam tbl chain spec line i=0
	local -A made=()
	for line in "${rules[@]}"; do
		read -r fam tbl chain spec <<<"$line"
		case $chain in
		[a-z]*)
			if [ -z "${made[$fam$tbl$chain]:-}" ]; then
				ns "${tool[$w$fam]}" -t "$tbl" -N "$chain" || return 1
				made[$fam$tbl$chain]=1
			fi
			;;
		esac
		# a jump target named before its own rules
		case $spec in
		*"-j web"* | *"-g web"*) [ -n "${made[${fam}filterweb]:-}" ] || { ns "${tool[$w$fam]}" -N web || return 1; made[${fam}filterweb]=1; } ;;
		*"-j six"*) [ -n "${made[${fam}filtersix]:-}" ] || { ns "${tool[$w$fam]}" -N six || return 1; made[${fam}filtersix]=1; } ;;
		esac
		i=$((i + 1))
		eval "ns \"\${tool[\$w\$fam]}\" -t \"\$tbl\" -A \"\$chain\" $spec -c $i $((i * 100))" || return 1
	done
	ns "${tool[${w}4]}" -P FORWARD DROP -c 9 99 || return 1
	ns "${tool[${w}6]}" -t mangle -P OUTPUT ACCEPT
}

# dumps SIDE FILE: what SIDE's tools show of the namespace
dumps() {
	local s=$1 f=$2 fam tbl
	{
		for fam in 4 6; do
			for tbl in filter nat mangle raw; do
				echo "## $fam $tbl -L -n -v -x --line-numbers"
				ns "${tool[$s$fam]}" -t "$tbl" -L -n -v -x --line-numbers 2>&1
				echo "## $fam $tbl -S"
				ns "${tool[$s$fam]}" -t "$tbl" -S 2>&1
				echo "## $fam $tbl -v -S"
				ns "${tool[$s$fam]}" -t "$tbl" -v -S 2>&1
			done
		done
	} >"$f"
}
save_all() { # SIDE FILE [-c]
	{
		ns "${tool[${1}save4]}" ${3:-} 2>&1
		ns "${tool[${1}save6]}" ${3:-} 2>&1
	} | grep -Ev '^# (Generated by|Completed on) ' >"$2"
}
ruleset() { # FILE
	ns nft list ruleset >"$1" 2>&1
}

cross() { # WRITER READER
	local w=$1 r=$2 fam tbl chain spec line n=0 bad
	local pfx="$w writes, $r"
	ns_start
	if ! write_corpus "$w" >"$tmp/write.err" 2>&1; then
		t_fail "$w writes the corpus" "$(cat "$tmp/write.err")"
		return
	fi
	t_pass "$w writes the corpus"
	# -C of every rule
	for line in "${rules[@]}"; do
		read -r fam tbl chain spec <<<"$line"
		n=$((n + 1))
		if eval "ns \"\${tool[\$r\$fam]}\" -t \"\$tbl\" -C \"\$chain\" $spec" >"$tmp/c.out" 2>&1; then
			t_pass "$pfx -C rule $n ($fam $tbl $chain)"
		else
			t_fail "$pfx -C rule $n ($fam $tbl $chain $spec)" "$(cat "$tmp/c.out")"
		fi
	done
	dumps "$w" "$tmp/d.w"
	dumps "$r" "$tmp/d.r"
	t_same "$pfx: -L -n -v -x / -S / -v -S equal the writer's" "$tmp/d.w" "$tmp/d.r"
	save_all "$w" "$tmp/s.w" -c
	save_all "$r" "$tmp/s.r" -c
	t_same "$pfx: save -c equals the writer's" "$tmp/s.w" "$tmp/s.r"
	save_all "$w" "$tmp/s.w"
	save_all "$r" "$tmp/s.r"
	t_same "$pfx: save equals the writer's" "$tmp/s.w" "$tmp/s.r"
	# -Z by the reader: the writer sees zero counters everywhere
	ns "${tool[${r}4]}" -Z >/dev/null 2>&1
	for tbl in nat mangle raw; do ns "${tool[${r}4]}" -t $tbl -Z >/dev/null 2>&1; done
	for tbl in filter nat mangle; do ns "${tool[${r}6]}" -t $tbl -Z >/dev/null 2>&1; done
	save_all "$w" "$tmp/s.w" -c
	if grep -Eq '\[[0-9]*[1-9][0-9]*:|:[0-9]*[1-9][0-9]*\]' "$tmp/s.w"; then
		t_fail "$pfx -Z: all counters zero for the writer" "$(grep -E '\[[0-9]*[1-9]' "$tmp/s.w")"
	else
		t_pass "$pfx -Z: all counters zero for the writer"
	fi
	# -R by the reader, checked by the writer
	if ns "${tool[${r}4]}" -R INPUT 1 -s 9.9.9.9 -p tcp --dport 9 -j DROP &&
		ns "${tool[${w}4]}" -C INPUT -s 9.9.9.9 -p tcp --dport 9 -j DROP &&
		[ "$(ns "${tool[${w}4]}" -S INPUT 1)" = "-A INPUT -s 9.9.9.9/32 -p tcp -m tcp --dport 9 -j DROP" ]; then
		t_pass "$pfx -R INPUT 1, writer sees it"
	else
		t_fail "$pfx -R INPUT 1, writer sees it" "$(ns "${tool[${w}4]}" -S INPUT 2>&1)"
	fi
	ns "${tool[${r}4]}" -R INPUT 1 -i eth0 -j ACCEPT
	# -D of every rule by the reader (jumps first, then the chains' own rules)
	n=0 bad=""
	for line in "${rules[@]}"; do
		read -r fam tbl chain spec <<<"$line"
		n=$((n + 1))
		if ! eval "ns \"\${tool[\$r\$fam]}\" -t \"\$tbl\" -D \"\$chain\" $spec" >"$tmp/c.out" 2>&1; then
			bad+="rule $n ($fam $tbl $chain $spec): $(cat "$tmp/c.out")"$'\n'
		fi
	done
	if [ -z "$bad" ]; then t_pass "$pfx -D of every rule"; else t_fail "$pfx -D of every rule" "$bad"; fi
	if [ -z "$(save_all "$w" /dev/stdout | grep -- '^-A')" ]; then
		t_pass "$pfx: writer sees no rules left"
	else
		t_fail "$pfx: writer sees no rules left" "$(save_all "$w" /dev/stdout | grep -- '^-A')"
	fi
	# refill by the writer, then -F and -X by the reader
	ns nft flush ruleset
	write_corpus "$w" >/dev/null 2>&1
	bad=""
	for fam in 4 6; do
		for tbl in filter nat mangle raw; do
			ns "${tool[$r$fam]}" -t $tbl -F >>"$tmp/fx.out" 2>&1 || bad+="$fam $tbl -F failed; "
			ns "${tool[$r$fam]}" -t $tbl -X >>"$tmp/fx.out" 2>&1 || bad+="$fam $tbl -X failed; "
		done
	done
	save_all "$w" "$tmp/s.w"
	if [ -z "$bad" ] && ! grep -Eq '^-A|^:(web|six) ' "$tmp/s.w"; then
		t_pass "$pfx -F and -X of every table"
	else
		t_fail "$pfx -F and -X of every table" "$bad$(cat "$tmp/s.w")"
	fi
	ns_stop
}

# roundtrip A B: A saves (-c) the corpus written by nft; B restores it into a
# fresh namespace; compare with nft restoring nft's own save
roundtrip() {
	local a=$1 b=$2 fam
	ns_start
	write_corpus nft >/dev/null 2>&1
	for fam in 4 6; do ns "${tool[${a}save$fam]}" -c 2>/dev/null >"$tmp/rt.$fam"; done
	ns_stop
	ns_start
	for fam in 4 6; do ns env IPT_BACKEND=nft "${tool[${b}restore$fam]}" -c <"$tmp/rt.$fam" || t_fail "$a-save | $b-restore $fam: restore failed"; done
	ruleset "$tmp/rt.ruleset.$a.$b"
	save_all nft "$tmp/rt.save.$a.$b" -c
	ns_stop
}

cross nft ipt
cross ipt nft

for a in nft ipt; do
	for b in nft ipt; do
		roundtrip "$a" "$b"
	done
done
roundtrip nft own
for p in "nft ipt" "ipt nft" "ipt ipt" "nft own"; do
	set -- $p
	t_same "$1-save -c | $2-restore -c: nft list ruleset as nft's own round trip" \
		"$tmp/rt.ruleset.nft.nft" "$tmp/rt.ruleset.$1.$2"
	t_same "$1-save -c | $2-restore -c: save -c as nft's own round trip" \
		"$tmp/rt.save.nft.nft" "$tmp/rt.save.$1.$2"
done
t_finish
