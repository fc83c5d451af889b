# difftest: nft-only
# nf_tables mode: which tables and chains exist. iptables-nft creates a
# table and its base chains lazily (only what a command needs), and the
# final state (nft list ruleset, in creation order) shows every difference.

=== -A INPUT creates only table filter and chain INPUT
iptables -A INPUT -j ACCEPT
nft list tables

=== -A OUTPUT then -A INPUT: chains in creation order
iptables -A OUTPUT -j ACCEPT
iptables -A INPUT -j DROP
iptables -A FORWARD -j ACCEPT

=== -N in nat creates only that chain
iptables -t nat -N mychain
nft list ruleset

=== -N in filter, then a rule in it
iptables -N web
iptables -A web -j RETURN
iptables -S

=== -P on a never-used chain
iptables -P FORWARD DROP

=== -P on a never-used chain in nat
iptables -t nat -P PREROUTING ACCEPT

=== -P with counters on a never-used chain
iptables -P OUTPUT DROP -c 10 20
iptables-save -c | grep -v '^#'

=== -L of a table that does not exist yet
iptables -L
iptables -L -n -v -x --line-numbers

=== -L of nat, mangle, raw, security that do not exist yet
iptables -t nat -L -n
iptables -t mangle -L -n
iptables -t raw -L -n
iptables -t security -L -n

=== -S of a table that does not exist yet
iptables -S
iptables -t nat -S
iptables -S INPUT
iptables -t raw -S OUTPUT

=== save of nothing
# the header kept, its date cut (a second may pass between the sides)
iptables-save
iptables-save -t filter | sed 's/ on .*//'
iptables-save -t nat | sed 's/ on .*//'
ip6tables-save

=== save after a single rule
iptables -A INPUT -j ACCEPT
iptables-save | grep -v '^#'
iptables-save -t nat | grep -v '^#'

=== -F / -Z / -X of tables that do not exist yet
iptables -F
iptables -Z
iptables -X
iptables -t nat -F
iptables -t mangle -X

=== -L of one chain of a missing table
iptables -L INPUT -n
iptables -L NOSUCH -n

=== -F then lists
iptables -A INPUT -j ACCEPT
iptables -A OUTPUT -j ACCEPT
iptables -F
iptables -L -n

=== -X of user chains keeps base chains
iptables -N a
iptables -N b
iptables -X

=== chain in every table
iptables -t filter -A INPUT -j ACCEPT
iptables -t nat -A PREROUTING -j ACCEPT
iptables -t mangle -A PREROUTING -j ACCEPT
iptables -t raw -A PREROUTING -j ACCEPT
iptables -t security -A INPUT -j ACCEPT

=== all base chains of mangle
iptables -t mangle -A PREROUTING -j ACCEPT
iptables -t mangle -A INPUT -j ACCEPT
iptables -t mangle -A FORWARD -j ACCEPT
iptables -t mangle -A OUTPUT -j ACCEPT
iptables -t mangle -A POSTROUTING -j ACCEPT

=== nat base chains and priorities
iptables -t nat -A PREROUTING -j ACCEPT
iptables -t nat -A INPUT -j ACCEPT
iptables -t nat -A OUTPUT -j ACCEPT
iptables -t nat -A POSTROUTING -j ACCEPT

=== bad table
iptables -t nosuch -A INPUT -j ACCEPT
iptables -t nosuch -L

=== -A to a chain that does not exist
iptables -A NOSUCH -j ACCEPT
iptables -t nat -A NOSUCH -j ACCEPT

=== -N existing chain
iptables -N dup
iptables -N dup

=== -N with a builtin name
iptables -N INPUT
iptables -N FORWARD

=== -P on a user chain
iptables -N u
iptables -P u DROP

=== -P bad policy
iptables -P INPUT REJECT
iptables -P INPUT RETURN

=== ip6 lazy creation
ip6tables -A INPUT -j ACCEPT
ip6tables -t nat -N x
ip6tables -P FORWARD DROP

=== both families
iptables -A INPUT -j ACCEPT
ip6tables -A INPUT -j ACCEPT
nft list tables

=== --version
iptables --version
ip6tables --version
iptables-save --version
iptables-restore --version

=== rules nft added: what iptables-nft cannot show makes the chain unlistable
iptables -A INPUT -s 1.2.3.4 -j ACCEPT
iptables -N X
iptables -N Y
iptables -A Y -j ACCEPT
nft add rule ip filter X meta l4proto tcp quota 10 mbytes accept
nft add rule ip filter Y tcp dport { 22, 80 } accept
iptables -L -n
iptables -L INPUT -n
iptables -L Y -n
iptables -L X -n
iptables -S
iptables -S X
iptables -S Y
iptables-save | grep -v '^# [GC]'
iptables -C X -p tcp -j ACCEPT
iptables -A X -j DROP
iptables -D X -p tcp -j ACCEPT
iptables -L X -n
iptables -D Y -p tcp -j ACCEPT
iptables -D Y -p tcp -j ACCEPT
iptables -L -n
iptables -F X
iptables -X X
iptables-save | grep -v '^# [GC]'

=== a base chain of nft's own: left out, noted, emptied by -F only
iptables -A INPUT -s 1.2.3.4 -j ACCEPT
nft add chain ip filter foo '{ type filter hook input priority 10; }'
nft add rule ip filter foo counter accept
nft add chain ip filter OUTPUT '{ type filter hook output priority 5; }'
iptables -L -n
iptables -L INPUT -n
iptables -S
iptables -S foo
iptables-save | grep -v '^# [GC]'
iptables -A INPUT -j DROP
iptables -X
iptables -Z
nft list ruleset
iptables -F
nft list ruleset
