# Drop-in differences an independent differential corpus found (issue 12,
# item 4): each case pins iptables-legacy 1.8.9's behaviour where ipt once
# differed.
# difftest: legacy-only

=== -S and save keep a target's options when a user chain has its name
iptables -t mangle -A PREROUTING -j MARK --set-mark 5
iptables -A INPUT -j LOG --log-prefix "in: "
iptables -A INPUT -p tcp -j REJECT --reject-with tcp-reset
iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination 10.0.0.1:80
% printf '*mangle\n:MARK - [0:0]\nCOMMIT\n' >in1
iptables-restore --noflush in1
% printf '*filter\n:LOG - [0:0]\n:REJECT - [0:0]\nCOMMIT\n' >in2
iptables-restore --noflush in2
% printf '*nat\n:DNAT - [0:0]\nCOMMIT\n' >in3
iptables-restore --noflush in3
iptables -t mangle -S PREROUTING
iptables -S
iptables -v -S
iptables -t nat -S
iptables-save | grep -v '^#'
iptables-save -c | grep -v '^#'

=== a jump to a user chain named like a target stays a jump
% printf '*mangle\n:MARK - [0:0]\n-A PREROUTING -j MARK\nCOMMIT\n' >in4
iptables-restore in4
iptables -t mangle -A PREROUTING -j MARK --set-mark 1
iptables -t mangle -S
iptables-save -t mangle | grep -v '^#'

=== the error line comes before the buffered verbose echo
iptables -v -F nosuch 2>&1 | cat
iptables -N web
iptables -v -X web nosuch 2>&1 | cat
iptables -v -A nosuch -j ACCEPT 2>&1 | cat
% printf '*filter\n-A INPUT -j ACCEPT\n-A nosuch -j ACCEPT\nCOMMIT\n' >in5
iptables-restore -v in5 2>&1 | sed '/^iptables-restore: line 3: /d'

=== a target the kernel does not know: legacy's message first
iptables -A INPUT -j standard
% printf '*filter\n-A INPUT -j standard\nCOMMIT\n' >in6
iptables-restore in6
iptables -S

=== -vv dumps the table after a failed command too
iptables -vv -A nosuch -j ACCEPT 2>&1 | sed 's/^libiptc v.*bytes\.$/libiptc/'
iptables -vv -D INPUT 5 2>&1 | sed 's/^libiptc v.*bytes\.$/libiptc/'
iptables -vv -N INPUT 2>&1 | sed 's/^libiptc v.*bytes\.$/libiptc/'
iptables -vv -C INPUT -j DROP 2>&1 | sed 's/^libiptc v.*bytes\.$/libiptc/'
iptables -vv -P nosuch DROP 2>&1 | sed 's/^libiptc v.*bytes\.$/libiptc/'

=== restore -v echoes comments of blocks -T skips, and a last line as it is
% printf '# top\n*filter\n# in filter\n:INPUT ACCEPT [0:0]\n-A INPUT -j ACCEPT\nCOMMIT\n*nat\n# in nat\n-A POSTROUTING -j ACCEPT\nCOMMIT\n# last' >rules
iptables-restore -v -T nat rules
iptables-restore -v -T filter rules
iptables-restore -v rules
% printf '*filter\nCOMMIT\n#x' >in7
iptables-restore -v in7

=== an interface name too long is refused for its length first
iptables -A INPUT -i "abcdefghijklmnop qr"
iptables -A INPUT -i "abcdefghijklmnop/qr"
iptables -A INPUT -o "abcdefghijklmno/"
iptables -A INPUT -i abcdefghijklmnop
x iptables -A INPUT -i "a b" ## exit=2 stderr~contains a blank or '/'

=== restore's word and argument limits
% python3 -c "print('*filter\n-A INPUT -m comment --comment ' + 'a' * 1023 + '\nCOMMIT')" >w1023
% python3 -c "print('*filter\n-A INPUT -m comment --comment ' + 'a' * 1024 + '\nCOMMIT')" >w1024
% python3 -c "print('*filter\n-A INPUT -m comment --comment \"' + 'a' * 1024 + '\"\nCOMMIT')" >q1024
% python3 -c "print('*filter\n-A INPUT' + ' -m comment --comment x' * 62 + ' -j ACCEPT\nCOMMIT')" >n250
% python3 -c "print('*filter\n-A INPUT' + ' -m comment --comment x' * 63 + ' -j ACCEPT\nCOMMIT')" >n253
% python3 -c "print('*filter\n[1:2] -A INPUT' + ' -m comment --comment x' * 62 + ' -j ACCEPT\nCOMMIT')" >c250
iptables-restore w1023
iptables-restore w1024
iptables-restore q1024
iptables-restore n250
iptables-restore n253
iptables-restore -v n250 >/dev/null
iptables-restore -c c250
iptables-restore c250
iptables-save -c | grep -v '^#' | cut -c1-80

=== counters: every form strtoull reads as decimal
iptables -A INPUT -c 010 +5
iptables -A INPUT -c " 7" 8
iptables -A INPUT -c 010,+5
iptables -I INPUT -c 3 0004
iptables -P FORWARD DROP -c +1 02
iptables-save -c | grep -v '^#'
x iptables -A INPUT -c 0x10 0x20 ## exit=2 stderr~is not a number
x iptables -A INPUT -c -1 5 ## exit=2 stderr~is not a number
x iptables -A INPUT -c 1.5 2 ## exit=2 stderr~is not a number
x iptables -A INPUT -c 5 "6 " ## exit=2 stderr~is not a number

=== renaming a chain to a verdict's name
iptables -N a
iptables -E a DROP
iptables -E a RETURN
x iptables -E a QUEUE ## exit=1 stderr~the new name is a verdict
iptables -N b
iptables -E a b
iptables -S

=== ipt's hidden completion helper is not an iptables option
iptables --completion-helper
iptables-save --completion-helper
iptables-restore --completion-helper
ip6tables --completion-helper iptables

=== a restore line over 10239 bytes is read whole (iptables-restore cuts it)
% python3 -c "print('*filter\n-A INPUT' + (' -m comment --comment ' + 'c' * 280) * 40 + ' -j ACCEPT\nCOMMIT')" >long
x iptables-restore --test long ## exit=0
