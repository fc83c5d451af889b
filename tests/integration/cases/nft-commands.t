# difftest: nft-only
# nf_tables mode: the commands on rules and chains, their messages and exit
# codes (iptables-nft's differ from legacy's in places).

=== counters with -c on -A and -I
iptables -A INPUT -j ACCEPT -c 10 200
iptables -I INPUT -s 1.2.3.4 -j DROP -c 1 2
iptables -L -n -v -x
iptables -S -v
iptables-save -c | grep -v '^#'

=== -Z all, one chain, one rule
iptables -A INPUT -j ACCEPT -c 10 200
iptables -A INPUT -j DROP -c 3 4
iptables -A OUTPUT -j ACCEPT -c 5 6
iptables -Z INPUT 2
iptables -S -v
iptables -Z OUTPUT
iptables -S -v
iptables -Z
iptables -S -v

=== -Z with -L
iptables -A INPUT -j ACCEPT -c 10 200
iptables -L -Z -n -v -x
iptables -L -n -v -x

=== -Z of a missing chain or rule
iptables -A INPUT -j ACCEPT
iptables -Z NOSUCH
iptables -Z INPUT 5

=== chain policy counters
iptables -P INPUT DROP -c 100 2000
iptables -L INPUT -n -v -x
iptables -Z INPUT
iptables -L INPUT -n -v -x

=== -E rename
iptables -N old
iptables -A old -j ACCEPT
iptables -A INPUT -j old
iptables -E old new
iptables -S

=== -E errors
iptables -N a
iptables -N b
iptables -E a b
iptables -E nosuch c
iptables -E INPUT c
iptables -E a INPUT

=== -X of a referenced chain
iptables -N ref
iptables -A INPUT -j ref
iptables -X ref
iptables -S

=== -X of a chain with rules
iptables -N full
iptables -A full -j ACCEPT
iptables -X full
iptables -S

=== -X of a builtin and of a missing chain
iptables -A INPUT -j ACCEPT
iptables -X INPUT
iptables -X NOSUCH

=== -X all with a reference between user chains
iptables -N a
iptables -N b
iptables -A a -j b
iptables -X
iptables -S

=== -F then -X of a formerly referenced chain
iptables -N ref
iptables -A INPUT -j ref
iptables -F INPUT
iptables -X ref
iptables -S

=== -D by spec and by number
iptables -A INPUT -s 1.1.1.1 -j ACCEPT
iptables -A INPUT -s 2.2.2.2 -j ACCEPT
iptables -A INPUT -s 3.3.3.3 -j ACCEPT
iptables -D INPUT -s 2.2.2.2 -j ACCEPT
iptables -D INPUT 2
iptables -S

=== -D misses
iptables -A INPUT -s 1.1.1.1 -j ACCEPT
iptables -D INPUT -s 9.9.9.9 -j ACCEPT
iptables -D INPUT 5
iptables -D INPUT 0
iptables -D NOSUCH 1
iptables -D NOSUCH -j ACCEPT

=== -D of duplicate rules deletes the first
iptables -A INPUT -j ACCEPT -c 1 1
iptables -A INPUT -j ACCEPT -c 2 2
iptables -D INPUT -j ACCEPT
iptables -S -v

=== -C matches encoding, not text
iptables -A INPUT -s 1.2.3.4/32 -p tcp --dport 22 -j ACCEPT
iptables -A INPUT -p tcp --tcp-flags FIN,SYN,RST,ACK SYN -j ACCEPT
iptables -A INPUT -m limit --limit 10/sec -j ACCEPT
iptables -A INPUT -p icmp --icmp-type echo-request -j ACCEPT
iptables -C INPUT -s 1.2.3.4 -p tcp --dport 22 -j ACCEPT
iptables -C INPUT -p tcp --syn -j ACCEPT
iptables -C INPUT -m limit --limit 10/second -j ACCEPT
iptables -C INPUT -p icmp --icmp-type 8 -j ACCEPT
iptables -C INPUT -p tcp --dport 23 -j ACCEPT
iptables -C INPUT -j ACCEPT

=== -C of compat matches and targets
iptables -A INPUT -m conntrack --ctstate NEW -m comment --comment x -j LOG --log-prefix "a: "
iptables -C INPUT -m conntrack --ctstate NEW -m comment --comment x -j LOG --log-prefix "a: "
iptables -C INPUT -m conntrack --ctstate NEW -m comment --comment y -j LOG --log-prefix "a: "
iptables -C INPUT -m conntrack --ctstate NEW -m comment --comment x -j LOG --log-prefix "b: "
iptables -C INPUT -m conntrack --ctstate NEW -j LOG --log-prefix "a: "

=== -C of a missing chain and in a missing table
iptables -C INPUT -j ACCEPT
iptables -C NOSUCH -j ACCEPT
iptables -t nat -C POSTROUTING -j MASQUERADE

=== -R by number
iptables -A INPUT -s 1.1.1.1 -j ACCEPT -c 5 50
iptables -A INPUT -s 2.2.2.2 -j ACCEPT
iptables -R INPUT 1 -s 9.9.9.9 -j DROP
iptables -R INPUT 2 -p tcp --dport 80 -j ACCEPT -c 7 70
iptables -S -v

=== -R errors
iptables -A INPUT -j ACCEPT
iptables -R INPUT 3 -j DROP
iptables -R INPUT 0 -j DROP
iptables -R NOSUCH 1 -j DROP
iptables -R INPUT -j DROP

=== -I N
iptables -A INPUT -s 1.1.1.1 -j ACCEPT
iptables -A INPUT -s 2.2.2.2 -j ACCEPT
iptables -I INPUT -s 0.0.0.0 -j ACCEPT
iptables -I INPUT 2 -s 1.5.1.5 -j ACCEPT
iptables -I INPUT 5 -s 3.3.3.3 -j ACCEPT
iptables -I INPUT 7 -s 4.4.4.4 -j ACCEPT
iptables -S

=== -I into an empty chain, by number 1
iptables -I INPUT 1 -j ACCEPT
iptables -I OUTPUT -j ACCEPT
iptables -t nat -I POSTROUTING 1 -j MASQUERADE

=== -L variants
iptables -N web
iptables -A INPUT -p tcp --dport 80 -j web -c 1000 1500000
iptables -A web -s 10.0.0.0/8 -j ACCEPT -c 123456 98765432
iptables -P INPUT DROP
iptables -L
iptables -L -n
iptables -L -n -v
iptables -L -n -v -x
iptables -L -n --line-numbers
iptables -L web -n -v -x --line-numbers
iptables -L INPUT 1 -n

=== -S variants
iptables -N web
iptables -A INPUT -p tcp --dport 80 -j web -c 3 4
iptables -A web -j ACCEPT
iptables -S
iptables -S web
iptables -S INPUT 1
iptables -S INPUT 2
iptables -v -S
iptables -S NOSUCH

=== -F of one chain and of a missing chain
iptables -A INPUT -j ACCEPT
iptables -A OUTPUT -j ACCEPT
iptables -F INPUT
iptables -F NOSUCH
iptables -S

=== -N / -X name limits
iptables -N abcdefghijklmnopqrstuvwxyz0123
iptables -N abcdefghijklmnopqrstuvwxyz01234
iptables -N -bad
iptables -S

=== -w and -W are accepted
iptables -w -A INPUT -j ACCEPT
iptables -w 5 -A INPUT -j ACCEPT
iptables -W 100 -w -L -n

=== -v on commands
iptables -v -A INPUT -s 1.2.3.4 -p tcp --dport 22 -j ACCEPT
iptables -v -D INPUT -s 1.2.3.4 -p tcp --dport 22 -j ACCEPT
iptables -v -N x
iptables -v -X x

=== policy with -P then rules in other chains
iptables -P INPUT DROP
iptables -P OUTPUT DROP
iptables -A FORWARD -j ACCEPT
iptables -L -n

=== many rules
% for i in $(seq 1 50); do iptables -A INPUT -s 10.0.0.$i -j ACCEPT; done
iptables -L INPUT -n --line-numbers
iptables -D INPUT 25
iptables -R INPUT 30 -j DROP
iptables -I INPUT 10 -j RETURN

=== -vv prints the nf_tables objects sent and read [nft-only]
iptables -vv -A INPUT -s 1.2.3.4 -j ACCEPT
iptables -vv -L INPUT
iptables -vv -I INPUT 1 -j DROP
iptables -vv -N foo
iptables -vv -P INPUT DROP
iptables -vv -D INPUT 1
iptables -vv -A foo -p tcp --dport 22 -j ACCEPT
iptables -vv -F
iptables -vv -X foo

=== -v echoes only the rules -C/-D/-R found, the first miss ends the list
iptables -A INPUT -s 1.2.3.4 -j ACCEPT
iptables -v -C INPUT -s 1.2.3.4 -j ACCEPT
iptables -v -C INPUT -s 1.2.3.5 -j ACCEPT
iptables -v -R INPUT 9 -s 5.6.7.8 -j DROP
iptables -v -R INPUT 1 -s 5.6.7.8 -j DROP
iptables -v -D INPUT -s 9.9.9.9
iptables -v -A INPUT -s 1.2.3.4,5.6.7.8 -j ACCEPT
iptables -v -D INPUT -s 1.2.3.4,5.6.7.8 -j ACCEPT
iptables -v -D INPUT -s 1.2.3.4,5.6.7.8 -j ACCEPT
iptables -v -A INPUT -s 5.6.7.8 -j ACCEPT
iptables -v -D INPUT -s 9.9.9.9,5.6.7.8 -j ACCEPT
iptables -S

=== -vv of -D, -C, -Z and -E: what is read, then the echo, then the batch
iptables -A INPUT -s 1.2.3.4 -j ACCEPT
iptables -N X
iptables -A X -j DROP
iptables -vv -C INPUT -s 1.2.3.4 -j ACCEPT
iptables -vv -D INPUT -s 1.2.3.4 -j ACCEPT
iptables -vv -Z INPUT
iptables -vv -E X Y
iptables -A INPUT -j Y
iptables -vv -E Y Z
iptables -S

=== -P checks the policy before the chain
iptables -N X
iptables -P X RETURN
iptables -P NOSUCH FOO
iptables -P X DROP
iptables -P INPUT RETURN

=== -v -A echoes the rule even when its chain is missing, -I does not
iptables -v -A NOCHAIN -j ACCEPT
iptables -v -A NOCHAIN -s 1.2.3.4,5.6.7.8 -j ACCEPT
iptables -v -I NOCHAIN -j ACCEPT
