# bash completion for ipt and every name it answers to      -*- shell-script -*-
#
# ipt is one binary that acts as the tool it is invoked as (ipt, ip6t,
# iptables, ip6tables, the -save/-restore/-xml forms and the -legacy names).
# Chains are read live from the tool itself (`TOOL -t TABLE -S`), extension
# names from the xtables extension directory, and an extension's options from
# its own help text as libxtables prints it (`TOOL -m NAME -h`), so nothing
# here follows the extensions by hand, and the options of every name come
# from ipt's own option table (`ipt --completion-helper NAME`).
#
# Needs bash 4.2; works with or without the bash-completion package (it uses
# only complete, compgen, compopt and COMP_*). The helpers below append
# candidates to the array `words' of their caller, _ipt, which filters them
# by the word being completed at the end.

_ipt_tables=(filter nat mangle raw security)

# Built-in chains of table $1, for when the tool cannot be asked (not root,
# no kernel support): a table's fixed chains are still worth offering.
_ipt_builtin_chains()
{
    case $1 in
        nat) words+=(PREROUTING INPUT OUTPUT POSTROUTING) ;;
        mangle) words+=(PREROUTING INPUT FORWARD OUTPUT POSTROUTING) ;;
        raw) words+=(PREROUTING OUTPUT) ;;
        *) words+=(INPUT FORWARD OUTPUT) ;;
    esac
}

# _ipt_chains TOOL TABLE all|builtin|user: chain names of TABLE, from the
# -P (built-in) and -N (user-defined) lines of `TOOL -t TABLE -S`.
# -w 1: a held xtables lock must not hang the shell.
_ipt_chains()
{
    local tool=$1 table=$2 which=$3 out line
    out=$("$tool" -w 1 -t "$table" -S 2>/dev/null) || out=
    if [[ -z $out ]]; then
        [[ $which == user ]] || _ipt_builtin_chains "$table"
        return
    fi
    while read -r line; do
        case $line in
            "-P "*)
                line=${line#-P }
                [[ $which == user ]] || words+=("${line%% *}")
                ;;
            "-N "*) [[ $which == builtin ]] || words+=("${line#-N }") ;;
        esac
    done <<<"$out"
}

# _ipt_extensions 4|6 targets|matches: extension names, from libxt_NAME.so
# and the family's libipt_NAME.so or libip6t_NAME.so in the directories
# libxtables searches ($XTABLES_LIBDIR, else the usual locations). Upper
# case names are targets, lower case ones matches. "standard" is nothing
# one names, and libxt_NAT.so only carries SNAT/DNAT/MASQUERADE/REDIRECT.
_ipt_extensions()
{
    local fam=$1 kind=$2 d p f name
    local -a dirs prefixes=(libxt_ libipt_)
    [[ $fam == 6 ]] && prefixes=(libxt_ libip6t_)
    if [[ -n ${XTABLES_LIBDIR-} ]]; then
        IFS=: read -r -a dirs <<<"$XTABLES_LIBDIR"
    else
        dirs=(/usr/lib/*/xtables /usr/lib64/xtables /usr/lib/xtables
            /usr/local/lib/xtables /usr/local/lib/*/xtables)
    fi
    for d in "${dirs[@]}"; do
        for p in "${prefixes[@]}"; do
            for f in "$d/$p"*.so; do
                [[ -e $f ]] || continue
                name=${f##*/"$p"}
                name=${name%.so}
                case $name in standard | NAT) continue ;; esac
                if [[ $name == [[:upper:]]* ]]; then
                    [[ $kind == targets ]] && words+=("$name")
                else
                    [[ $kind == matches ]] && words+=("$name")
                fi
            done
        done
    done
}

# _ipt_ext_options TOOL ARGS...: the --options that the extension ARGS
# loads (-m NAME, -p PROTO or -j TARGET) adds to TOOL's help. With
# extensions loaded, -h prints the generic help and then each extension's
# section, so the section is what comes after the generic help's lines.
# Cached per shell: an extension's options do not change.
declare -gA _ipt_help_cache 2>/dev/null || true
_ipt_ext_options()
{
    local tool=$1
    shift
    local key="$tool $*" base opts
    if [[ -z ${_ipt_help_cache[$key]+set} ]]; then
        base=${_ipt_help_cache["$tool -h"]-}
        if [[ -z $base ]]; then
            base=$("$tool" -h 2>/dev/null | wc -l)
            _ipt_help_cache["$tool -h"]=$base
        fi
        _ipt_help_cache[$key]=$("$tool" "$@" -h 2>/dev/null |
            tail -n +"$((base + 1))" |
            grep -oE -e '--[[:alnum:]][[:alnum:]-]*[[:alnum:]]' | sort -u)
    fi
    read -r -d '' -a opts <<<"${_ipt_help_cache[$key]}"
    words+=("${opts[@]}")
}

_ipt_protocols()
{
    local p _
    if [[ $1 == 6 ]]; then
        words+=(all tcp udp udplite icmpv6 ipv6-icmp esp ah sctp mh)
    else
        words+=(all tcp udp udplite icmp esp ah sctp)
    fi
    [[ -r /etc/protocols ]] || return
    while read -r p _; do
        [[ -n $p && $p != \#* ]] && words+=("$p")
    done </etc/protocols
}

_ipt_interfaces()
{
    local f
    for f in /sys/class/net/*; do
        [[ -e $f ]] && words+=("${f##*/}")
    done
}

_ipt_files()
{
    compopt -o filenames 2>/dev/null
    mapfile -t -O "${#COMPREPLY[@]}" COMPREPLY < <(compgen -f -- "$cur")
}

# _ipt_load_spec TOOL NAME: the options of tool NAME, as ipt itself
# declares them (`ipt --completion-helper NAME' prints one line per option
# word: "WORD LETTER ARG CLASS"), so that this file keeps no list of its
# own. Fills the caller's `optwords' (every word), `optletter' (word ->
# letter), `optclass' (letter -> what its argument is) and `attach' (the
# letters whose argument may follow in the same word, as in -tnat). Any
# ipt binary can answer for every name: the tool itself under ipt's names,
# else the ipt beside it or in PATH. Cached per shell.
declare -gA _ipt_spec_cache 2>/dev/null || true
_ipt_load_spec()
{
    local tool=$1 name=$2 helper out w l a c
    if [[ -z ${_ipt_spec_cache[$name]+set} ]]; then
        helper=ipt
        [[ $tool != */* ]] || helper=${tool%/*}/ipt
        case $name in ipt | ip6t | ipt-* | ip6t-*) helper=$tool ;; esac
        out=$("$helper" --completion-helper "$name" 2>/dev/null)
        [[ -n $out || $helper == ipt ]] ||
            out=$(ipt --completion-helper "$name" 2>/dev/null)
        _ipt_spec_cache[$name]=$out
    fi
    optwords=() attach=''
    while read -r w l a c; do
        [[ -n $w ]] || continue
        optwords+=("$w")
        optletter[$w]=$l
        optclass[$l]=$c
        [[ $w == --* || $a != 1 ]] || attach+=$l
    done <<<"${_ipt_spec_cache[$name]}"
}

# _ipt_optletters WORD: set `letters' (caller's) to the options WORD gives,
# as letters, each followed by " ARG" when the argument is attached
# ("-tnat" -> "t nat", "--table=nat" -> "t nat", "-nvL" -> n v L).
# getopt_long also takes a unique prefix of a long name, e.g. --app.
_ipt_optletters()
{
    local w=$1 want e hit='' n=0 i c
    letters=()
    case $w in
        --?*)
            want=${w%%=*}
            if [[ -n ${optletter[$want]-} ]]; then
                hit=${optletter[$want]} n=1
            else
                for e in "${!optletter[@]}"; do
                    [[ $e == --* && $e == "$want"* ]] || continue
                    [[ $hit == "${optletter[$e]}" ]] && continue
                    hit=${optletter[$e]} n=$((n + 1))
                done
            fi
            ((n == 1)) || return
            if [[ $w == *=* ]]; then
                letters=("$hit ${w#*=}")
            else
                letters=("$hit")
            fi
            ;;
        -?*)
            for ((i = 1; i < ${#w}; i++)); do
                c=${w:i:1}
                if [[ $attach == *"$c"* ]]; then
                    if ((i + 1 < ${#w})); then
                        letters+=("$c ${w:i+1}")
                    else
                        letters+=("$c")
                    fi
                    return
                fi
                letters+=("$c")
            done
            ;;
    esac
}

# _ipt_pending WORD: set `pending' (caller's) to the letter of the option
# whose argument follows WORD ("-nvL" -> L, "--table" -> t), else empty.
_ipt_pending()
{
    local -a letters
    pending=''
    _ipt_optletters "$1"
    ((${#letters[@]})) || return
    pending=${letters[-1]}
    [[ ${#pending} == 1 ]] || pending=''
}

# _ipt_help_list TOOL ARGS... -- HEADING: the first word of each line after
# HEADING in TOOL ARGS -h (the names an extension's help lists, such as
# its ICMP types), cached per shell.
_ipt_help_list()
{
    local tool=$1 heading=${!#} key
    local -a args=("${@:2:$#-2}") list
    key="list $tool ${args[*]} $heading"
    if [[ -z ${_ipt_help_cache[$key]+set} ]]; then
        _ipt_help_cache[$key]=$("$tool" "${args[@]}" -h 2>/dev/null |
            sed -n "/^$heading/,\$p" | sed 1d |
            awk 'NF { print $1 }' | sort -u)
    fi
    read -r -d '' -a list <<<"${_ipt_help_cache[$key]}"
    words+=("${list[@]/#/$pre}")
}

# _ipt_values TOOL FAM OPTION: the values of an extension's OPTION that
# can be listed, with the words before a comma kept (--ctstate NEW,EST).
# Returns 1 when OPTION's values are not known.
_ipt_values()
{
    local tool=$1 fam=$2 pre='' name port _
    local -a v=()
    [[ $cur != *,* ]] || pre=${cur%,*},
    case $3 in
        --ctstate | --state)
            v=(INVALID NEW ESTABLISHED RELATED UNTRACKED SNAT DNAT) ;;
        --log-level)
            v=(emerg alert crit error warning notice info debug) ;;
        --reject-with)
            _ipt_help_list "$tool" -j REJECT 'Valid reject types:'
            return 0 ;;
        --icmp-type)
            _ipt_help_list "$tool" -p icmp 'Valid ICMP Types:'
            return 0 ;;
        --icmpv6-type)
            _ipt_help_list "$tool" -p icmpv6 'Valid ICMPv6 Types:'
            return 0 ;;
        --dport | --sport | --destination-port | --source-port | \
            --dports | --sports | --destination-ports | --source-ports | \
            --ports)
            [[ -r /etc/services ]] || return 0
            while read -r name port _; do
                [[ -n $name && $name != \#* && $port == */* ]] &&
                    v+=("$name")
            done </etc/services
            ;;
        *) return 1 ;;
    esac
    words+=("${v[@]/#/$pre}")
}

_ipt_main()
{
    local tool=$1 fam=$2 own=$3 name=$4
    local i w l arg table=filter seg=1 ncmd=0 pending prev2 attach
    local -a letters matches=() protos=() targets=() newchains=() optwords
    local -A optletter=() optclass=()
    _ipt_load_spec "$tool" "$name"

    # ipt takes -t anywhere on the line, and so does iptables (getopt
    # permutes): look at every word but the one being completed.
    for ((i = 1; i < ${#COMP_WORDS[@]}; i++)); do
        ((i == COMP_CWORD)) && continue
        _ipt_optletters "${COMP_WORDS[i]}"
        for l in "${letters[@]}"; do
            case ${l:0:1} in
                t)
                    arg=${l:2}
                    [[ -n $arg ]] || arg=${COMP_WORDS[i + 1]-}
                    [[ $arg != "=" ]] || arg=${COMP_WORDS[i + 2]-}
                    [[ -z $arg || $arg == -* ]] || table=$arg
                    ;;
                [ACDIRLSFZNXPE])
                    # ipt: each command flag starts a command with its own
                    # options; those before the first belong to the first.
                    if ((i < COMP_CWORD)); then
                        ncmd=$((ncmd + 1))
                        ((own && ncmd > 1)) && seg=$i
                    fi
                    # chains made earlier on the line (ipt -N web -A web)
                    arg=${l:2}
                    [[ -n $arg ]] || arg=${COMP_WORDS[i + 1]-}
                    if [[ ${l:0:1} == N && $arg != -* ]]; then
                        newchains+=("$arg")
                    elif [[ ${l:0:1} == E && -z ${l:2} ]] &&
                        ((i + 2 < COMP_CWORD)); then
                        newchains+=("${COMP_WORDS[i + 2]}")
                    fi
                    ;;
            esac
        done
    done

    # The current command's matches, protocols and target.
    for ((i = seg; i < COMP_CWORD; i++)); do
        _ipt_optletters "${COMP_WORDS[i]}"
        for l in "${letters[@]}"; do
            arg=${l:2}
            [[ -n $arg ]] || arg=${COMP_WORDS[i + 1]-}
            [[ $arg != "=" ]] || arg=${COMP_WORDS[i + 2]-}
            [[ -z $arg || $arg == -* ]] && continue
            case ${l:0:1} in
                m) matches+=("$arg") ;;
                p) protos+=("$arg") ;;
                j) targets+=("$arg") ;;
            esac
        done
    done

    _ipt_pending "$prev"
    case ${pending:+${optclass[$pending]-none}} in
        table) words+=("${_ipt_tables[@]}") ;;
        chain)
            _ipt_chains "$tool" "$table" all
            words+=("${newchains[@]}")
            ;;
        user-chain)
            _ipt_chains "$tool" "$table" user
            words+=("${newchains[@]}")
            ;;
        builtin-chain) _ipt_chains "$tool" "$table" builtin ;;
        target)
            words+=(ACCEPT DROP RETURN QUEUE "${newchains[@]}")
            _ipt_chains "$tool" "$table" user
            _ipt_extensions "$fam" targets
            ;;
        match) _ipt_extensions "$fam" matches ;;
        protocol) _ipt_protocols "$fam" ;;
        interface) _ipt_interfaces ;;
        file) _ipt_files ;;
    esac
    [[ -z $pending ]] || return

    prev2=''
    if ((COMP_CWORD >= 2)); then
        _ipt_pending "${COMP_WORDS[COMP_CWORD - 2]}"
        prev2=$pending
    fi
    case $prev2 in
        P)
            words+=(ACCEPT DROP)
            return
            ;;
        [Ec]) return ;; # a new chain name; the byte counter
    esac

    # After one of an extension's own options the next word is its value:
    # offered where it can be listed (--ctstate, --icmp-type, ports),
    # else only options, after "-".
    if [[ $prev == --* && $cur != -* ]]; then
        _ipt_optletters "$prev"
        if ((!${#letters[@]})); then
            _ipt_values "$tool" "$fam" "$prev"
            return
        fi
    fi
    [[ -z $cur || $cur == -* ]] || return

    words+=("${optwords[@]}")
    for w in "${matches[@]}"; do _ipt_ext_options "$tool" -m "$w"; done
    for w in "${protos[@]}"; do _ipt_ext_options "$tool" -p "$w"; done
    for w in "${targets[@]}"; do
        case $w in ACCEPT | DROP | RETURN | QUEUE) continue ;; esac
        _ipt_ext_options "$tool" -j "$w"
    done
}

# _ipt_save_restore TOOL NAME: the save and restore tools: an option's
# table or file argument, else their options; restore reads a file.
_ipt_save_restore()
{
    local tool=$1 name=$2 pending attach
    local -a optwords
    local -A optletter=() optclass=()
    _ipt_load_spec "$tool" "$name"
    _ipt_pending "$prev"
    case ${pending:+${optclass[$pending]-none}} in
        table) words+=("${_ipt_tables[@]}") ;;
        file) _ipt_files ;;
        *)
            if [[ $cur == -* || $name != *-restore ]]; then
                words+=("${optwords[@]}")
            else
                _ipt_files
            fi
            ;;
    esac
}

_ipt_xml()
{
    if [[ $cur == -* ]]; then
        words+=(-c --combine -v --verbose -h --help)
    else
        _ipt_files
    fi
}

# ipt apply's arguments, its options from ipt's own table.
_ipt_apply()
{
    local -a optwords=()
    local -A optletter=() optclass=()
    local attach
    _ipt_load_spec "${COMP_WORDS[0]}" apply
    case $prev in
        -4 | -6 | --ipv4 | --ipv6) _ipt_files ;;
        --confirm) ;;
        *)
            if [[ $cur == -* ]]; then
                words+=("${optwords[@]}")
            else
                _ipt_files
            fi
            ;;
    esac
}

# ipt's subcommands, "ipt [--nft|--legacy] lint|trace|diff|apply ...":
# offers the subcommand names at their place (and returns 1, so that the
# rule tool's options are offered too), or completes the subcommand's
# arguments and returns 0.
_ipt_analysis()
{
    local fam=$1 k=1 sub
    while [[ ${COMP_WORDS[k]-} == --nft || ${COMP_WORDS[k]-} == --legacy ]] &&
        ((k < COMP_CWORD)); do
        ((k++))
    done
    if ((COMP_CWORD == k)); then
        words+=(lint trace diff apply)
        return 1
    fi
    sub=${COMP_WORDS[k]-}
    if [[ $sub == apply ]]; then
        _ipt_apply
        return 0
    fi
    [[ $sub == lint || $sub == trace || $sub == diff ]] || return 1
    case $sub:$prev in
        trace:-p | trace:--protocol) _ipt_protocols "$fam" ;;
        trace:-i | trace:-o) _ipt_interfaces ;;
        trace:--ctstate) words+=(NEW ESTABLISHED RELATED INVALID UNTRACKED) ;;
        trace:--icmp-type)
            words+=(echo-request echo-reply destination-unreachable
                port-unreachable time-exceeded) ;;
        trace:--tcp-flags) words+=(SYN ACK SYN,ACK FIN RST PSH URG NONE) ;;
        trace:-s | trace:-d | trace:--sport | trace:--dport | trace:--mark) ;;
        *)
            if [[ $cur == -* && $sub == diff ]]; then
                words+=(-4 -6 -c --counters -h --help)
            elif [[ $cur == -* ]]; then
                words+=(-4 -6 --json -h --help)
                [[ $sub == lint ]] || words+=(-p -s -d --sport --dport -i -o
                    --icmp-type --tcp-flags --ctstate --mark --input
                    --forward --output --assume-match --assume-nomatch)
            else
                _ipt_files
            fi
            ;;
    esac
    return 0
}

_ipt()
{
    local cur=${COMP_WORDS[COMP_CWORD]} prev='' w
    local tool=${1:-${COMP_WORDS[0]}} name fam=4 own=0
    local -a words=()
    local -A seen=()
    ((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
    # "--table=n": bash splits words at "=" (COMP_WORDBREAKS).
    if [[ $cur == "=" ]]; then
        cur=''
    elif [[ $prev == "=" ]] && ((COMP_CWORD >= 2)); then
        prev=${COMP_WORDS[COMP_CWORD - 2]}
    fi
    COMPREPLY=()

    # "~/bin/ipt" as typed: the tilde is not expanded in COMP_WORDS.
    [[ ${tool:0:2} != \~/ ]] || tool=$HOME/${tool:2}
    name=${tool##*/}
    [[ $name != ip6* ]] || fam=6
    case $name in ipt | ip6t | ipt-* | ip6t-*) own=1 ;; esac

    case $name in
        *-save | *-restore) _ipt_save_restore "$tool" "$name" ;;
        *-xml) _ipt_xml ;;
        *)
            ((own)) && _ipt_analysis "$fam" ||
                _ipt_main "$tool" "$fam" "$own" "$name"
            ;;
    esac

    # Compared, never expanded (unlike compgen -W): a chain may be named
    # '$(x)'.
    for w in "${words[@]}"; do
        [[ -n $w && $w == "$cur"* && -z ${seen[$w]-} ]] || continue
        seen[$w]=1
        COMPREPLY+=("$w")
    done
    return 0
}

complete -F _ipt ipt ip6t ipt-save ip6t-save ipt-restore ip6t-restore \
    ipt-xml iptables ip6tables iptables-legacy ip6tables-legacy \
    iptables-save ip6tables-save iptables-legacy-save ip6tables-legacy-save \
    iptables-restore ip6tables-restore iptables-legacy-restore \
    ip6tables-legacy-restore iptables-xml

# ex: filetype=sh
