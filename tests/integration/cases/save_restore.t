# iptables-save and iptables-restore against legacy's, on the same inputs.
# Restore input files are written into the per-side work directory by
# the '%' setup lines; save output drops its '#' comment lines, the only
# lines allowed to differ.

=== save of every table, with and without counters
iptables -N web
iptables -A INPUT -p tcp --dport 80 -j web
iptables -A web -s 10.0.0.0/8 -m comment --comment "a b" -j ACCEPT -c 5 600
iptables -A web -m conntrack --ctstate NEW -j LOG --log-prefix "new: "
iptables -t nat -A POSTROUTING -o eth0 -j MASQUERADE
iptables -t mangle -A PREROUTING -j MARK --set-mark 7
iptables -t raw -A PREROUTING -p udp -j CT --notrack
iptables -P FORWARD DROP -c 10 20
ip6tables -A INPUT -s 2001:db8::/32 -p ipv6-icmp -j ACCEPT -c 1 2
ip6tables -t nat -A POSTROUTING -j MASQUERADE
iptables-save | grep -v '^#'
iptables-save -c | grep -v '^#'
iptables-save -t nat | grep -v '^#'
iptables-save -t filter -c | grep -v '^#'
ip6tables-save -c | grep -v '^#'
ip6tables-save -t nat | grep -v '^#'
iptables-save -t nosuchtable
iptables-save -V
iptables-save extra
iptables-save --bogus
iptables-save -M /bin/true -t mangle | grep -v '^#'
iptables-save -f saved.rules -c
iptables-save -c -t raw | grep -v '^#'

=== round trip: save -c | restore -c | save -c
iptables -N web
iptables -A INPUT -p tcp --dport 80 -j web
iptables -A web -s 10.0.0.0/8 -m comment --comment "a b" -j ACCEPT -c 5 600
iptables -A web -m conntrack --ctstate NEW -j LOG --log-prefix "new: "
iptables -t nat -A POSTROUTING -o eth0 -j MASQUERADE
iptables -t mangle -A PREROUTING -j MARK --set-mark 7
iptables -t raw -A PREROUTING -p udp -j CT --notrack
iptables -P FORWARD DROP -c 10 20
ip6tables -A INPUT -s 2001:db8::/32 -p ipv6-icmp -j ACCEPT -c 1 2
ip6tables -t nat -A POSTROUTING -j MASQUERADE
iptables-save -c > s4.rules
ip6tables-save -c > s6.rules
iptables -F
iptables -X
iptables -t nat -F
ip6tables -F
iptables-restore -c s4.rules
ip6tables-restore -c s6.rules
iptables-save -c | grep -v '^#'
ip6tables-save -c | grep -v '^#'
iptables-restore s4.rules
iptables-save -c | grep -v '^#'

=== restore: plain rules
iptables -A OUTPUT -j ACCEPT
iptables -N keep
% printf '%b' '*filter\n-A INPUT -j ACCEPT\nCOMMIT\n' > in.rules
iptables-restore in.rules
iptables-save -c | grep -v '^#'

=== restore: user chain and jump
iptables -A OUTPUT -j ACCEPT
iptables -N keep
% printf '%b' '*filter\n:FOO - [0:0]\n-A FOO -j ACCEPT\n-A INPUT -j FOO\nCOMMIT\n' > in.rules
iptables-restore in.rules
iptables-save -c | grep -v '^#'

=== restore: unknown target
iptables -A OUTPUT -j ACCEPT
iptables -N keep
% printf '%b' '*filter\n-A INPUT -j FOO\nCOMMIT\n' > in.rules
iptables-restore in.rules
iptables-save -c | grep -v '^#'

=== restore: delete a chain that has rules
iptables -A OUTPUT -j ACCEPT
iptables -N keep
% printf '%b' '*filter\n:FOO - [0:0]\n-A FOO -j ACCEPT\n-X FOO\nCOMMIT\n' > in.rules
iptables-restore in.rules
iptables-save -c | grep -v '^#'

=== restore: bad extension value
iptables -A OUTPUT -j ACCEPT
iptables -N keep
% printf '%b' '*filter\n:INPUT DROP [1:2]\n-A INPUT -s 1.2.3.4 -j LOG --log-level 99\nCOMMIT\n' > in.rules
iptables-restore in.rules
iptables-save -c | grep -v '^#'

=== restore: policy counters with -c
iptables -A OUTPUT -j ACCEPT
iptables -N keep
% printf '%b' '*filter\n:INPUT DROP [1:2]\nCOMMIT\n' > in.rules
iptables-restore -c in.rules
iptables-save -c | grep -v '^#'

=== restore: policy without counters with -c
iptables -A OUTPUT -j ACCEPT
iptables -N keep
% printf '%b' '*filter\n:INPUT DROP\nCOMMIT\n' > in.rules
iptables-restore -c in.rules
iptables-save -c | grep -v '^#'

=== restore: chain line without policy
iptables -A OUTPUT -j ACCEPT
iptables -N keep
% printf '%b' '*filter\n:INPUT\nCOMMIT\n' > in.rules
iptables-restore in.rules
iptables-save -c | grep -v '^#'

=== restore: empty chain line
iptables -A OUTPUT -j ACCEPT
iptables -N keep
% printf '%b' '*filter\n:\nCOMMIT\n' > in.rules
iptables-restore in.rules
iptables-save -c | grep -v '^#'

=== restore: bare star
iptables -A OUTPUT -j ACCEPT
iptables -N keep
% printf '%b' '*\nCOMMIT\n' > in.rules
iptables-restore in.rules
iptables-save -c | grep -v '^#'

=== restore: unknown table
iptables -A OUTPUT -j ACCEPT
iptables -N keep
% printf '%b' '*bogus\nCOMMIT\n' > in.rules
iptables-restore in.rules
iptables-save -c | grep -v '^#'

=== restore: rule before any table
iptables -A OUTPUT -j ACCEPT
iptables -N keep
% printf '%b' '-A INPUT -j ACCEPT\n' > in.rules
iptables-restore in.rules
iptables-save -c | grep -v '^#'

=== restore: commit outside a table
iptables -A OUTPUT -j ACCEPT
iptables -N keep
% printf '%b' 'COMMIT\n' > in.rules
iptables-restore in.rules
iptables-save -c | grep -v '^#'

=== restore: missing commit
iptables -A OUTPUT -j ACCEPT
iptables -N keep
% printf '%b' '*filter\n-A INPUT -j ACCEPT\n' > in.rules
iptables-restore in.rules
iptables-save -c | grep -v '^#'

=== restore: table inside a table
iptables -A OUTPUT -j ACCEPT
iptables -N keep
% printf '%b' '*filter\n*nat\nCOMMIT\n' > in.rules
iptables-restore in.rules
iptables-save -c | grep -v '^#'

=== restore: rule counters with -c
iptables -A OUTPUT -j ACCEPT
iptables -N keep
% printf '%b' '*filter\n[5:6] -A INPUT -j ACCEPT\nCOMMIT\n' > in.rules
iptables-restore -c in.rules
iptables-save -c | grep -v '^#'

=== restore: rule counters without -c are ignored
iptables -A OUTPUT -j ACCEPT
iptables -N keep
% printf '%b' '*filter\n[5:6] -A INPUT -j ACCEPT\nCOMMIT\n' > in.rules
iptables-restore in.rules
iptables-save -c | grep -v '^#'

=== restore: rule counters missing bracket
iptables -A OUTPUT -j ACCEPT
iptables -N keep
% printf '%b' '*filter\n[5:6 -A INPUT -j ACCEPT\nCOMMIT\n' > in.rules
iptables-restore -c in.rules
iptables-save -c | grep -v '^#'

=== restore: rule counters missing colon
iptables -A OUTPUT -j ACCEPT
iptables -N keep
% printf '%b' '*filter\n[56] -A INPUT -j ACCEPT\nCOMMIT\n' > in.rules
iptables-restore -c in.rules
iptables-save -c | grep -v '^#'

=== restore: rule counters not numeric
iptables -A OUTPUT -j ACCEPT
iptables -N keep
% printf '%b' '*filter\n[a:b] -A INPUT -j ACCEPT\nCOMMIT\n' > in.rules
iptables-restore -c in.rules
iptables-save -c | grep -v '^#'

=== restore: escaped quotes in a comment
iptables -A OUTPUT -j ACCEPT
iptables -N keep
% printf '%b' '*filter\n-A INPUT -m comment --comment "a \\"b\\" c" -j ACCEPT\nCOMMIT\n' > in.rules
iptables-restore in.rules
iptables-save -c | grep -v '^#'

=== restore: empty quoted word
iptables -A OUTPUT -j ACCEPT
iptables -N keep
% printf '%b' '*filter\n-A INPUT -m comment --comment "" -j ACCEPT\nCOMMIT\n' > in.rules
iptables-restore in.rules
iptables-save -c | grep -v '^#'

=== restore: -t in a rule line
iptables -A OUTPUT -j ACCEPT
iptables -N keep
% printf '%b' '*filter\n-A INPUT -t nat -j ACCEPT\nCOMMIT\n' > in.rules
iptables-restore in.rules
iptables-save -c | grep -v '^#'

=== restore: -w in a rule line
iptables -A OUTPUT -j ACCEPT
iptables -N keep
% printf '%b' '*filter\n-A INPUT -w -j ACCEPT\nCOMMIT\n' > in.rules
iptables-restore in.rules
iptables-save -c | grep -v '^#'

=== restore: -4 and -6 lines
iptables -A OUTPUT -j ACCEPT
iptables -N keep
% printf '%b' '*filter\n-6 -A INPUT -j ACCEPT\n-4 -A INPUT -j DROP\nCOMMIT\n' > in.rules
iptables-restore in.rules
iptables-save -c | grep -v '^#'

=== restore: every command, verbose
iptables -A OUTPUT -j ACCEPT
iptables -N keep
% printf '%b' '*filter\n-A INPUT -j ACCEPT\n# comment\n\n-N x\n-A x -j RETURN\n-I INPUT -j x\n-D INPUT 2\n-E x y\n-P FORWARD DROP\nCOMMIT\n' > in.rules
iptables-restore -v in.rules
iptables-save -c | grep -v '^#'

=== restore: -Z after a rename, verbose [legacy-only]
# iptables-nft-restore names the chains it zeroes from a cache that the
# batch's own -E and -P do not update; ipt does not copy that
iptables -A OUTPUT -j ACCEPT
% printf '%b' '*filter\n-N x\n-A x -j RETURN\n-E x y\n-P FORWARD DROP\n-Z\nCOMMIT\n' > in.rules
iptables-restore -v in.rules
iptables-save -c | grep -v '^#'

=== restore: only the table -T names
iptables -A OUTPUT -j ACCEPT
iptables -N keep
% printf '%b' '*filter\n-A INPUT -j ACCEPT\nCOMMIT\n*nat\n-A POSTROUTING -j MASQUERADE\nCOMMIT\n' > in.rules
iptables-restore -T nat in.rules
iptables-save -c | grep -v '^#'

=== restore: test mode commits nothing
iptables -A OUTPUT -j ACCEPT
iptables -N keep
% printf '%b' '*filter\n-A INPUT -j DROP\nCOMMIT\n' > in.rules
iptables-restore -t in.rules
iptables-save -c | grep -v '^#'

=== restore: blank-only rule line
iptables -A OUTPUT -j ACCEPT
iptables -N keep
% printf '%b' '*filter\n   \nCOMMIT\n' > in.rules
iptables-restore in.rules
iptables-save -c | grep -v '^#'

=== restore: trailing blanks
iptables -A OUTPUT -j ACCEPT
iptables -N keep
% printf '%b' '*filter\n-A INPUT -j ACCEPT \nCOMMIT \n' > in.rules
iptables-restore in.rules
iptables-save -c | grep -v '^#'

=== restore: second table fails, first stays
iptables -A OUTPUT -j ACCEPT
iptables -N keep
% printf '%b' '*mangle\n-A PREROUTING -j TOS --set-tos 0x10\nCOMMIT\n*filter\n-A INPUT -p tcp --dport 99999 -j ACCEPT\nCOMMIT\n' > in.rules
iptables-restore in.rules
iptables-save -c | grep -v '^#'

=== restore: wait options
iptables -A OUTPUT -j ACCEPT
iptables -N keep
% printf '%b' '*filter\n-A INPUT -j ACCEPT\nCOMMIT\n' > in.rules
iptables-restore -w 1 in.rules
iptables-save -c | grep -v '^#'

=== restore: wait interval alone
iptables -A OUTPUT -j ACCEPT
iptables -N keep
% printf '%b' '*filter\n-A INPUT -j ACCEPT\nCOMMIT\n' > in.rules
iptables-restore -W 1 in.rules
iptables-save -c | grep -v '^#'

=== restore: wait and interval
iptables -A OUTPUT -j ACCEPT
iptables -N keep
% printf '%b' '*filter\n-A INPUT -j ACCEPT\nCOMMIT\n' > in.rules
iptables-restore -w 1 -W 10 in.rules
iptables-save -c | grep -v '^#'

=== restore: help inside a rule line
iptables -A OUTPUT -j ACCEPT
iptables -N keep
% printf '%b' '*filter\n-A INPUT -h\nCOMMIT\n' > in.rules
iptables-restore in.rules
iptables-save -c | grep -v '^#'

=== restore: kernel refuses at commit
iptables -A OUTPUT -j ACCEPT
iptables -N keep
% printf '%b' '*filter\n-A INPUT -j ACCEPT\n-A INPUT -j DNAT --to-destination 1.2.3.4\nCOMMIT\n' > in.rules
iptables-restore in.rules
iptables-save -c | grep -v '^#'

=== restore: DROP in nat
iptables -A OUTPUT -j ACCEPT
iptables -N keep
% printf '%b' '*nat\n-A PREROUTING -j DROP\nCOMMIT\n' > in.rules
iptables-restore in.rules
iptables-save -c | grep -v '^#'

=== restore: many chains and policies
iptables -A OUTPUT -j ACCEPT
iptables -N keep
% printf '%b' '*filter\n:INPUT DROP [0:0]\n:FORWARD DROP [0:0]\n:OUTPUT ACCEPT [0:0]\n:a - [0:0]\n:b - [0:0]\n-A INPUT -j a\n-A a -j b\n-A b -j RETURN\nCOMMIT\n*raw\n:PREROUTING ACCEPT [0:0]\n-A PREROUTING -j CT --notrack\nCOMMIT\n' > in.rules
iptables-restore in.rules
iptables-save -c | grep -v '^#'

=== restore: chain name too long
iptables -A OUTPUT -j ACCEPT
iptables -N keep
% printf '%b' '*filter\n:abcdefghijklmnopqrstuvwxyz0123 - [0:0]\nCOMMIT\n' > in.rules
iptables-restore in.rules
iptables-save -c | grep -v '^#'

=== restore: policy on a user chain
iptables -A OUTPUT -j ACCEPT
iptables -N keep
% printf '%b' '*filter\n:foo DROP [0:0]\nCOMMIT\n' > in.rules
iptables-restore in.rules
iptables-save -c | grep -v '^#'

=== restore: bad policy
iptables -A OUTPUT -j ACCEPT
iptables -N keep
% printf '%b' '*filter\n:INPUT BOGUS [0:0]\nCOMMIT\n' > in.rules
iptables-restore in.rules
iptables-save -c | grep -v '^#'

=== restore --noflush onto existing rules
% printf '%b' '*filter\n:INPUT ACCEPT [0:0]\n:old - [0:0]\n-A INPUT -j old\n-A old -j ACCEPT\n-A INPUT -s 9.9.9.9 -j DROP\nCOMMIT\n' > base.rules
iptables-restore base.rules
% printf '%b' '*filter\n:new - [0:0]\n:old - [0:0]\n-A new -j RETURN\n-D INPUT -s 9.9.9.9 -j DROP\n-I INPUT -j new\nCOMMIT\n' > in.rules
iptables-restore --noflush in.rules
iptables-save -c | grep -v '^#'
iptables-restore -n -v in.rules
iptables-save -c | grep -v '^#'
% printf '%b' '*filter\n-D INPUT -s 7.7.7.7 -j DROP\nCOMMIT\n' > bad.rules
iptables-restore --noflush bad.rules
iptables-save -c | grep -v '^#'

=== restore --noflush --counters keeps counters
iptables -A INPUT -j ACCEPT -c 100 200
% printf '%b' '*filter\n:INPUT ACCEPT [7:8]\n[3:4] -A INPUT -s 1.1.1.1 -j ACCEPT\nCOMMIT\n' > in.rules
iptables-restore --noflush --counters in.rules
iptables-save -c | grep -v '^#'

=== ip6tables-restore
% printf '%b' '*filter\n:INPUT DROP [0:0]\n:v6 - [0:0]\n-A INPUT -s 2001:db8::/32 -j v6\n-A v6 -p ipv6-icmp --icmpv6-type echo-request -j ACCEPT\n-4 -A INPUT -j DROP\nCOMMIT\n*nat\n-A POSTROUTING -o eth0 -j MASQUERADE\nCOMMIT\n' > in.rules
ip6tables-restore in.rules
ip6tables-save -c | grep -v '^#'
ip6tables-restore -c in.rules
ip6tables-save -c | grep -v '^#'
% printf '%b' '*filter\n-A INPUT -s 1.2.3.4 -j ACCEPT\nCOMMIT\n' > bad.rules
ip6tables-restore bad.rules
ip6tables-save -c | grep -v '^#'

=== restore options
iptables-restore -h
iptables-restore -V
iptables-restore /nonexistent
iptables-restore a b
iptables-restore --bogus
ip6tables-restore -V
ip6tables-save -V

=== restore deviation: unterminated quote is refused
iptables -A OUTPUT -j ACCEPT
% printf '%b' '*filter\n-A INPUT -m comment --comment "abc -j ACCEPT\nCOMMIT\n' > in.rules
x iptables-restore in.rules ## exit=2 stderr~unterminated quoted string
iptables-save -c | grep -v '^#'

=== restore deviation: CR line endings are refused
iptables -A OUTPUT -j ACCEPT
% printf '%b' '*filter\r\n-A INPUT -j ACCEPT\r\nCOMMIT\r\n' > in.rules
x iptables-restore in.rules ## exit=2 stderr~carriage return
iptables-save -c | grep -v '^#'

=== restore deviation: a failing commit names the rule
iptables -A OUTPUT -j ACCEPT
% printf '%b' '*filter\n-A INPUT -j ACCEPT\n-A INPUT -p tcp -j MASQUERADE\nCOMMIT\n' > in.rules
x iptables-restore in.rules ## exit=1 stderr~first refused rule: -A INPUT -p tcp -j MASQUERADE
iptables-save -c | grep -v '^#'

=== restore deviation: a failing line says why
iptables -A OUTPUT -j ACCEPT
% printf '%b' '*filter\n:FOO - [0:0]\n-A FOO -j ACCEPT\n-X FOO\nCOMMIT\n' > in.rules
x iptables-restore in.rules ## exit=1 stderr~line 4: Directory not empty
iptables-save -c | grep -v '^#'

=== restore deviation: NUL byte is refused
iptables -A OUTPUT -j ACCEPT
% printf '*filter\n-A INPUT -m comment --comment ab\0cd -j ACCEPT\nCOMMIT\n' > in.rules
x iptables-restore in.rules ## exit=2 stderr~NUL byte in line
iptables-save -c | grep -v '^#'

=== restore deviation: final COMMIT without newline is accepted
% printf '%b' '*filter\n-A INPUT -j ACCEPT\nCOMMIT' > in.rules
x iptables-restore in.rules ## exit=0
x iptables -C INPUT -j ACCEPT ## exit=0
x iptables -F INPUT ## exit=0

=== restore deviation: a line over 10239 bytes is read whole
% printf '%b' '*filter\n-A INPUT -m comment --comment c00xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx -m comment --comment c01xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx -m comment --comment c02xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx -m comment --comment c03xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx -m comment --comment c04xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx -m comment --comment c05xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx -m comment --comment c06xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx -m comment --comment c07xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx -m comment --comment c08xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx -m comment --comment c09xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx -m comment --comment c10xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx -m comment --comment c11xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx -m comment --comment c12xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx -m comment --comment c13xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx -m comment --comment c14xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx -m comment --comment c15xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx -m comment --comment c16xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx -m comment --comment c17xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx -m comment --comment c18xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx -m comment --comment c19xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx -m comment --comment c20xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx -m comment --comment c21xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx -m comment --comment c22xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx -m comment --comment c23xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx -m comment --comment c24xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx -m comment --comment c25xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx -m comment --comment c26xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx -m comment --comment c27xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx -m comment --comment c28xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx -m comment --comment c29xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx -m comment --comment c30xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx -m comment --comment c31xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx -m comment --comment c32xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx -m comment --comment c33xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx -m comment --comment c34xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx -m comment --comment c35xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx -m comment --comment c36xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx -m comment --comment c37xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx -m comment --comment c38xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx -m comment --comment c39xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx -m comment --comment c40xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx -m comment --comment c41xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx -j ACCEPT\nCOMMIT\n' > in.rules
x iptables-restore in.rules ## exit=0
x iptables -S INPUT | grep -q 'c41x* -j ACCEPT$' ## exit=0
x iptables -S INPUT | grep -c -- '-A INPUT' | grep -qx 1 ## exit=0
x iptables -F INPUT ## exit=0

=== iptables deviation: -E to a name -N refuses
iptables -N a
x iptables -E a "x y" ## exit=2 stderr~Invalid chain name
x iptables -E a "" ## exit=2 stderr~must not be empty
x iptables -E a LOG ## exit=2 stderr~clash with target name
x iptables -E a abcdefghijklmnopqrstuvwxyz0123 ## exit=2 stderr~too long
iptables -E a b
iptables -S

=== iptables deviation: a refused commit names the rule
iptables -N c1
iptables -N c2
iptables -A c1 -j c2
iptables -A c2 -s 10.0.0.0/8 -j RETURN
iptables -A INPUT -j c1
iptables -A INPUT -p tcp --dport 22 -j c2
iptables -A INPUT -j ACCEPT
x iptables -A c2 -j DNAT --to-destination 1.2.3.4 ## exit=1 stderr~the kernel refused this rule: -A c2 -j DNAT --to-destination 1.2.3.4
x iptables -A INPUT -j DNAT --to-destination 1.2.3.4 ## exit=1 stderr~the kernel refused this rule: -A INPUT -j DNAT --to-destination 1.2.3.4
x ipt -N x -A x -j ACCEPT -A OUTPUT -p udp -j REDIRECT ## exit=1 stderr~the kernel refused this rule: -A OUTPUT -p udp -j REDIRECT
iptables -S


=== the header names the tool it stands in for (the date masked)
iptables -S >/dev/null
ip6tables -S >/dev/null
iptables-save | sed -n '1s/ on .* [0-9]*$/ on DATE/p'
ip6tables-save -t filter | sed -n '1s/ on .* [0-9]*$/ on DATE/p'
iptables-save | grep -c '^# Completed on '
