# difftest: nft-only
# nf_tables mode: iptables-nft-save and iptables-nft-restore. Case lines
# name iptables-save/iptables-restore; in nft mode they run the -nft tools.

=== save of every table, with counters
iptables -N web
iptables -A INPUT -p tcp --dport 80 -j web
iptables -A web -s 10.0.0.0/8 -m comment --comment "a b" -j ACCEPT -c 5 600
iptables -A web -m conntrack --ctstate NEW -j LOG --log-prefix "new: "
iptables -t nat -A POSTROUTING -o eth0 -j MASQUERADE
iptables -t mangle -A PREROUTING -j MARK --set-mark 7
iptables -t raw -A PREROUTING -p udp -j CT --notrack
iptables -P FORWARD DROP -c 10 20
iptables-save | grep -v '^#'
iptables-save -c | grep -v '^#'
iptables-save -t nat | grep -v '^#'
iptables-save -t nosuchtable
iptables-save -t security | grep -v '^#'

=== save by the -nft name
iptables -A INPUT -j ACCEPT
iptables-nft-save | grep -v '^#'
iptables-nft-save -c -t filter | grep -v '^#'

=== restore: plain rules (flush)
iptables -A OUTPUT -j ACCEPT
iptables -N keep
% printf '%b' '*filter\n:INPUT DROP [0:0]\n-A INPUT -j ACCEPT\nCOMMIT\n' > in.rules
iptables-restore in.rules
iptables-save -c | grep -v '^#'

=== restore: only the tables named
iptables -t nat -A POSTROUTING -j MASQUERADE
iptables -A INPUT -j ACCEPT
% printf '%b' '*filter\n-A INPUT -j DROP\nCOMMIT\n' > in.rules
iptables-restore in.rules

=== restore --noflush
iptables -A INPUT -j ACCEPT
iptables -N keep
% printf '%b' '*filter\n:new - [0:0]\n-A INPUT -j DROP\n-A new -j RETURN\nCOMMIT\n' > in.rules
iptables-restore --noflush in.rules
iptables -S

=== restore -n of an existing chain line
iptables -N keep
iptables -A keep -j ACCEPT
% printf '%b' '*filter\n:keep - [0:0]\n-A keep -j DROP\nCOMMIT\n' > in.rules
iptables-restore -n in.rules
iptables -S

=== restore -c counters
% printf '%b' '*filter\n:INPUT ACCEPT [7:70]\n:FORWARD DROP [1:2]\n[3:30] -A INPUT -j ACCEPT\n-A INPUT -c 4 40 -j DROP\nCOMMIT\n' > in.rules
iptables-restore -c in.rules
iptables-save -c | grep -v '^#'

=== restore without -c ignores counters
% printf '%b' '*filter\n:INPUT ACCEPT [7:70]\n[3:30] -A INPUT -j ACCEPT\nCOMMIT\n' > in.rules
iptables-restore in.rules
iptables-save -c | grep -v '^#'

=== restore -T
% printf '%b' '*filter\n-A INPUT -j ACCEPT\nCOMMIT\n*nat\n-A POSTROUTING -j MASQUERADE\nCOMMIT\n' > in.rules
iptables-restore -T nat in.rules
iptables-restore -T mangle in.rules

=== restore --test
% printf '%b' '*filter\n-A INPUT -j ACCEPT\nCOMMIT\n' > in.rules
iptables-restore --test in.rules

=== restore: user chains and jumps
% printf '%b' '*filter\n:INPUT ACCEPT [0:0]\n:web - [0:0]\n:log - [0:0]\n-A INPUT -p tcp --dport 80 -j web\n-A web -j log\n-A log -j LOG\n-A log -j DROP\nCOMMIT\n' > in.rules
iptables-restore in.rules
iptables -S

=== restore: delete a chain that is in use
iptables -N foo
iptables -A INPUT -j foo
% printf '%b' '*filter\n-X foo\nCOMMIT\n' > in.rules
iptables-restore --noflush in.rules

=== restore: unknown target
% printf '%b' '*filter\n-A INPUT -j FOO\nCOMMIT\n' > in.rules
iptables-restore in.rules

=== restore: second table fails, first stays
% printf '%b' '*filter\n-A INPUT -j ACCEPT\nCOMMIT\n*nat\n-A POSTROUTING -j NOSUCH\nCOMMIT\n' > in.rules
iptables-restore in.rules

=== restore: bad lines
% printf '%b' '*filter\n-A INPUT -j ACCEPT\n' > nocommit.rules
% printf '%b' '-A INPUT -j ACCEPT\nCOMMIT\n' > notable.rules
% printf '%b' '*nosuch\nCOMMIT\n' > badtable.rules
% printf '%b' '*filter\n:INPUT BOGUS [0:0]\nCOMMIT\n' > badpolicy.rules
% printf '%b' '*filter\n[1:x] -A INPUT -j ACCEPT\nCOMMIT\n' > badcnt.rules
iptables-restore nocommit.rules
iptables-restore notable.rules
iptables-restore badtable.rules
iptables-restore badpolicy.rules
iptables-restore -c badcnt.rules

=== restore: commands other than -A
iptables -A INPUT -s 1.1.1.1 -j ACCEPT
iptables -A INPUT -s 2.2.2.2 -j ACCEPT
iptables -N gone
% printf '%b' '*filter\n-I INPUT -s 0.0.0.0 -j ACCEPT\n-D INPUT -s 1.1.1.1 -j ACCEPT\n-R INPUT 2 -j DROP\n-X gone\n-N made\n-P OUTPUT DROP\n-Z\nCOMMIT\n' > in.rules
iptables-restore -n -v in.rules
iptables -S

=== restore -v
% printf '%b' '*filter\n-A INPUT -j ACCEPT\nCOMMIT\n*nat\nCOMMIT\n' > in.rules
iptables-restore -v in.rules

=== restore from stdin and by the -nft name
% printf '%b' '*filter\n-A INPUT -j ACCEPT\nCOMMIT\n' > in.rules
iptables-nft-restore < in.rules
iptables-restore --noflush < in.rules

=== round trip: save -c | restore -c | save -c
iptables -N web
iptables -A INPUT -p tcp --dport 80 -j web -c 1 2
iptables -A web -s 10.0.0.0/8 -m comment --comment "a b" -j ACCEPT -c 5 600
iptables -A web -m multiport -p tcp --dports 1,2,3 -j LOG --log-prefix "x: "
iptables -t nat -A POSTROUTING -o eth0 -j MASQUERADE
iptables -t mangle -A PREROUTING -j MARK --set-mark 7
iptables -P FORWARD DROP -c 10 20
iptables-save -c > s4.rules
iptables -F
iptables -X
iptables -t nat -F
iptables-restore -c s4.rules
iptables-save -c | grep -v '^#'

=== restore of an empty table creates it
% printf '%b' '*nat\nCOMMIT\n*raw\n:PREROUTING ACCEPT [0:0]\nCOMMIT\n' > in.rules
iptables-restore in.rules
nft list tables

=== restore flushes a table that exists only in the kernel
iptables -t mangle -A OUTPUT -j ACCEPT
iptables -t mangle -N m
% printf '%b' '*mangle\nCOMMIT\n' > in.rules
iptables-restore in.rules

=== restore twice (flush of its own table)
% printf '%b' '*filter\n:a - [0:0]\n-A INPUT -j a\nCOMMIT\n' > in.rules
iptables-restore in.rules
iptables-restore in.rules

=== ip6tables-restore and save
% printf '%b' '*filter\n:INPUT DROP [0:0]\n-A INPUT -s 2001:db8::/32 -p tcp --dport 22 -j ACCEPT\n-A INPUT -p ipv6-icmp -j ACCEPT\nCOMMIT\n*nat\n-A POSTROUTING -o eth0 -j MASQUERADE\nCOMMIT\n' > in6.rules
ip6tables-restore in6.rules
ip6tables-save -c | grep -v '^#'
ip6tables-nft-save -t nat | grep -v '^#'

=== restore: IPv4 rule into ip6tables-restore
% printf '%b' '*filter\n-A INPUT -s 1.2.3.4 -j ACCEPT\nCOMMIT\n' > in.rules
ip6tables-restore in.rules

=== ipt-restore sends the whole file in one batch [nft-only]
# iptables-nft-restore commits filter and then fails in nat; ipt-restore
# (ipt's own name) changes no table
iptables -A INPUT -s 9.9.9.9 -j DROP
% printf '%b' '*filter\n-A INPUT -s 1.1.1.1 -j ACCEPT\nCOMMIT\n*nat\n-A INPUT ! -s 0.0.0.0/0 -j ACCEPT\nCOMMIT\n' > in.rules
x ipt-restore in.rules ## exit=4 stderr~no table was changed
iptables-save | grep -v '^#'

=== restore --test only parses: a missing chain passes, a bad address does not
% printf '%b' '*filter\n-A NOCHAIN -j ACCEPT\nCOMMIT\n*nat\n-A NOCHAIN -s host.invalid\nCOMMIT\n' > in.rules
iptables-restore -t in.rules
iptables-restore -t -v in.rules
% printf '%b' '*filter\n-A NOCHAIN -j ACCEPT\nCOMMIT\n' > in.rules
iptables-restore -t in.rules
iptables-save | grep -v '^#'

=== restore -v over a table drops its unused base chains, as 1.8.9's -X
% printf '%b' '*mangle\n:X - [0:0]\n-A INPUT -j RETURN\n:INPUT DROP [5:6]\n-A OUTPUT -s 1.2.3.4\nCOMMIT\n' > in.rules
iptables-restore in.rules
nft list table ip mangle
iptables-restore -v in.rules
nft list table ip mangle
% printf '%b' '*filter\n-A NOCHAIN -j ACCEPT\nCOMMIT\n' > in.rules
iptables-restore -v in.rules
