# Per-extension cases (matches and targets, IPv6). Each case adds one rule, lists it with
# -L -n, -L (name resolution), -L -v and -S, finds it with -C, deletes it by
# specification with -D, checks -C now fails (exit 1) and lists again.
#
# Dropped because legacy itself cannot use them here (no kernel support or
# userspace-only state): -m set / -j SET (need an ipset), -j SECMARK (needs an
# SELinux context the kernel knows), -j LED, -j CLUSTERIP, -j ULOG (not in this
# kernel), -m nfacct (needs an nfacct object), -m udplite, -m l2tp (no
# extension in iptables 1.8.9).

=== v6 match tcp
ip6tables -A INPUT -s 2001:db8::/32 -d ::1 -p tcp --dport 22 -j ACCEPT
ip6tables -L INPUT -n
ip6tables -L INPUT
ip6tables -L INPUT -v
ip6tables -S INPUT
ip6tables -C INPUT -s 2001:db8::/32 -d ::1 -p tcp --dport 22 -j ACCEPT
ip6tables -D INPUT -s 2001:db8::/32 -d ::1 -p tcp --dport 22 -j ACCEPT
ip6tables -C INPUT -s 2001:db8::/32 -d ::1 -p tcp --dport 22 -j ACCEPT
ip6tables -S INPUT

=== v6 match udp multiport
ip6tables -A INPUT -p udp -m multiport --sports 53,123 -j ACCEPT
ip6tables -L INPUT -n
ip6tables -L INPUT
ip6tables -L INPUT -v
ip6tables -S INPUT
ip6tables -C INPUT -p udp -m multiport --sports 53,123 -j ACCEPT
ip6tables -D INPUT -p udp -m multiport --sports 53,123 -j ACCEPT
ip6tables -C INPUT -p udp -m multiport --sports 53,123 -j ACCEPT
ip6tables -S INPUT

=== v6 match icmp6 by name
ip6tables -A INPUT -p icmpv6 --icmpv6-type echo-request -j ACCEPT
ip6tables -L INPUT -n
ip6tables -L INPUT
ip6tables -L INPUT -v
ip6tables -S INPUT
ip6tables -C INPUT -p icmpv6 --icmpv6-type echo-request -j ACCEPT
ip6tables -D INPUT -p icmpv6 --icmpv6-type echo-request -j ACCEPT
ip6tables -C INPUT -p icmpv6 --icmpv6-type echo-request -j ACCEPT
ip6tables -S INPUT

=== v6 match icmp6 numeric
ip6tables -A INPUT -p ipv6-icmp --icmpv6-type 1/3 -j ACCEPT
ip6tables -L INPUT -n
ip6tables -L INPUT
ip6tables -L INPUT -v
ip6tables -S INPUT
ip6tables -C INPUT -p ipv6-icmp --icmpv6-type 1/3 -j ACCEPT
ip6tables -D INPUT -p ipv6-icmp --icmpv6-type 1/3 -j ACCEPT
ip6tables -C INPUT -p ipv6-icmp --icmpv6-type 1/3 -j ACCEPT
ip6tables -S INPUT

=== v6 match icmp6 neighbour
ip6tables -A INPUT -p ipv6-icmp -m icmp6 ! --icmpv6-type neighbour-solicitation -j ACCEPT
ip6tables -L INPUT -n
ip6tables -L INPUT
ip6tables -L INPUT -v
ip6tables -S INPUT
ip6tables -C INPUT -p ipv6-icmp -m icmp6 ! --icmpv6-type neighbour-solicitation -j ACCEPT
ip6tables -D INPUT -p ipv6-icmp -m icmp6 ! --icmpv6-type neighbour-solicitation -j ACCEPT
ip6tables -C INPUT -p ipv6-icmp -m icmp6 ! --icmpv6-type neighbour-solicitation -j ACCEPT
ip6tables -S INPUT

=== v6 match frag
ip6tables -A INPUT -m frag --fragid 5:10 --fragfirst -j DROP
ip6tables -L INPUT -n
ip6tables -L INPUT
ip6tables -L INPUT -v
ip6tables -S INPUT
ip6tables -C INPUT -m frag --fragid 5:10 --fragfirst -j DROP
ip6tables -D INPUT -m frag --fragid 5:10 --fragfirst -j DROP
ip6tables -C INPUT -m frag --fragid 5:10 --fragfirst -j DROP
ip6tables -S INPUT

=== v6 match frag more last
ip6tables -A INPUT -m frag ! --fragid 7 --fraglen 8 --fragres --fragmore -j DROP
ip6tables -L INPUT -n
ip6tables -L INPUT
ip6tables -L INPUT -v
ip6tables -S INPUT
ip6tables -C INPUT -m frag ! --fragid 7 --fraglen 8 --fragres --fragmore -j DROP
ip6tables -D INPUT -m frag ! --fragid 7 --fraglen 8 --fragres --fragmore -j DROP
ip6tables -C INPUT -m frag ! --fragid 7 --fraglen 8 --fragres --fragmore -j DROP
ip6tables -S INPUT

=== v6 match ipv6header
ip6tables -A INPUT -m ipv6header --header hop,frag --soft -j DROP
ip6tables -L INPUT -n
ip6tables -L INPUT
ip6tables -L INPUT -v
ip6tables -S INPUT
ip6tables -C INPUT -m ipv6header --header hop,frag --soft -j DROP
ip6tables -D INPUT -m ipv6header --header hop,frag --soft -j DROP
ip6tables -C INPUT -m ipv6header --header hop,frag --soft -j DROP
ip6tables -S INPUT

=== v6 match ipv6header inverted
ip6tables -A INPUT -m ipv6header ! --header ipv6-route -j ACCEPT
ip6tables -L INPUT -n
ip6tables -L INPUT
ip6tables -L INPUT -v
ip6tables -S INPUT
ip6tables -C INPUT -m ipv6header ! --header ipv6-route -j ACCEPT
ip6tables -D INPUT -m ipv6header ! --header ipv6-route -j ACCEPT
ip6tables -C INPUT -m ipv6header ! --header ipv6-route -j ACCEPT
ip6tables -S INPUT

=== v6 match rt
ip6tables -A INPUT -m rt --rt-type 0 --rt-segsleft 2 -j DROP
ip6tables -L INPUT -n
ip6tables -L INPUT
ip6tables -L INPUT -v
ip6tables -S INPUT
ip6tables -C INPUT -m rt --rt-type 0 --rt-segsleft 2 -j DROP
ip6tables -D INPUT -m rt --rt-type 0 --rt-segsleft 2 -j DROP
ip6tables -C INPUT -m rt --rt-type 0 --rt-segsleft 2 -j DROP
ip6tables -S INPUT

=== v6 match rt addrs
ip6tables -A INPUT -m rt --rt-type 0 --rt-0-res --rt-0-addrs ::1,::2 --rt-0-not-strict -j DROP
ip6tables -L INPUT -n
ip6tables -L INPUT
ip6tables -L INPUT -v
ip6tables -S INPUT
ip6tables -C INPUT -m rt --rt-type 0 --rt-0-res --rt-0-addrs ::1,::2 --rt-0-not-strict -j DROP
ip6tables -D INPUT -m rt --rt-type 0 --rt-0-res --rt-0-addrs ::1,::2 --rt-0-not-strict -j DROP
ip6tables -C INPUT -m rt --rt-type 0 --rt-0-res --rt-0-addrs ::1,::2 --rt-0-not-strict -j DROP
ip6tables -S INPUT

=== v6 match hbh
ip6tables -A INPUT -m hbh --hbh-len 8 --hbh-opts 1:2,5 -j ACCEPT
ip6tables -L INPUT -n
ip6tables -L INPUT
ip6tables -L INPUT -v
ip6tables -S INPUT
ip6tables -C INPUT -m hbh --hbh-len 8 --hbh-opts 1:2,5 -j ACCEPT
ip6tables -D INPUT -m hbh --hbh-len 8 --hbh-opts 1:2,5 -j ACCEPT
ip6tables -C INPUT -m hbh --hbh-len 8 --hbh-opts 1:2,5 -j ACCEPT
ip6tables -S INPUT

=== v6 match dst
ip6tables -A INPUT -m dst ! --dst-len 8 -j ACCEPT
ip6tables -L INPUT -n
ip6tables -L INPUT
ip6tables -L INPUT -v
ip6tables -S INPUT
ip6tables -C INPUT -m dst ! --dst-len 8 -j ACCEPT
ip6tables -D INPUT -m dst ! --dst-len 8 -j ACCEPT
ip6tables -C INPUT -m dst ! --dst-len 8 -j ACCEPT
ip6tables -S INPUT

=== v6 match hl
ip6tables -A INPUT -m hl --hl-eq 255 -j ACCEPT
ip6tables -L INPUT -n
ip6tables -L INPUT
ip6tables -L INPUT -v
ip6tables -S INPUT
ip6tables -C INPUT -m hl --hl-eq 255 -j ACCEPT
ip6tables -D INPUT -m hl --hl-eq 255 -j ACCEPT
ip6tables -C INPUT -m hl --hl-eq 255 -j ACCEPT
ip6tables -S INPUT

=== v6 match hl lt
ip6tables -A INPUT -m hl --hl-lt 2 -j DROP
ip6tables -L INPUT -n
ip6tables -L INPUT
ip6tables -L INPUT -v
ip6tables -S INPUT
ip6tables -C INPUT -m hl --hl-lt 2 -j DROP
ip6tables -D INPUT -m hl --hl-lt 2 -j DROP
ip6tables -C INPUT -m hl --hl-lt 2 -j DROP
ip6tables -S INPUT

=== v6 match eui64
ip6tables -A INPUT -m eui64 -j ACCEPT
ip6tables -L INPUT -n
ip6tables -L INPUT
ip6tables -L INPUT -v
ip6tables -S INPUT
ip6tables -C INPUT -m eui64 -j ACCEPT
ip6tables -D INPUT -m eui64 -j ACCEPT
ip6tables -C INPUT -m eui64 -j ACCEPT
ip6tables -S INPUT

=== v6 match mh
ip6tables -A INPUT -p mh -m mh --mh-type binding-update -j ACCEPT
ip6tables -L INPUT -n
ip6tables -L INPUT
ip6tables -L INPUT -v
ip6tables -S INPUT
ip6tables -C INPUT -p mh -m mh --mh-type binding-update -j ACCEPT
ip6tables -D INPUT -p mh -m mh --mh-type binding-update -j ACCEPT
ip6tables -C INPUT -p mh -m mh --mh-type binding-update -j ACCEPT
ip6tables -S INPUT

=== v6 match ah
ip6tables -A INPUT -m ah --ahspi 5 --ahlen 3 --ahres -j ACCEPT
ip6tables -L INPUT -n
ip6tables -L INPUT
ip6tables -L INPUT -v
ip6tables -S INPUT
ip6tables -C INPUT -m ah --ahspi 5 --ahlen 3 --ahres -j ACCEPT
ip6tables -D INPUT -m ah --ahspi 5 --ahlen 3 --ahres -j ACCEPT
ip6tables -C INPUT -m ah --ahspi 5 --ahlen 3 --ahres -j ACCEPT
ip6tables -S INPUT

=== v6 match esp
ip6tables -A INPUT -p esp -m esp --espspi 5 -j ACCEPT
ip6tables -L INPUT -n
ip6tables -L INPUT
ip6tables -L INPUT -v
ip6tables -S INPUT
ip6tables -C INPUT -p esp -m esp --espspi 5 -j ACCEPT
ip6tables -D INPUT -p esp -m esp --espspi 5 -j ACCEPT
ip6tables -C INPUT -p esp -m esp --espspi 5 -j ACCEPT
ip6tables -S INPUT

=== v6 match srh
ip6tables -A INPUT -m srh --srh-next-hdr 17 --srh-segs-left-gt 1 -j ACCEPT
ip6tables -L INPUT -n
ip6tables -L INPUT
ip6tables -L INPUT -v
ip6tables -S INPUT
ip6tables -C INPUT -m srh --srh-next-hdr 17 --srh-segs-left-gt 1 -j ACCEPT
ip6tables -D INPUT -m srh --srh-next-hdr 17 --srh-segs-left-gt 1 -j ACCEPT
ip6tables -C INPUT -m srh --srh-next-hdr 17 --srh-segs-left-gt 1 -j ACCEPT
ip6tables -S INPUT

=== v6 match conntrack
ip6tables -A INPUT -m conntrack --ctstate NEW --ctorigsrc 2001:db8::/64 -j ACCEPT
ip6tables -L INPUT -n
ip6tables -L INPUT
ip6tables -L INPUT -v
ip6tables -S INPUT
ip6tables -C INPUT -m conntrack --ctstate NEW --ctorigsrc 2001:db8::/64 -j ACCEPT
ip6tables -D INPUT -m conntrack --ctstate NEW --ctorigsrc 2001:db8::/64 -j ACCEPT
ip6tables -C INPUT -m conntrack --ctstate NEW --ctorigsrc 2001:db8::/64 -j ACCEPT
ip6tables -S INPUT

=== v6 match iprange
ip6tables -A INPUT -m iprange --src-range 2001:db8::1-2001:db8::9 -j ACCEPT
ip6tables -L INPUT -n
ip6tables -L INPUT
ip6tables -L INPUT -v
ip6tables -S INPUT
ip6tables -C INPUT -m iprange --src-range 2001:db8::1-2001:db8::9 -j ACCEPT
ip6tables -D INPUT -m iprange --src-range 2001:db8::1-2001:db8::9 -j ACCEPT
ip6tables -C INPUT -m iprange --src-range 2001:db8::1-2001:db8::9 -j ACCEPT
ip6tables -S INPUT

=== v6 match policy
ip6tables -A INPUT -m policy --dir in --pol ipsec --tunnel-src 2001:db8::1 --tunnel-dst 2001:db8::2 --mode tunnel -j ACCEPT
ip6tables -L INPUT -n
ip6tables -L INPUT
ip6tables -L INPUT -v
ip6tables -S INPUT
ip6tables -C INPUT -m policy --dir in --pol ipsec --tunnel-src 2001:db8::1 --tunnel-dst 2001:db8::2 --mode tunnel -j ACCEPT
ip6tables -D INPUT -m policy --dir in --pol ipsec --tunnel-src 2001:db8::1 --tunnel-dst 2001:db8::2 --mode tunnel -j ACCEPT
ip6tables -C INPUT -m policy --dir in --pol ipsec --tunnel-src 2001:db8::1 --tunnel-dst 2001:db8::2 --mode tunnel -j ACCEPT
ip6tables -S INPUT

=== v6 match connlimit
ip6tables -A INPUT -p tcp -m connlimit --connlimit-above 2 --connlimit-mask 64 -j DROP
ip6tables -L INPUT -n
ip6tables -L INPUT
ip6tables -L INPUT -v
ip6tables -S INPUT
ip6tables -C INPUT -p tcp -m connlimit --connlimit-above 2 --connlimit-mask 64 -j DROP
ip6tables -D INPUT -p tcp -m connlimit --connlimit-above 2 --connlimit-mask 64 -j DROP
ip6tables -C INPUT -p tcp -m connlimit --connlimit-above 2 --connlimit-mask 64 -j DROP
ip6tables -S INPUT

=== v6 match recent
ip6tables -A INPUT -m recent --set --name v6 --mask ffff:ffff:ffff:ffff:: -j ACCEPT
ip6tables -L INPUT -n
ip6tables -L INPUT
ip6tables -L INPUT -v
ip6tables -S INPUT
ip6tables -C INPUT -m recent --set --name v6 --mask ffff:ffff:ffff:ffff:: -j ACCEPT
ip6tables -D INPUT -m recent --set --name v6 --mask ffff:ffff:ffff:ffff:: -j ACCEPT
ip6tables -C INPUT -m recent --set --name v6 --mask ffff:ffff:ffff:ffff:: -j ACCEPT
ip6tables -S INPUT

=== v6 match hashlimit
ip6tables -A INPUT -m hashlimit --hashlimit-above 1/s --hashlimit-name v6 --hashlimit-srcmask 64 --hashlimit-mode srcip -j DROP
ip6tables -L INPUT -n
ip6tables -L INPUT
ip6tables -L INPUT -v
ip6tables -S INPUT
ip6tables -C INPUT -m hashlimit --hashlimit-above 1/s --hashlimit-name v6 --hashlimit-srcmask 64 --hashlimit-mode srcip -j DROP
ip6tables -D INPUT -m hashlimit --hashlimit-above 1/s --hashlimit-name v6 --hashlimit-srcmask 64 --hashlimit-mode srcip -j DROP
ip6tables -C INPUT -m hashlimit --hashlimit-above 1/s --hashlimit-name v6 --hashlimit-srcmask 64 --hashlimit-mode srcip -j DROP
ip6tables -S INPUT

=== v6 match length mac
ip6tables -A INPUT -m length --length 1280: -m mac --mac-source 00:11:22:33:44:55 -j ACCEPT
ip6tables -L INPUT -n
ip6tables -L INPUT
ip6tables -L INPUT -v
ip6tables -S INPUT
ip6tables -C INPUT -m length --length 1280: -m mac --mac-source 00:11:22:33:44:55 -j ACCEPT
ip6tables -D INPUT -m length --length 1280: -m mac --mac-source 00:11:22:33:44:55 -j ACCEPT
ip6tables -C INPUT -m length --length 1280: -m mac --mac-source 00:11:22:33:44:55 -j ACCEPT
ip6tables -S INPUT

=== v6 match addrtype
ip6tables -A INPUT -m addrtype --dst-type LOCAL -j ACCEPT
ip6tables -L INPUT -n
ip6tables -L INPUT
ip6tables -L INPUT -v
ip6tables -S INPUT
ip6tables -C INPUT -m addrtype --dst-type LOCAL -j ACCEPT
ip6tables -D INPUT -m addrtype --dst-type LOCAL -j ACCEPT
ip6tables -C INPUT -m addrtype --dst-type LOCAL -j ACCEPT
ip6tables -S INPUT

=== v6 match socket
ip6tables -t mangle -A PREROUTING -p tcp -m socket -j ACCEPT
ip6tables -t mangle -L PREROUTING -n
ip6tables -t mangle -L PREROUTING
ip6tables -t mangle -L PREROUTING -v
ip6tables -t mangle -S PREROUTING
ip6tables -t mangle -C PREROUTING -p tcp -m socket -j ACCEPT
ip6tables -t mangle -D PREROUTING -p tcp -m socket -j ACCEPT
ip6tables -t mangle -C PREROUTING -p tcp -m socket -j ACCEPT
ip6tables -t mangle -S PREROUTING

=== v6 target REJECT tcp-reset
ip6tables -A INPUT -p tcp -j REJECT --reject-with tcp-reset
ip6tables -L INPUT -n
ip6tables -L INPUT
ip6tables -L INPUT -v
ip6tables -S INPUT
ip6tables -C INPUT -p tcp -j REJECT --reject-with tcp-reset
ip6tables -D INPUT -p tcp -j REJECT --reject-with tcp-reset
ip6tables -C INPUT -p tcp -j REJECT --reject-with tcp-reset
ip6tables -S INPUT

=== v6 target REJECT adm-prohibited
ip6tables -A INPUT -j REJECT --reject-with icmp6-adm-prohibited
ip6tables -L INPUT -n
ip6tables -L INPUT
ip6tables -L INPUT -v
ip6tables -S INPUT
ip6tables -C INPUT -j REJECT --reject-with icmp6-adm-prohibited
ip6tables -D INPUT -j REJECT --reject-with icmp6-adm-prohibited
ip6tables -C INPUT -j REJECT --reject-with icmp6-adm-prohibited
ip6tables -S INPUT

=== v6 target REJECT default
ip6tables -A FORWARD -j REJECT
ip6tables -L FORWARD -n
ip6tables -L FORWARD
ip6tables -L FORWARD -v
ip6tables -S FORWARD
ip6tables -C FORWARD -j REJECT
ip6tables -D FORWARD -j REJECT
ip6tables -C FORWARD -j REJECT
ip6tables -S FORWARD

=== v6 target LOG
ip6tables -A INPUT -j LOG --log-prefix v6: --log-level alert
ip6tables -L INPUT -n
ip6tables -L INPUT
ip6tables -L INPUT -v
ip6tables -S INPUT
ip6tables -C INPUT -j LOG --log-prefix v6: --log-level alert
ip6tables -D INPUT -j LOG --log-prefix v6: --log-level alert
ip6tables -C INPUT -j LOG --log-prefix v6: --log-level alert
ip6tables -S INPUT

=== v6 target HL set
ip6tables -t mangle -A PREROUTING -j HL --hl-set 64
ip6tables -t mangle -L PREROUTING -n
ip6tables -t mangle -L PREROUTING
ip6tables -t mangle -L PREROUTING -v
ip6tables -t mangle -S PREROUTING
ip6tables -t mangle -C PREROUTING -j HL --hl-set 64
ip6tables -t mangle -D PREROUTING -j HL --hl-set 64
ip6tables -t mangle -C PREROUTING -j HL --hl-set 64
ip6tables -t mangle -S PREROUTING

=== v6 target HL inc
ip6tables -t mangle -A FORWARD -j HL --hl-inc 1
ip6tables -t mangle -L FORWARD -n
ip6tables -t mangle -L FORWARD
ip6tables -t mangle -L FORWARD -v
ip6tables -t mangle -S FORWARD
ip6tables -t mangle -C FORWARD -j HL --hl-inc 1
ip6tables -t mangle -D FORWARD -j HL --hl-inc 1
ip6tables -t mangle -C FORWARD -j HL --hl-inc 1
ip6tables -t mangle -S FORWARD

=== v6 target DNAT
ip6tables -t nat -A PREROUTING -p tcp --dport 80 -j DNAT --to-destination [2001:db8::1]:8080
ip6tables -t nat -L PREROUTING -n
ip6tables -t nat -L PREROUTING
ip6tables -t nat -L PREROUTING -v
ip6tables -t nat -S PREROUTING
ip6tables -t nat -C PREROUTING -p tcp --dport 80 -j DNAT --to-destination [2001:db8::1]:8080
ip6tables -t nat -D PREROUTING -p tcp --dport 80 -j DNAT --to-destination [2001:db8::1]:8080
ip6tables -t nat -C PREROUTING -p tcp --dport 80 -j DNAT --to-destination [2001:db8::1]:8080
ip6tables -t nat -S PREROUTING

=== v6 target SNAT
ip6tables -t nat -A POSTROUTING -o eth0 -j SNAT --to-source 2001:db8::2
ip6tables -t nat -L POSTROUTING -n
ip6tables -t nat -L POSTROUTING
ip6tables -t nat -L POSTROUTING -v
ip6tables -t nat -S POSTROUTING
ip6tables -t nat -C POSTROUTING -o eth0 -j SNAT --to-source 2001:db8::2
ip6tables -t nat -D POSTROUTING -o eth0 -j SNAT --to-source 2001:db8::2
ip6tables -t nat -C POSTROUTING -o eth0 -j SNAT --to-source 2001:db8::2
ip6tables -t nat -S POSTROUTING

=== v6 target MASQUERADE
ip6tables -t nat -A POSTROUTING -o eth0 -j MASQUERADE
ip6tables -t nat -L POSTROUTING -n
ip6tables -t nat -L POSTROUTING
ip6tables -t nat -L POSTROUTING -v
ip6tables -t nat -S POSTROUTING
ip6tables -t nat -C POSTROUTING -o eth0 -j MASQUERADE
ip6tables -t nat -D POSTROUTING -o eth0 -j MASQUERADE
ip6tables -t nat -C POSTROUTING -o eth0 -j MASQUERADE
ip6tables -t nat -S POSTROUTING

=== v6 target REDIRECT
ip6tables -t nat -A PREROUTING -p tcp -j REDIRECT --to-ports 8080
ip6tables -t nat -L PREROUTING -n
ip6tables -t nat -L PREROUTING
ip6tables -t nat -L PREROUTING -v
ip6tables -t nat -S PREROUTING
ip6tables -t nat -C PREROUTING -p tcp -j REDIRECT --to-ports 8080
ip6tables -t nat -D PREROUTING -p tcp -j REDIRECT --to-ports 8080
ip6tables -t nat -C PREROUTING -p tcp -j REDIRECT --to-ports 8080
ip6tables -t nat -S PREROUTING

=== v6 target NETMAP
ip6tables -t nat -A PREROUTING -d 2001:db8:1::/64 -j NETMAP --to 2001:db8:2::/64
ip6tables -t nat -L PREROUTING -n
ip6tables -t nat -L PREROUTING
ip6tables -t nat -L PREROUTING -v
ip6tables -t nat -S PREROUTING
ip6tables -t nat -C PREROUTING -d 2001:db8:1::/64 -j NETMAP --to 2001:db8:2::/64
ip6tables -t nat -D PREROUTING -d 2001:db8:1::/64 -j NETMAP --to 2001:db8:2::/64
ip6tables -t nat -C PREROUTING -d 2001:db8:1::/64 -j NETMAP --to 2001:db8:2::/64
ip6tables -t nat -S PREROUTING

=== v6 target SNPT
ip6tables -t mangle -A POSTROUTING -s fd00::/64 -j SNPT --src-pfx fd00::/64 --dst-pfx 2001:db8::/64
ip6tables -t mangle -L POSTROUTING -n
ip6tables -t mangle -L POSTROUTING
ip6tables -t mangle -L POSTROUTING -v
ip6tables -t mangle -S POSTROUTING
ip6tables -t mangle -C POSTROUTING -s fd00::/64 -j SNPT --src-pfx fd00::/64 --dst-pfx 2001:db8::/64
ip6tables -t mangle -D POSTROUTING -s fd00::/64 -j SNPT --src-pfx fd00::/64 --dst-pfx 2001:db8::/64
ip6tables -t mangle -C POSTROUTING -s fd00::/64 -j SNPT --src-pfx fd00::/64 --dst-pfx 2001:db8::/64
ip6tables -t mangle -S POSTROUTING

=== v6 target DNPT
ip6tables -t mangle -A PREROUTING -d 2001:db8::/64 -j DNPT --src-pfx 2001:db8::/64 --dst-pfx fd00::/64
ip6tables -t mangle -L PREROUTING -n
ip6tables -t mangle -L PREROUTING
ip6tables -t mangle -L PREROUTING -v
ip6tables -t mangle -S PREROUTING
ip6tables -t mangle -C PREROUTING -d 2001:db8::/64 -j DNPT --src-pfx 2001:db8::/64 --dst-pfx fd00::/64
ip6tables -t mangle -D PREROUTING -d 2001:db8::/64 -j DNPT --src-pfx 2001:db8::/64 --dst-pfx fd00::/64
ip6tables -t mangle -C PREROUTING -d 2001:db8::/64 -j DNPT --src-pfx 2001:db8::/64 --dst-pfx fd00::/64
ip6tables -t mangle -S PREROUTING

=== v6 target TEE
ip6tables -t mangle -A PREROUTING -j TEE --gateway 2001:db8::1
ip6tables -t mangle -L PREROUTING -n
ip6tables -t mangle -L PREROUTING
ip6tables -t mangle -L PREROUTING -v
ip6tables -t mangle -S PREROUTING
ip6tables -t mangle -C PREROUTING -j TEE --gateway 2001:db8::1
ip6tables -t mangle -D PREROUTING -j TEE --gateway 2001:db8::1
ip6tables -t mangle -C PREROUTING -j TEE --gateway 2001:db8::1
ip6tables -t mangle -S PREROUTING

=== v6 target CT
ip6tables -t raw -A PREROUTING -j CT --notrack
ip6tables -t raw -L PREROUTING -n
ip6tables -t raw -L PREROUTING
ip6tables -t raw -L PREROUTING -v
ip6tables -t raw -S PREROUTING
ip6tables -t raw -C PREROUTING -j CT --notrack
ip6tables -t raw -D PREROUTING -j CT --notrack
ip6tables -t raw -C PREROUTING -j CT --notrack
ip6tables -t raw -S PREROUTING

=== v6 target MARK
ip6tables -t mangle -A OUTPUT -j MARK --set-mark 0x7
ip6tables -t mangle -L OUTPUT -n
ip6tables -t mangle -L OUTPUT
ip6tables -t mangle -L OUTPUT -v
ip6tables -t mangle -S OUTPUT
ip6tables -t mangle -C OUTPUT -j MARK --set-mark 0x7
ip6tables -t mangle -D OUTPUT -j MARK --set-mark 0x7
ip6tables -t mangle -C OUTPUT -j MARK --set-mark 0x7
ip6tables -t mangle -S OUTPUT

=== v6 target TPROXY
ip6tables -t mangle -A PREROUTING -p udp -j TPROXY --on-port 53 --on-ip ::1
ip6tables -t mangle -L PREROUTING -n
ip6tables -t mangle -L PREROUTING
ip6tables -t mangle -L PREROUTING -v
ip6tables -t mangle -S PREROUTING
ip6tables -t mangle -C PREROUTING -p udp -j TPROXY --on-port 53 --on-ip ::1
ip6tables -t mangle -D PREROUTING -p udp -j TPROXY --on-port 53 --on-ip ::1
ip6tables -t mangle -C PREROUTING -p udp -j TPROXY --on-port 53 --on-ip ::1
ip6tables -t mangle -S PREROUTING

=== v6 target NFQUEUE
ip6tables -A INPUT -j NFQUEUE --queue-num 1
ip6tables -L INPUT -n
ip6tables -L INPUT
ip6tables -L INPUT -v
ip6tables -S INPUT
ip6tables -C INPUT -j NFQUEUE --queue-num 1
ip6tables -D INPUT -j NFQUEUE --queue-num 1
ip6tables -C INPUT -j NFQUEUE --queue-num 1
ip6tables -S INPUT

=== v6 target CONNSECMARK
ip6tables -t security -A INPUT -j CONNSECMARK --restore
ip6tables -t security -L INPUT -n
ip6tables -t security -L INPUT
ip6tables -t security -L INPUT -v
ip6tables -t security -S INPUT
ip6tables -t security -C INPUT -j CONNSECMARK --restore
ip6tables -t security -D INPUT -j CONNSECMARK --restore
ip6tables -t security -C INPUT -j CONNSECMARK --restore
ip6tables -t security -S INPUT

=== v6 target SYNPROXY
ip6tables -A INPUT -p tcp -m conntrack --ctstate UNTRACKED -j SYNPROXY --mss 1440
ip6tables -L INPUT -n
ip6tables -L INPUT
ip6tables -L INPUT -v
ip6tables -S INPUT
ip6tables -C INPUT -p tcp -m conntrack --ctstate UNTRACKED -j SYNPROXY --mss 1440
ip6tables -D INPUT -p tcp -m conntrack --ctstate UNTRACKED -j SYNPROXY --mss 1440
ip6tables -C INPUT -p tcp -m conntrack --ctstate UNTRACKED -j SYNPROXY --mss 1440
ip6tables -S INPUT
