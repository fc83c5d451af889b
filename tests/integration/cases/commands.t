# Every command of iptables, one behaviour per case.
# Format: see the header of ../difftest.sh.

=== append and list
iptables -A INPUT -s 10.0.0.1 -j ACCEPT
iptables -A INPUT -s 10.0.0.2 -j DROP
iptables --append INPUT -d 10.0.0.3 -j ACCEPT
iptables -L INPUT -n
iptables -S

=== insert without position goes first
iptables -A INPUT -s 10.0.0.1 -j ACCEPT
iptables -I INPUT -s 10.0.0.2 -j ACCEPT
iptables --insert INPUT -s 10.0.0.3 -j ACCEPT
iptables -S INPUT

=== insert with position
iptables -A INPUT -s 10.0.0.1 -j ACCEPT
iptables -A INPUT -s 10.0.0.2 -j ACCEPT
iptables -I INPUT 2 -s 10.0.0.3 -j ACCEPT
iptables -I INPUT 1 -s 10.0.0.4 -j ACCEPT
iptables -I INPUT 5 -s 10.0.0.5 -j ACCEPT
iptables -I INPUT 7 -s 10.0.0.6 -j ACCEPT
iptables -L INPUT -n --line-numbers

=== insert into empty chain at 1 and 2
iptables -I FORWARD 1 -j ACCEPT
iptables -I OUTPUT 2 -j ACCEPT
iptables -S

=== delete by number
iptables -A INPUT -s 10.0.0.1 -j ACCEPT
iptables -A INPUT -s 10.0.0.2 -j ACCEPT
iptables -A INPUT -s 10.0.0.3 -j ACCEPT
iptables -D INPUT 2
iptables -S INPUT
iptables --delete INPUT 2
iptables -S INPUT
iptables -D INPUT 2
iptables -D INPUT 1
iptables -D INPUT 1
iptables -S INPUT

=== delete by specification removes the first match only
iptables -A INPUT -p tcp --dport 22 -j ACCEPT
iptables -A INPUT -p udp -j ACCEPT
iptables -A INPUT -p tcp --dport 22 -j ACCEPT
iptables -D INPUT -p tcp --dport 22 -j ACCEPT
iptables -L INPUT -n --line-numbers
iptables -D INPUT -p tcp --dport 22 -j ACCEPT
iptables -D INPUT -p tcp --dport 22 -j ACCEPT
iptables -S INPUT

=== delete by specification needs the same target
iptables -A INPUT -s 1.2.3.4 -j ACCEPT
iptables -D INPUT -s 1.2.3.4 -j DROP
iptables -D INPUT -s 1.2.3.4
iptables -D INPUT -s 1.2.3.4 -j ACCEPT
iptables -S INPUT

=== replace
iptables -A INPUT -s 10.0.0.1 -j ACCEPT
iptables -A INPUT -s 10.0.0.2 -j ACCEPT
iptables -R INPUT 2 -s 10.0.0.9 -p tcp --dport 80 -j DROP
iptables --replace INPUT 1 -j LOG
iptables -S INPUT
iptables -R INPUT 3 -j ACCEPT
iptables -R INPUT 1 -s 10.0.0.1,10.0.0.2 -j ACCEPT
iptables -S INPUT

=== replace keeps or sets counters
iptables -A INPUT -c 5 500 -j ACCEPT
iptables -R INPUT 1 -j DROP
iptables -R INPUT 1 -c 7 700 -j DROP
iptables -L INPUT -v -x -n

=== check
iptables -A INPUT -p tcp --dport 22 -j ACCEPT
iptables -C INPUT -p tcp --dport 22 -j ACCEPT
iptables --check INPUT -p tcp --dport 22 -j ACCEPT
iptables -C INPUT -p tcp --dport 23 -j ACCEPT
iptables -C INPUT -p tcp --dport 22 -j DROP
iptables -C INPUT -p tcp --dport 22
iptables -C FORWARD -p tcp --dport 22 -j ACCEPT

=== list all and one chain
iptables -A INPUT -s 10.0.0.1 -p tcp --dport 22 -j ACCEPT
iptables -A OUTPUT -d 10.0.0.2 -j DROP
iptables -L
iptables -L -n
iptables -L INPUT
iptables -L OUTPUT -n
iptables --list FORWARD

=== list one rule by number
iptables -A INPUT -s 10.0.0.1 -j ACCEPT
iptables -A INPUT -s 10.0.0.2 -j DROP
iptables -L INPUT 2
iptables -L INPUT 1 -n
iptables -L INPUT 2 -n -v --line-numbers
iptables -L INPUT 3

=== list-rules all chains one chain one rule
iptables -N user
iptables -A INPUT -s 10.0.0.1 -j user
iptables -A user -p udp -j ACCEPT
iptables -A user -p tcp -j ACCEPT
iptables -S
iptables -S user
iptables -S user 2
iptables -S user 1
iptables -S user 3
iptables -S INPUT 1
iptables --list-rules user

=== list-rules verbose shows counters
iptables -A INPUT -c 1 2 -j ACCEPT
iptables -P OUTPUT DROP -c 3 4
iptables -v -S
iptables -S -v INPUT
iptables -v -S OUTPUT

=== flush all chains
iptables -N user
iptables -A INPUT -j ACCEPT
iptables -A FORWARD -j DROP
iptables -A user -j RETURN
iptables -F
iptables -S

=== flush one chain
iptables -A INPUT -j ACCEPT
iptables -A FORWARD -j DROP
iptables -F INPUT
iptables --flush FORWARD
iptables -S

=== flush keeps policy and chains
iptables -P FORWARD DROP
iptables -N keep
iptables -A keep -j ACCEPT
iptables -F
iptables -S

=== flush other table
iptables -t nat -A POSTROUTING -j MASQUERADE
iptables -A INPUT -j ACCEPT
iptables -t nat -F
iptables -t nat -S
iptables -S

=== zero all
iptables -A INPUT -c 10 1000 -j ACCEPT
iptables -A OUTPUT -c 20 2000 -j ACCEPT
iptables -P INPUT ACCEPT -c 1 100
iptables -Z
iptables -L -v -n

=== zero one chain
iptables -A INPUT -c 10 1000 -j ACCEPT
iptables -A OUTPUT -c 20 2000 -j ACCEPT
iptables -Z OUTPUT
iptables --zero INPUT
iptables -L -v -n -x

=== zero one rule
iptables -A INPUT -c 10 1000 -j ACCEPT
iptables -A INPUT -c 20 2000 -j ACCEPT
iptables -A INPUT -c 30 3000 -j ACCEPT
iptables -Z INPUT 2
iptables -L INPUT -v -n -x
iptables -Z INPUT 4

=== list and zero together
iptables -A INPUT -c 10 1000 -j ACCEPT
iptables -A OUTPUT -c 20 2000 -j DROP
iptables -L -Z -v -n
iptables -L -v -n
iptables -A FORWARD -c 5 5 -j ACCEPT
iptables -L FORWARD -v -n -Z
iptables -L FORWARD -v -n

=== zero chain rule then list
iptables -A INPUT -c 10 1000 -j ACCEPT
iptables -A INPUT -c 10 1000 -j ACCEPT
iptables -Z INPUT 1 -L -v
iptables -L -Z INPUT 2 -v
iptables -S -v

=== new chain
iptables -N a
iptables --new-chain b
iptables -N with-dash_and.dot
iptables -N 123
iptables -L -n
iptables -S

=== delete chain
iptables -N a
iptables -N b
iptables -X a
iptables -S
iptables --delete-chain b
iptables -S

=== delete all user chains
iptables -N a
iptables -N b
iptables -N c
iptables -X
iptables -S

=== delete all user chains in nat
iptables -t nat -N a
iptables -t nat -N b
iptables -t nat -X
iptables -t nat -S

=== policy
iptables -P INPUT DROP
iptables -P FORWARD DROP
iptables --policy OUTPUT DROP
iptables -L -n
iptables -P INPUT ACCEPT
iptables -S

=== policy with counters
iptables -P INPUT DROP -c 123 4567
iptables -v -S INPUT
iptables -L INPUT -v -x -n
iptables -c 1 2 -P OUTPUT ACCEPT
iptables -S -v

=== policies in other tables
iptables -t mangle -P PREROUTING DROP
iptables -t raw -P OUTPUT DROP
iptables -t security -P FORWARD DROP
iptables -t mangle -S
iptables -t raw -S
iptables -t security -S

=== rename chain
iptables -N old
iptables -A old -j ACCEPT
iptables -E old new
iptables -S
iptables --rename-chain new newer
iptables -L newer -n

=== rename referenced chain updates jumps
iptables -N old
iptables -A INPUT -j old
iptables -A FORWARD -g old
iptables -E old new
iptables -S
iptables -L -n

=== user chains jumps goto and references
iptables -N a
iptables -N b
iptables -N unused
iptables -A INPUT -j a
iptables -A FORWARD -j a
iptables -A OUTPUT -g b
iptables -A a -j b
iptables -A a -p tcp -j RETURN
iptables -L
iptables -L -n -v
iptables -L a
iptables -L unused
iptables -S

=== references drop after deleting jumps
iptables -N a
iptables -A INPUT -j a
iptables -A INPUT -j a
iptables -L a -n
iptables -D INPUT -j a
iptables -L a -n
iptables -D INPUT 1
iptables -L a -n
iptables -X a
iptables -S

=== chain name at maximum length
iptables -N abcdefghijklmnopqrstuvwxyz01
iptables -A INPUT -j abcdefghijklmnopqrstuvwxyz01
iptables -L -n
iptables -S

=== many rules
iptables -A INPUT -s 10.0.0.1 -j ACCEPT
iptables -A INPUT -s 10.0.0.2 -j ACCEPT
iptables -A INPUT -s 10.0.0.3 -j ACCEPT
iptables -A INPUT -s 10.0.0.4 -j ACCEPT
iptables -A INPUT -s 10.0.0.5 -j ACCEPT
iptables -A INPUT -s 10.0.0.6 -j ACCEPT
iptables -A INPUT -s 10.0.0.7 -j ACCEPT
iptables -A INPUT -s 10.0.0.8 -j ACCEPT
iptables -A INPUT -s 10.0.0.9 -j ACCEPT
iptables -A INPUT -s 10.0.0.10 -j ACCEPT
iptables -D INPUT 5
iptables -I INPUT 9 -s 10.0.0.11 -j DROP
iptables -R INPUT 3 -s 10.0.0.12 -j DROP
iptables -L INPUT -n --line-numbers
