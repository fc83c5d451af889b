#!/bin/bash
# Tests completions/_ipt: an interactive zsh on a pseudo terminal
# (zcomplete.zsh, zsh/zpty) loads it through compinit and completes typed
# lines as a user's TAB would, inside a private network namespace whose
# chains were made with the ipt binary; the matches compsys offers are
# checked. Needs root (unshare -n) and zsh. See lib.sh.
set -u

# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
command -v zsh >/dev/null || skip "zsh not installed"
zsh -f -c 'zmodload zsh/zpty' 2>/dev/null || skip "zsh has no zsh/zpty module"
completion_setup "$0" "$@"

tables='filter nat mangle raw security'
user='web ssh_in'
touch "$completion_tmp/rules.v4" "$completion_tmp/rules.v6"

# Each case: kind (has: EXPECTED all offered, UNEXPECTED none; exact:
# exactly EXPECTED), description, typed line, EXPECTED, UNEXPECTED.
cases=()
add()
{
    cases+=("$1" "$2" "$3" "$4" "${5-}")
}

add has "ipt -A offers the filter chains" \
    "ipt -A " "INPUT FORWARD OUTPUT $user" "natchain v6only PREROUTING"
add has "ipt -t nat -A offers the nat chains" \
    "ipt -t nat -A " "PREROUTING INPUT OUTPUT POSTROUTING natchain" "FORWARD web"
add has "ipt --table=nat -I offers the nat chains" \
    "ipt --table=nat -I " "PREROUTING natchain" "web"
add has "ipt -nvL offers chains" "ipt -nvL " "INPUT $user" ""
# compadd quotes what it inserts: the chain c$HOME is offered as c\$HOME.
add exact "ipt -X offers only user-defined chains, quoted" "ipt -X " \
    "$user c\\\$HOME" ""
add exact "ipt -P offers only built-in chains" "ipt -P " "INPUT FORWARD OUTPUT" ""
add exact "ipt -P INPUT offers the policies" "ipt -P INPUT " "ACCEPT DROP" ""
add has "ip6t -A reads the IPv6 chains" "ip6t -A " "INPUT v6only" "web"
add has "iptables-legacy -A reads the IPv4 chains" \
    "iptables-legacy -A " "web" "v6only"
add has "ipt -A INPUT -j offers targets, user chains, extensions" \
    "ipt -A INPUT -j " "ACCEPT DROP RETURN QUEUE $user LOG REJECT" \
    "INPUT standard NAT conntrack"
add exact "ipt -A INPUT -g offers only user chains" \
    "ipt -A INPUT -g " "$user c\\\$HOME" ""
add has "ipt -A INPUT -m offers matches" \
    "ipt -A INPUT -m " "conntrack comment tcp icmp" "LOG icmp6"
add has "ip6t -A INPUT -m offers the IPv6 matches" \
    "ip6t -A INPUT -m " "conntrack icmp6" "icmp"
add has "ipt -m conntrack --ct offers --ctstate" \
    "ipt -A INPUT -m conntrack --ct" "--ctstate --ctdir" ""
add has "ipt -p tcp --d offers --dport" \
    "ipt -A INPUT -p tcp --d" "--dport --destination" "--ctstate"
add has "ipt -j REJECT --re offers --reject-with" \
    "ipt -A INPUT -j REJECT --re" "--reject-with" ""
add has "ipt: command 2 does not inherit command 1's -p tcp" \
    "ipt -A INPUT -p tcp --dport 22 -A web --d" "--destination" "--dport"
add has "ipt --ctstate offers the states" \
    "ipt -A INPUT -m conntrack --ctstate " "NEW ESTABLISHED RELATED" ""
add has "ipt --ctstate NEW,E offers ESTABLISHED after the comma" \
    "ipt -A INPUT -m conntrack --ctstate NEW,E" "ESTABLISHED" "NEW"
add has "ipt --reject-with offers the reject types" \
    "ipt -A INPUT -p tcp -j REJECT --reject-with " "tcp-reset icmp-port-unreachable" ""
add has "ipt --icmp-type offers the ICMP types" \
    "ipt -A INPUT -p icmp --icmp-type " "echo-request echo-reply" ""
add has "ip6t --icmpv6-type offers the ICMPv6 types" \
    "ip6t -A INPUT -p icmpv6 --icmpv6-type " "echo-request" ""
add exact "ipt --log-level offers the levels" "ipt -A INPUT -j LOG --log-level " \
    "alert crit debug emerg error info notice warning" ""
add has "ipt -N web2 -A offers web2" "ipt -N web2 -A " "web2 INPUT" ""
add exact "ipt -t offers the 5 tables" "ipt -t " "$tables" ""
add has "ipt -A INPUT -p offers protocols" \
    "ipt -A INPUT -p " "all tcp udp icmp" "icmpv6"
add has "ipt -A INPUT -i offers interfaces" "ipt -A INPUT -i " "lo" ""
add has "ipt - offers commands and options" \
    "ipt -" "-A --append --list-rules --table --line-numbers --fragment" ""
add has "ip6t -- offers no --fragment" "ip6t --" "--append" "--fragment"
add exact "ipt-save - offers its options" "ipt-save -" \
    "-c --counters -t --table -M --modprobe -f --file --json -V --version -h --help" ""
add has "ipt --js offers --json" "ipt --js" "--json" ""
add has "iptables -- offers no --json" "iptables --" "--list" "--json"
add has "iptables-save - offers no -h" "iptables-save -" "-c --table" "-h --help"
add exact "ipt-restore -T offers the tables" "ipt-restore -T " "$tables" ""
add has "ipt-restore -- offers its options" "ipt-restore --" \
    "--noflush --counters --test --table --wait --json" "--append"
add exact "ipt-restore completes files" "ipt-restore $completion_tmp/rul" \
    "rules.v4 rules.v6" ""
add exact "ipt-xml - offers its options" "ipt-xml -" \
    "-c --combine -v --verbose -h --help" ""
add has "ipt offers the subcommands lint and trace" "ipt " "lint trace" ""
add exact "ipt lint - offers lint's options" "ipt lint -" \
    "-4 -6 --json -h --help" ""
add exact "ipt trace --ctstate offers the states" "ipt trace --ctstate " \
    "NEW ESTABLISHED RELATED INVALID UNTRACKED" ""
add has "ipt --nft trace - offers the path options" "ipt --nft trace -" \
    "--input --forward --output --assume-match" "-A"
add has "ipt -- offers --dry-run" "ipt --" "--dry-run --append" ""
add has "iptables -- does not offer --dry-run" "iptables --" "--append" "--dry-run"
add has "ipt-restore -- offers --dry-run" "ipt-restore --" "--dry-run --noflush" ""
add has "iptables-restore -- does not offer --dry-run" "iptables-restore --" \
    "--noflush" "--dry-run"
add has "ipt offers the subcommand diff" "ipt " "apply diff lint trace" ""
add exact "ipt diff - offers diff's options" "ipt diff -" \
    "-4 -6 -c --counters -h --help" ""
add has "ipt offers the subcommand apply" "ipt " "apply" ""
add exact "ipt apply - offers apply's options, from ipt's table" "ipt apply -" \
    "-4 --ipv4 -6 --ipv6 --confirm --check -h --help" ""
add exact "ipt apply -6 completes files" "ipt apply -6 $completion_tmp/rul" \
    "rules.v4 rules.v6" ""

lines=()
for ((i = 0; i < ${#cases[@]}; i += 5)); do
    lines+=("${cases[i + 2]}")
done
out=$completion_tmp/zsh-out
mkdir "$out"
timeout 120 zsh -f "$completion_here/zcomplete.zsh" \
    "$completion_top/completions" "$out" "${lines[@]}"
rc=$?
if [ "$rc" -ne 0 ]; then
    fail "zcomplete.zsh completed every line" "exit status $rc"
fi

for ((i = 0; i < ${#cases[@]}; i += 5)); do
    f=$out/$((i / 5 + 1))
    offered=$(sort -u "$f" 2>/dev/null)
    if [ "${cases[i]}" = exact ]; then
        check_exact "${cases[i + 1]}" "${cases[i + 3]}" "$offered"
    else
        check "${cases[i + 1]}" "${cases[i + 3]}" "${cases[i + 4]}" "$offered"
    fi
done

completion_finish
