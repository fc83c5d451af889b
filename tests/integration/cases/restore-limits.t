# iptables-restore's limits on a rule line's words (a word of 1024 bytes or
# more, more than 254 arguments with its own leading ones), at and around
# their edges, with quoted words: ipt checks them only when the line's
# longest word or its number of words can reach them.
# difftest: legacy-only

=== a word of 1023 bytes passes the limit, 1024 does not
% { printf '*filter\n-A INPUT -j ACCEPT '; printf 'x%.0s' $(seq 1023); printf '\nCOMMIT\n'; } >w1023
% { printf '*filter\n-A INPUT -j ACCEPT '; printf 'x%.0s' $(seq 1024); printf '\nCOMMIT\n'; } >w1024
iptables-restore w1023
iptables-restore w1024
iptables -S

=== a quoted word counts without its quotes
% { printf '*filter\n-A INPUT -m comment --comment "'; printf 'y%.0s' $(seq 1022); printf '" -j ACCEPT\nCOMMIT\n'; } >q1022
% { printf '*filter\n-A INPUT -m comment --comment "'; printf 'y%.0s' $(seq 1024); printf '" -j ACCEPT\nCOMMIT\n'; } >q1024
% { printf '*filter\n-A INPUT -m comment --comment "a\\"'; printf 'y%.0s' $(seq 1021); printf '" -j ACCEPT\nCOMMIT\n'; } >e1023
iptables-restore q1022
iptables-restore q1024
iptables-restore e1023
iptables -S

=== the number of words at the edge (3 leading words, 254 in all pass)
% { printf '*filter\n-A INPUT -j ACCEPT'; for i in $(seq 247); do printf ' -v'; done; printf '\nCOMMIT\n'; } >n1
% { printf '*filter\n-A INPUT -j ACCEPT'; for i in $(seq 248); do printf ' -v'; done; printf '\nCOMMIT\n'; } >n2
% { printf '*filter\n[1:2] -A INPUT -j ACCEPT'; for i in $(seq 244); do printf ' -v'; done; printf '\nCOMMIT\n'; } >n3
% { printf '*filter\n[1:2] -A INPUT -j ACCEPT'; for i in $(seq 245); do printf ' -v'; done; printf '\nCOMMIT\n'; } >n4
iptables-restore n1 >/dev/null
iptables-restore n2
iptables-restore -c n3 >/dev/null
iptables-restore -c n4
iptables-restore n3 >/dev/null
iptables-save -c | grep -v '^#'
