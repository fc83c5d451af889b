#!/bin/bash
# Tests completions/ipt.bash: sources it and calls the completion function
# the way bash does (COMP_WORDS, COMP_CWORD, COMP_LINE, COMP_POINT) inside a
# private network namespace whose chains were made with the ipt binary, and
# checks the words offered. Needs root (unshare -n). See lib.sh.
set -u

# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
completion_setup "$0" "$@"

# shellcheck source-path=SCRIPTDIR/../.. source=completions/ipt.bash
. "$completion_top/completions/ipt.bash"

# comp_at N WORD...: complete word N (counting from 0; "" is a new word)
# of the command line made of the WORDs, split the way bash splits it (so
# "--table=nat" is given as --table = nat), with the cursor at its end.
# Prints the offered words, one per line.
comp_at()
{
    local COMP_CWORD=$1
    shift
    local COMP_WORDS=("$@") COMP_LINE COMP_POINT i
    local -a COMPREPLY=()
    COMP_LINE="$*"
    COMP_POINT=0
    for ((i = 0; i <= COMP_CWORD; i++)); do
        COMP_POINT=$((COMP_POINT + ${#COMP_WORDS[i]} + (i > 0)))
    done
    _ipt "$1" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
    ((${#COMPREPLY[@]} == 0)) || printf '%s\n' "${COMPREPLY[@]}"
}

# comp WORD...: complete the last WORD.
comp()
{
    comp_at $(($# - 1)) "$@"
}

tables='filter nat mangle raw security'
# shellcheck disable=SC2016
user='web ssh_in c$HOME'

# --- registration
registered=$(complete -p 2>/dev/null)
missing=''
for n in "${completion_names[@]}"; do
    grep -qE -e "-F _ipt $n\$" <<<"$registered" || missing+=" $n"
done
if [ -z "$missing" ]; then
    pass "complete -F _ipt is registered for every invocation name"
else
    fail "complete -F _ipt is registered for every invocation name" "not for$missing"
fi

# --- chains, read live with ipt -t TABLE -S
check "ipt -A offers the filter chains" \
    "INPUT FORWARD OUTPUT $user" "natchain v6only PREROUTING" "$(comp ipt -A '')"
check "ipt -t nat -A offers the nat chains" \
    "PREROUTING INPUT OUTPUT POSTROUTING natchain" "FORWARD web" \
    "$(comp ipt -t nat -A '')"
check "ipt --table=nat -I (split at =) offers the nat chains" \
    "PREROUTING natchain" "web" "$(comp ipt --table = nat -I '')"
check "ipt -tnat -D offers the nat chains" \
    "POSTROUTING natchain" "web" "$(comp ipt -tnat -D '')"
check "a -t later on the line counts too (ipt -R ... -t nat)" \
    "natchain" "web" "$(comp_at 2 ipt -R '' -t nat)"
check "ipt -nvL offers chains" "INPUT $user" "" "$(comp ipt -nvL '')"
check "ipt -S, -F, -Z, -C offer chains" "INPUT web" "" \
    "$(comp ipt -S ''; comp ipt -F ''; comp ipt -Z ''; comp ipt -C '')"
check "ipt -X and -E offer only user-defined chains" "$user" "INPUT OUTPUT" \
    "$(comp ipt -X ''; comp ipt -E '')"
check "ipt -P offers only built-in chains" "INPUT FORWARD OUTPUT" "web" \
    "$(comp ipt -P '')"
check_exact "ipt -P INPUT offers the policies" "ACCEPT DROP" \
    "$(comp ipt -P INPUT '')"
check_exact "ipt -E web offers nothing (a new name)" "" "$(comp ipt -E web '')"
check_exact "ipt -N offers nothing (a new name)" "" "$(comp ipt -N '')"
# shellcheck disable=SC2016
check_exact 'a chain named c$HOME is offered as it is, not expanded' \
    'c$HOME' "$(comp ipt -X c)"
check "ip6t -A reads the IPv6 chains" "INPUT v6only" "web" "$(comp ip6t -A '')"
check "ip6tables-legacy -A reads the IPv6 chains" "v6only" "web" \
    "$(comp ip6tables-legacy -A '')"
check "iptables -A and iptables-legacy -A read the IPv4 chains" "web" "v6only" \
    "$(comp iptables -A ''; comp iptables-legacy -A '')"
check_exact "ipt -A INPUT -j w offers the user chain" "web" \
    "$(comp ipt -A INPUT -j w)"

# --- targets and matches
check "ipt -A INPUT -j offers built-in targets, user chains, extensions" \
    "ACCEPT DROP RETURN QUEUE $user LOG REJECT MASQUERADE" \
    "INPUT natchain standard NAT conntrack" "$(comp ipt -A INPUT -j '')"
check "ipt -t nat -A POSTROUTING -j offers the nat user chain" \
    "natchain SNAT ACCEPT" "web" "$(comp ipt -t nat -A POSTROUTING -j '')"
check_exact "ipt -A INPUT -g offers only user chains" "$user" \
    "$(comp ipt -A INPUT -g '')"
check "ipt -A INPUT -m offers matches" "conntrack comment tcp multiport icmp" \
    "LOG REJECT icmp6 standard" "$(comp ipt -A INPUT -m '')"
check "ip6t -A INPUT -m offers the IPv6 matches" "conntrack icmp6 frag" \
    "icmp LOG" "$(comp ip6t -A INPUT -m '')"
check "ip6t -A INPUT -j offers the IPv6 targets" "REJECT LOG v6only" \
    "CLUSTERIP web" "$(comp ip6t -A INPUT -j '')"

# --- extension options from the extension's own help
check "ipt -m conntrack --ct offers --ctstate" "--ctstate --ctstatus --ctdir" \
    "--dport" "$(comp ipt -A INPUT -m conntrack --ct)"
check "ipt -p tcp --d offers --dport (implicit tcp match)" \
    "--dport --destination-port --destination" "--ctstate" \
    "$(comp ipt -A INPUT -p tcp --d)"
check "ipt -j REJECT -- offers --reject-with" "--reject-with --append" "" \
    "$(comp ipt -A INPUT -j REJECT --)"
check "ipt -m comment -j LOG --log offers LOG's options" \
    "--log-prefix --log-level" "" \
    "$(comp ipt -A INPUT -m comment --comment x -j LOG --log)"
check_exact "after an extension option its value is not guessed" "" \
    "$(comp ipt -A INPUT -m comment --comment '')"
check "ipt: the options of command 1 are not carried to command 2" \
    "--delete --destination" "--dport" \
    "$(comp ipt -A INPUT -p tcp --dport 22 -j ACCEPT -A web --d)"
check "ipt: the second command's own -p udp counts" "--dport" "" \
    "$(comp ipt -A INPUT -j ACCEPT -A web -p udp --dp)"
check "iptables: options before the command count (-p tcp -A INPUT --dp)" \
    "--dport" "" "$(comp iptables -p tcp -A INPUT --dp)"

# --- values of extension options that can be listed
check "ipt -m conntrack --ctstate offers the states" "NEW ESTABLISHED RELATED INVALID" \
    "" "$(comp ipt -A INPUT -m conntrack --ctstate '')"
check_exact "ipt --ctstate NEW,E offers NEW,ESTABLISHED" "NEW,ESTABLISHED" \
    "$(comp ipt -A INPUT -m conntrack --ctstate NEW,E)"
check "ipt -m state --state offers the states" "NEW ESTABLISHED" "" \
    "$(comp ipt -A INPUT -m state --state '')"
check "ipt -j REJECT --reject-with offers the reject types" \
    "icmp-port-unreachable tcp-reset icmp-admin-prohibited" "icmp6-no-route" \
    "$(comp ipt -A INPUT -p tcp -j REJECT --reject-with '')"
check "ip6t -j REJECT --reject-with offers the IPv6 reject types" \
    "icmp6-no-route tcp-reset" "icmp-net-unreachable" \
    "$(comp ip6t -A INPUT -p tcp -j REJECT --reject-with '')"
check "ipt -p icmp --icmp-type offers the ICMP type names" \
    "echo-request echo-reply port-unreachable" "" \
    "$(comp ipt -A INPUT -p icmp --icmp-type '')"
check "ip6t -p icmpv6 --icmpv6-type offers the ICMPv6 type names" \
    "echo-request neighbour-solicitation" "" \
    "$(comp ip6t -A INPUT -p icmpv6 --icmpv6-type '')"
check_exact "ipt -j LOG --log-level offers the levels" \
    "emerg alert crit error warning notice info debug" \
    "$(comp ipt -A INPUT -j LOG --log-level '')"
if [ -r /etc/services ]; then
    check "ipt -p tcp --dport offers service names" "ssh" "" \
        "$(comp ipt -A INPUT -p tcp --dport s)"
    check "ipt -m multiport --dports 80,s offers 80,ssh" "80,ssh" "" \
        "$(comp ipt -A INPUT -p tcp -m multiport --dports 80,s)"
fi

# --- chains created earlier on the same ipt command line
check "ipt -N web2 -A offers web2" "web2 INPUT" "" \
    "$(comp ipt -N web2 -A '')"
check "ipt -N web2 -A INPUT -j offers web2" "web2 ACCEPT" "" \
    "$(comp ipt -N web2 -A INPUT -j '')"
check "ipt -E web www -X offers www" "www" "" "$(comp ipt -E web www -X '')"

# --- values of the generic options
check_exact "ipt -t offers the 5 tables" "$tables" "$(comp ipt -t '')"
check_exact "ipt --table=n offers nat" "nat" "$(comp ipt --table = n)"
check "ipt -p offers protocols" "all tcp udp icmp sctp" "icmpv6" \
    "$(comp ipt -A INPUT -p '')"
check "ip6t -p offers IPv6 protocols" "tcp icmpv6 ipv6-icmp" "" \
    "$(comp ip6t -A INPUT -p '')"
check "ipt -i / -o offer interfaces" "lo" "" \
    "$(comp ipt -A INPUT -i ''; comp ipt -A OUTPUT -o '')"

# --- generic options
check "ipt - offers commands and options" \
    "-A --append -L --list-rules -t --table --line-numbers -w -W -f" "" \
    "$(comp ipt -)"
check "ip6t -- offers no --fragment" "--append" "--fragment" "$(comp ip6t --)"
check_exact "ipt --lin offers --line-numbers" "--line-numbers" "$(comp ipt --lin)"
# Every long option of ipt's option table is offered, and its help lists
# them all (the table drives both).
helpopts=$(ipt --completion-helper | awk '$1 ~ /^--/ { print $1 }' | tr '\n' ' ')
check "ipt -- offers every long option of the table ($(wc -w <<<"$helpopts"))" \
    "$helpopts" "" "$(comp ipt --)"
check "ipt -h lists every option of the table but the other spellings" \
    "$(ipt --completion-helper |
        awk '$1 !~ /^--(new|fragment|src|dst)$/ { print $1 }')" "" \
    "$(ipt -h | grep -oE -e '(^| )--?[A-Za-z0-9][a-z0-9-]*' | tr -d ' ')"

# --- save, restore, xml
check_exact "ipt-save - offers its options" \
    "-c --counters -t --table -M --modprobe -f --file --json -V --version -h --help" \
    "$(comp ipt-save -)"
check "iptables-save - offers no -h (legacy refuses it)" "-c -t -f" "-h --help" \
    "$(comp iptables-save -)"
check "iptables-save, iptables, iptables-restore offer no --json (ipt's own)" \
    "--counters --list" "--json" \
    "$(comp iptables-save --; comp iptables --; comp iptables-restore --)"
check_exact "ipt --js offers --json" "--json" "$(comp ipt --js)"
check_exact "ip6t-restore --js offers --json" "--json" "$(comp ip6t-restore --js)"
check_exact "ipt-save -t offers the tables" "$tables" "$(comp ipt-save -t '')"
check_exact "ip6tables-legacy-save --table offers the tables" "$tables" \
    "$(comp ip6tables-legacy-save --table '')"
check_exact "ipt-restore -T offers the tables" "$tables" \
    "$(comp ipt-restore -T '')"
check "ipt-restore -- offers its options" \
    "--counters --noflush --test --table --json --verbose --version --wait --wait-interval --modprobe --help" \
    "--append" "$(comp ipt-restore --)"
touch "$completion_tmp/rules.v4" "$completion_tmp/rules.v6"
check_exact "ipt-restore completes files" \
    "$completion_tmp/rules.v4 $completion_tmp/rules.v6" \
    "$(comp iptables-restore -n "$completion_tmp/rul")"
check_exact "ipt-save -f completes files" "$completion_tmp/rules.v4" \
    "$(comp ipt-save -f "$completion_tmp/rules.v4")"
check_exact "ipt-xml - offers its options" \
    "-c --combine -v --verbose -h --help" "$(comp ipt-xml -)"

# --- a held xtables lock: the live read gives up after 1 s, and the
# built-in chains are still offered
if command -v flock >/dev/null; then
    flock "$XTABLES_LOCKFILE" sleep 10 &
    holder=$!
    sleep 0.3
    start=$SECONDS
    offered=$(comp ipt -A '')
    took=$((SECONDS - start))
    kill "$holder" 2>/dev/null
    wait "$holder" 2>/dev/null
    check "with the xtables lock held, ipt -A still offers the built-in chains" \
        "INPUT FORWARD OUTPUT" "" "$offered"
    if [ "$took" -le 3 ]; then
        pass "with the xtables lock held, completion returns in ${took}s"
    else
        fail "with the xtables lock held, completion returns in ${took}s" "took over 3s"
    fi
fi

# --- the analysis subcommands (ipt lint, ipt trace)
check "ipt offers the subcommands lint and trace" "lint trace" "" \
    "$(comp ipt '')"
check "ipt --nft offers them after the backend option" "lint trace" "" \
    "$(comp ipt --nft '')"
check "iptables does not offer them" "" "lint trace" "$(comp iptables '')"
check_exact "ipt lint - offers lint's options" "-4 -6 --json -h --help" \
    "$(comp ipt lint -)"
check "ipt trace - offers the packet and path options" \
    "-p -s -d --dport -i --input --forward --output --assume-match --json" \
    "-A -L" "$(comp ipt trace -)"
check "ipt trace -p offers protocols" "tcp udp icmp" "" \
    "$(comp ipt trace -p '')"
check_exact "ipt trace --ctstate offers the states" \
    "NEW ESTABLISHED RELATED INVALID UNTRACKED" "$(comp ipt trace --ctstate '')"
check "ipt trace -i offers interfaces" "lo" "" "$(comp ipt trace -i '')"
check "ipt offers the subcommand apply" "apply" "" "$(comp ipt '')"
check_exact "ipt apply - offers apply's options, from ipt's table" \
    "-4 --ipv4 -6 --ipv6 --confirm --check -h --help" "$(comp ipt apply -)"
check "ipt --nft apply -4 completes files" "$completion_tmp/rules.v4" "-A" \
    "$(comp ipt --nft apply -4 "$completion_tmp/rul")"

# --- dry runs and ipt diff (ipt's own names only)
check "ipt -- offers --dry-run" "--dry-run --append" "" "$(comp ipt --)"
check "iptables -- does not offer --dry-run" "--append" "--dry-run" \
    "$(comp iptables --)"
check "ipt-restore -- offers --dry-run" "--dry-run --noflush" "" \
    "$(comp ipt-restore --)"
check "iptables-restore -- does not offer --dry-run" "--noflush" "--dry-run" \
    "$(comp iptables-restore --)"
check "ipt offers the subcommand diff" "diff lint trace" "" "$(comp ipt '')"
check "iptables does not offer diff" "" "diff" "$(comp iptables '')"
check_exact "ipt diff - offers diff's options" "-4 -6 -c --counters -h --help" \
    "$(comp ipt diff -)"
check_exact "ipt diff completes files" \
    "$completion_tmp/rules.v4 $completion_tmp/rules.v6" \
    "$(comp ipt diff "$completion_tmp/rul")"

completion_finish
