# ipt's own names (ipt, ip6t): several commands in one invocation, one
# commit, all or nothing. The ipt line runs on the ipt side only; the
# legacy> lines that follow it are what it must be equivalent to (stdout
# and exit code compared, then the final ruleset).

=== several commands in one invocation
ipt -N web -A INPUT -p tcp --dport 80 -j web -A web -j ACCEPT -L web -n -v
legacy> iptables -N web
legacy> iptables -A INPUT -p tcp --dport 80 -j web
legacy> iptables -A web -j ACCEPT
legacy> iptables -L web -n -v
iptables -S

=== table option applies to all commands
ipt -t nat -N a -A a -j RETURN -S a
legacy> iptables -t nat -N a
legacy> iptables -t nat -A a -j RETURN
legacy> iptables -t nat -S a
iptables -t nat -L -n

=== single command under the own name
ipt -A INPUT -s 10.0.0.1 -j ACCEPT
legacy> iptables -A INPUT -s 10.0.0.1 -j ACCEPT
ipt -L INPUT -n
legacy> iptables -L INPUT -n
ipt -S
legacy> iptables -S

=== ip6t several commands
ip6t -N v6 -A v6 -s 2001:db8::/32 -j ACCEPT -I INPUT -j v6 -S
legacy> ip6tables -N v6
legacy> ip6tables -A v6 -s 2001:db8::/32 -j ACCEPT
legacy> ip6tables -I INPUT -j v6
legacy> ip6tables -S
ip6tables -L -n

=== multi with insert delete replace and policy
iptables -A INPUT -s 1.1.1.1 -j ACCEPT
iptables -A INPUT -s 2.2.2.2 -j ACCEPT
ipt -I INPUT 2 -s 3.3.3.3 -j DROP -D INPUT 1 -R INPUT 2 -s 4.4.4.4 -j ACCEPT -P FORWARD DROP -S
legacy> iptables -I INPUT 2 -s 3.3.3.3 -j DROP
legacy> iptables -D INPUT 1
legacy> iptables -R INPUT 2 -s 4.4.4.4 -j ACCEPT
legacy> iptables -P FORWARD DROP
legacy> iptables -S

=== multi with flush zero rename and delete chain
iptables -N old
iptables -A old -c 5 5 -j ACCEPT
iptables -A INPUT -c 6 6 -j old
ipt -Z -E old new -L -n -v -F -X new -S
legacy> iptables -Z
legacy> iptables -E old new
legacy> iptables -L -n -v
legacy> iptables -F
legacy> iptables -X new
legacy> echo
legacy> iptables -S

=== multi list sees uncommitted changes
ipt -N x -A x -j DROP -L x -n --line-numbers -A INPUT -j x -L INPUT -n
legacy> iptables -N x
legacy> iptables -A x -j DROP
legacy> iptables -L x -n --line-numbers
legacy> iptables -A INPUT -j x
legacy> echo
legacy> iptables -L INPUT -n

=== multi check commands
iptables -A INPUT -p tcp --dport 22 -j ACCEPT
ipt -C INPUT -p tcp --dport 22 -j ACCEPT -A INPUT -p udp -j ACCEPT -C INPUT -p udp -j ACCEPT
legacy> iptables -C INPUT -p tcp --dport 22 -j ACCEPT
legacy> iptables -A INPUT -p udp -j ACCEPT
legacy> iptables -C INPUT -p udp -j ACCEPT
iptables -S

=== failed command makes the whole invocation fail with nothing committed
iptables -A INPUT -s 9.9.9.9 -j ACCEPT
ipt -N a -A a -j ACCEPT -A nonexist -j DROP
legacy> iptables -A nonexist -j DROP
iptables -S
x ipt -N a -A a -j ACCEPT -A nonexist -j DROP ## exit=1 stderr~nothing was committed
iptables -L -n

=== failed check rolls back earlier commands
ipt -N b -A INPUT -j b -C INPUT -s 1.2.3.4 -j ACCEPT
legacy> iptables -C INPUT -s 1.2.3.4 -j ACCEPT
iptables -S

=== failed delete by number rolls back
iptables -A INPUT -s 1.1.1.1 -j ACCEPT
ipt -F INPUT -D INPUT 1
legacy> iptables -D INPUT 2
iptables -S

=== parse error in a later command changes nothing
iptables -A INPUT -s 9.9.9.9 -j ACCEPT
ipt -N a -A a -j ACCEPT -A INPUT --bogus
legacy> iptables -A INPUT --bogus
x ipt -N a -A a -j ACCEPT -A INPUT --bogus ## exit=2 stderr~unknown option "--bogus"
x ipt -N a -A a -j ACCEPT -A INPUT -p tcp --dport 99999 ## exit=2 stderr~command 3
x ipt -N a -A a -j ACCEPT -A INPUT -j nosuchchain ## exit=2
iptables -S

=== error in the first command
ipt -A nonexist -j DROP -N a
legacy> iptables -A nonexist -j DROP
iptables -S

=== all commands must use one table
x ipt -t nat -N a -t filter -N b ## exit=2 stderr~same table
iptables -S
iptables -t nat -S

=== chain created and used in the same invocation
ipt -N a -N b -A a -j b -A b -j RETURN -A INPUT -j a -L -n
legacy> iptables -N a
legacy> iptables -N b
legacy> iptables -A a -j b
legacy> iptables -A b -j RETURN
legacy> iptables -A INPUT -j a
legacy> iptables -L -n

=== jump to a chain created later in the invocation
ipt -A INPUT -j later -N later
legacy> iptables -A INPUT -j later
iptables -S

=== ipt version and help
x ipt --version ## exit=0
x ipt -h ## exit=0
x ip6t -V ## exit=0

=== multi with counters
ipt -A INPUT -c 10 20 -j ACCEPT -I INPUT -c 1 2 -j DROP -L INPUT -v -x -n
legacy> iptables -A INPUT -c 10 20 -j ACCEPT
legacy> iptables -I INPUT -c 1 2 -j DROP
legacy> iptables -L INPUT -v -x -n

=== multi with address lists
ipt -A INPUT -s 1.1.1.1,2.2.2.2 -j ACCEPT -D INPUT -s 1.1.1.1 -j ACCEPT -S INPUT
legacy> iptables -A INPUT -s 1.1.1.1,2.2.2.2 -j ACCEPT
legacy> iptables -D INPUT -s 1.1.1.1 -j ACCEPT
legacy> iptables -S INPUT

=== multi verbose
ipt -v -A INPUT -s 1.2.3.4 -j ACCEPT -F INPUT -v
legacy> iptables -v -A INPUT -s 1.2.3.4 -j ACCEPT
legacy> iptables -v -F INPUT

=== modifiers belong to the command they follow
ipt -v -A INPUT -s 1.2.3.4 -j ACCEPT -F INPUT
legacy> iptables -v -A INPUT -s 1.2.3.4 -j ACCEPT
legacy> iptables -F INPUT
ipt -A INPUT -j ACCEPT -L INPUT -n -L INPUT
legacy> iptables -A INPUT -j ACCEPT
legacy> iptables -L INPUT -n
legacy> echo
legacy> iptables -L INPUT

=== messages a new user meets (issue 12 item 3)
x ipt ## exit=2 stderr~v0.1.0 (legacy): no command specified
x ipt -n ## exit=2 stderr~(legacy): no command specified
x ipt -A INPUT -j ACCEPT -A INPUT --bogus ## exit=2 stderr~nothing was committed
x ipt -N a -A a -p tcp --dport 99999 ## exit=2 stderr~nothing was committed
x ipt -N a -S -A nosuch -j DROP ## exit=1 stderr~the listings above show changes that were not made

=== two listings in one invocation are set apart by a blank line
ipt -L -n -L INPUT -n
legacy> iptables -L -n
legacy> echo
legacy> iptables -L INPUT -n
ipt -S -L INPUT
legacy> iptables -S
legacy> echo
legacy> iptables -L INPUT
ipt -S INPUT -S OUTPUT
legacy> iptables -S INPUT
legacy> iptables -S OUTPUT

=== -vv under ipt's own names words the error before the dump
x ipt -vv -D INPUT 5 ## exit=1 stderr~Index of deletion too big
x ipt -vv -C INPUT -j DROP ## exit=1 stderr~Bad rule (does a matching rule exist in that chain?)
