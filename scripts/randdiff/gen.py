#!/usr/bin/env python3
"""Random iptables command sequences and restore files for
scripts/randdiff.sh: seeded, so a seed that shows a difference can be
rerun. Usage: gen.py cmds|restore 4|6 SEED"""
import random
import sys

kind, fam, seed = sys.argv[1], sys.argv[2], int(sys.argv[3])
random.seed(seed)
v6 = fam == "6"
cmd = "ip6tables" if v6 else "iptables"
chains = ["INPUT", "FORWARD", "OUTPUT", "X", "Y", "PREROUTING", "Z"]
tables = ["filter", "filter", "filter", "nat", "mangle", "raw"]
if v6:
    addrs = ["2001:db8::1", "fe80::/10", "!", "2001:db8::/64", "::1,::2",
             "1.2.3.4", "host.invalid"]
    other, neg = "::8", "! -s ::9"
    icmp = "-p icmpv6 --icmpv6-type echo-request"
    frag = "-m frag --fragid 5"
    dnat = "-j DNAT --to-destination [::1]:80"
else:
    addrs = ["1.2.3.4", "10.0.0.0/8", "!", "192.168.1.0/24",
             "1.2.3.4,5.6.7.8", "::1", "host.invalid"]
    other, neg = "8.8.8.8", "! -s 9.9.9.9"
    icmp = "-p icmp --icmp-type echo-request"
    frag = "-f"
    dnat = "-j DNAT --to-destination 1.1.1.1"
matches = ["-p tcp --dport 22", "-p udp --sport 53",
           "-p tcp -m multiport --dports 80,443",
           "-m conntrack --ctstate ESTABLISHED,RELATED",
           '-m comment --comment "hi there"', "-i eth0", "-o lo+",
           "! -i eth1", icmp, "-m limit --limit 5/min",
           "-m mark --mark 0x1/0xff", "-p tcp --tcp-flags SYN,ACK SYN",
           "-m state --state NEW", frag, "-p tcp ! --syn",
           "-m length --length 100:200", ""]
targets = ["-j ACCEPT", "-j DROP", "-j RETURN", "-j X", "-g Y",
           '-j LOG --log-prefix "p "', "-j REJECT", "-j MARK --set-mark 3",
           dnat, "-j MASQUERADE", "-j NOPE", ""]


def rule():
    parts = []
    if random.random() < 0.4:
        a = random.choice(addrs)
        parts.append(neg if a == "!" else "-s " + a)
    if random.random() < 0.3:
        parts.append("-d " + random.choice(addrs).replace("!", other))
    parts += [random.choice(matches), random.choice(targets)]
    return " ".join(p for p in parts if p)


def commands():
    out = [f"{cmd} -N X", f"{cmd} -N Y", f"{cmd} -t nat -N X",
           f"{cmd} -t mangle -N Z"]
    for _ in range(random.randint(4, 12)):
        t, c = random.choice(tables), random.choice(chains)
        tt = "" if t == "filter" else f"-t {t} "
        v = random.choice(["", "", "", "-v ", "-n ", "-v -n ",
                           "-x -v -n --line-numbers "])
        r = random.random()
        n = random.randint(1, 3)
        if r < 0.3:
            out.append(f"{cmd} {tt}-A {c} {rule()}")
        elif r < 0.4:
            out.append(f"{cmd} {tt}-I {c} {n} {rule()}")
        elif r < 0.48:
            out.append(f"{cmd} {tt}-D {c} " +
                       random.choice([str(n), rule()]))
        elif r < 0.54:
            out.append(f"{cmd} {tt}-C {c} {rule()}")
        elif r < 0.6:
            out.append(f"{cmd} {tt}-R {c} {n} {rule()}")
        elif r < 0.66:
            out.append(f"{cmd} {tt}-N {c}")
        elif r < 0.7:
            out.append(f"{cmd} {tt}-X " + random.choice([c, ""]))
        elif r < 0.74:
            out.append(f"{cmd} {tt}-F " + random.choice([c, ""]))
        elif r < 0.78:
            out.append(f"{cmd} {tt}-P {c} " +
                       random.choice(["DROP", "ACCEPT", "RETURN"]))
        elif r < 0.82:
            out.append(f"{cmd} {tt}-E {c} {random.choice(chains)}")
        elif r < 0.86:
            out.append(f"{cmd} {tt}-Z " + random.choice([c, ""]))
        elif r < 0.93:
            out.append(f"{cmd} {tt}{v}-L " + random.choice([c, ""]))
        else:
            out.append(f"{cmd} {tt}-S " + random.choice([c, ""]))
    return out


def restore_file():
    weird = ["-A INPUT -p tcp --dport 22 -j ACCEPT  ",
             "-A INPUT -m comment --comment 'single quoted'",
             '-A INPUT -m comment --comment "esc \\" q"', "-A INPUT -s",
             "-A NOCHAIN -j ACCEPT", "[1:2] -A INPUT -j ACCEPT",
             "[x:2] -A INPUT -j ACCEPT", "-A INPUT -j ACCEPT -t nat",
             "# comment", "", "-N X", "-X X", "-F", "-Z", "-P INPUT DROP",
             ":Q - [0:0]", ":INPUT DROP [5:6]", ":BAD",
             "-I INPUT 99 -j DROP", "-A INPUT -p tcp --dport 22:21"]
    out = []
    for t in random.sample(["filter", "nat", "mangle", "raw"],
                           random.randint(1, 3)):
        out.append("*" + t)
        out += ([":INPUT ACCEPT [0:0]", ":FORWARD DROP [1:2]", ":X - [0:0]",
                 ":Y - [0:0]"] if t == "filter" else [":X - [0:0]"])
        for _ in range(random.randint(1, 10)):
            if random.random() < 0.25:
                out.append(random.choice(weird))
            else:
                c = random.choice(["INPUT", "FORWARD", "X", "Y", "OUTPUT",
                                   "PREROUTING"])
                out.append(f"-A {c} {rule()}")
        if random.random() < 0.93:
            out.append("COMMIT")
    return out


print("\n".join(commands() if kind == "cmds" else restore_file()))
