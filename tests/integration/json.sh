#!/bin/bash
# ipt-save --json, ipt -L --json and ipt-restore --json on live rulesets,
# through both backends, each run in its own network namespace (unshare
# -n, private XTABLES_LOCKFILE; the host's firewall is never touched):
# every document validates against doc/ipt-ruleset.schema.json (with
# python3-jsonschema), its fields say what the rule says, a save/restore
# round trip through JSON gives back the same ruleset (and with -c the
# same counters), a bad document exits 2 with one line on stderr and
# changes nothing, and the iptables names refuse --json as iptables
# 1.8.9 refuses an unknown option.
#
# Usage: json.sh            Environment: IPT_BIN (as for difftest.sh)
set -u
export LC_ALL=C.UTF-8
PATH=$PATH:/usr/sbin:/sbin

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source-path=SCRIPTDIR source=../lib.sh
. "$here/../lib.sh"
schema=$here/../../doc/ipt-ruleset.schema.json

# ---------------------------------------------------------------- inside
# json.sh --inner BACKEND DIR: the checks for one backend, as TAP lines
# without numbers; run inside a fresh network namespace.
if [ "${1:-}" = --inner ]; then
	be=$2 d=$3
	export IPT_BACKEND=$be XTABLES_LOCKFILE=$d/xtables.lock
	cd "$d" || exit 99

	pass() { echo "ok - $be: $1"; }
	fail() {
		echo "not ok - $be: $1"
		printf '%s\n' "$2" | head -n 30 | sed 's/^/#   /'
	}
	check() {       # check NAME GOT WANT
		if [ "$2" = "$3" ]; then pass "$1"; else
			fail "$1" "got:
$2
want:
$3"; fi
	}
	# the ruleset without the save tool's dated comment lines
	ruleset() { { ./ipt-save "$@"; ./ip6t-save "$@"; } | grep -v '^#'; }
	validate() {    # validate NAME FILE
		local out
		if out=$(python3 - "$schema" "$2" 2>&1 <<'PY'
import json, sys, jsonschema
schema = json.load(open(sys.argv[1]))
jsonschema.Draft202012Validator.check_schema(schema)
jsonschema.Draft202012Validator(schema).validate(json.load(open(sys.argv[2])))
PY
		); then pass "$1"; else fail "$1" "$out"; fi
	}
	# query NAME FILE PYTHON-EXPR WANT: d is the document
	query() {
		local got
		got=$(python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
print(eval(sys.argv[2]))' "$2" "$3" 2>&1)
		check "$1" "$got" "$4"
	}
	rule() {        # the Python expression of rule N of CHAIN in TABLE
		echo "[r for t in d['tables'] if t['name'] == '$1' for c in t['chains'] if c['name'] == '$2' for r in c['rules']][$3 - 1]"
	}

	./ipt-restore -c v4.rules || fail "the IPv4 ruleset loads" "rc=$?"
	./ip6t-restore -c v6.rules || fail "the IPv6 ruleset loads" "rc=$?"

	# --- documents and the schema
	./ipt-save --json >save4.json
	validate "ipt-save --json validates" save4.json
	./ipt-save -c --json >savec4.json
	check "ipt-save -c --json is ipt-save --json" "$(cat savec4.json)" \
		"$(cat save4.json)"
	./ip6t-save --json >save6.json
	validate "ip6t-save --json validates" save6.json
	./ipt-save -t nat --json >nat.json
	validate "ipt-save -t nat --json validates" nat.json
	query "ipt-save -t nat --json has nat only" nat.json \
		"[t['name'] for t in d['tables']]" "['nat']"
	./ipt -L --json >list.json
	validate "ipt -L --json validates" list.json
	./ipt -t nat -L -n -v -x --json >listnat.json
	validate "ipt -t nat -L -n -v -x --json validates" listnat.json
	./ipt -L web --json >web.json
	validate "ipt -L web --json validates" web.json
	query "ipt -L web --json has that chain only" web.json \
		"[(t['name'], [c['name'] for c in t['chains']]) for t in d['tables']]" \
		"[('filter', ['web'])]"
	./ip6t -L --json >list6.json
	validate "ip6t -L --json validates" list6.json
	query "ipt -L INPUT 2 --json: rule 2 only" <(./ipt -L INPUT 2 --json) \
		"[r['num'] for r in d['tables'][0]['chains'][0]['rules']]" "[2]"

	# --- what the fields say
	query "family" save4.json "d['family'] + ' ' + json.load(open('save6.json'))['family']" \
		"ipv4 ipv6"
	query "a comment with blanks and quotes is one word" save4.json \
		"$(rule filter INPUT 1)['matches'][1]" \
		"{'name': 'comment', 'args': ['--comment', 'say \"hi\" to\\\\all  ']}"
	query "rule is the save line without -A CHAIN" save4.json \
		"$(rule filter INPUT 1)['rule']" \
		'-s 10.0.0.0/8 ! -i eth0+ -p tcp -m tcp ! --dport 22 -m comment --comment "say \"hi\" to\\all  " -j web'
	query "source, in_interface (inverted), protocol" save4.json \
		"[$(rule filter INPUT 1)[k] for k in ('source', 'in_interface', 'protocol', 'destination', 'out_interface', 'fragment')]" \
		"[{'address': '10.0.0.0/8', 'invert': False}, {'name': 'eth0+', 'invert': True}, {'name': 'tcp', 'invert': False}, None, None, None]"
	query "a match's own ! is one of its words" save4.json \
		"$(rule filter INPUT 1)['matches'][0]" \
		"{'name': 'tcp', 'args': ['!', '--dport', '22']}"
	query "destination inverted, fragment, counters" save4.json \
		"[$(rule filter INPUT 2)[k] for k in ('destination', 'fragment', 'packets', 'bytes', 'num')]" \
		"[{'address': '192.168.1.1/32', 'invert': True}, {'invert': True}, 12345678901234, 98765432109876543, 2]"
	query "-g: goto and its target" save4.json \
		"[$(rule filter INPUT 3)[k] for k in ('target', 'goto')]" \
		"[{'name': 'web', 'args': []}, True]"
	query "no target: null" save4.json "$(rule filter web 2)['target']" "None"
	query "a target's words" save4.json "$(rule filter web 1)['target']" \
		"{'name': 'LOG', 'args': ['--log-prefix', 'tab\\there ', '--log-level', '6']}"
	query "nat: DNAT and its words" save4.json "$(rule nat PREROUTING 1)['target']" \
		"{'name': 'DNAT', 'args': ['--to-destination', '10.1.1.1:8080']}"
	query "chains: policy, counters, references" save4.json \
		"[(c['name'], c['builtin'], c['policy'], c['packets'], c['bytes'], c['references']) for t in d['tables'] if t['name'] == 'filter' for c in t['chains']]" \
		"[('INPUT', True, 'DROP', 5, 500, 0), ('FORWARD', True, 'ACCEPT', 0, 0, 0), ('OUTPUT', True, 'ACCEPT', 0, 0, 0), ('web', False, None, 0, 0, 2)]"
	query "UTF-8 passes through" save6.json "$(rule filter INPUT 1)['matches'][0]['args'][1]" \
		"grüße ✓"
	query "IPv6: address, fragment null" save6.json \
		"[$(rule filter INPUT 1)[k] for k in ('source', 'fragment')]" \
		"[{'address': '2001:db8::/32', 'invert': False}, None]"
	if grep -q '"--comment","grüße ✓"' save6.json; then
		pass "UTF-8 written as it is, not escaped"
	else
		fail "UTF-8 written as it is, not escaped" "$(head -c 600 save6.json)"
	fi
	if grep -qF '"tab\there "' save4.json; then
		pass "a tab is written \\t"
	else
		fail "a tab is written \\t" "$(head -c 600 save4.json)"
	fi

	# --- round trips
	before=$(ruleset -c)
	./ipt-save --json | ./ipt-restore --json -c &&
		./ip6t-save --json | ./ip6t-restore --json -c
	check "save --json | restore --json -c: the same ruleset and counters" \
		"$(ruleset -c)" "$before"
	# without -c a restore zeroes the policies' counters too
	before=$(ruleset | sed 's/ \[[0-9]*:[0-9]*\]$//')
	./ipt-save --json | ./ipt-restore --json &&
		./ip6t-save --json | ./ip6t-restore --json
	check "save --json | restore --json: the same ruleset" \
		"$(ruleset | sed 's/ \[[0-9]*:[0-9]*\]$//')" "$before"
	query "without -c the counters are zero" <(./ipt-save --json) \
		"$(rule filter INPUT 2)['packets']" "0"
	./ipt-restore --json -c <save4.json
	query "with -c the counters come back" <(./ipt-save --json) \
		"($(rule filter INPUT 2)['bytes'], [c['packets'] for t in d['tables'] if t['name'] == 'filter' for c in t['chains']][0])" \
		"(98765432109876543, 5)"
	./ipt-save --json -f file.json
	./ipt -F
	./ipt-restore --json -c file.json
	check "ipt-save --json -f FILE, ipt-restore --json FILE" \
		"$(./ipt-save --json)" "$(cat file.json)"
	before=$(ruleset -c)
	./ipt-restore --json -t -c <save4.json
	check "restore --json -t changes nothing" "$(ruleset -c)" "$before"
	./ipt -t nat -F
	./ipt -F web
	./ipt-restore --json -c -T nat <save4.json
	query "restore --json -T nat restores nat only" <(./ipt-save --json) \
		"sorted((t['name'], sum(len(c['rules']) for c in t['chains'])) for t in d['tables'])" \
		"[('filter', 3), ('nat', 1)]"
	./ipt-restore -c v4.rules
	./ipt-save | ./ipt-restore -n
	want=$(ruleset -c)
	./ipt-restore -c v4.rules
	./ipt-restore --json -n <save4.json
	check "restore --json -n adds to the tables as restore -n" \
		"$(ruleset -c)" "$want"
	./ipt-restore --json -c <save4.json
	out=$(./ipt-restore --json -v -T nat <save4.json 2>&1)
	case $out in
	*"Flushing chain \`PREROUTING'"*) pass "restore --json -v says what it does" ;;
	*) fail "restore --json -v says what it does" "$out" ;;
	esac
	./ipt-restore --json -c <save4.json
	printf '{"family": "ipv4", "tables": [{"name": "filter", "chains": [
	  {"name": "INPUT", "builtin": true, "policy": "ACCEPT",
	   "rules": [{"rule": "-p udp -j ACCEPT"}]}]}]}' >min.json
	./ipt-restore --json -T filter <min.json
	query "a minimal document: informational members may be left out" \
		<(./ipt-save -t filter --json) \
		"[$(rule filter INPUT 1)['rule'], len(d['tables'][0]['chains'])]" \
		"['-p udp -j ACCEPT', 3]"
	./ipt-restore --json -c <save4.json

	# --- bytes that are not UTF-8: U+FFFD and a warning, still valid
	printf '*filter\n-A OUTPUT -m comment --comment "caf\xe9 \xff"\nCOMMIT\n' |
		./ipt-restore -n
	err=$(./ipt -L OUTPUT --json 2>&1 >latin1.json)
	rc=$?
	check "not UTF-8: exit 0, one warning" "$rc $err" \
		"0 ipt: warning: a name or rule is not valid UTF-8; its invalid bytes are written as U+FFFD"
	validate "not UTF-8: the document still validates" latin1.json
	query "not UTF-8: each invalid byte is U+FFFD" latin1.json \
		"$(rule filter OUTPUT 1)['matches'][0]['args'][1] == 'caf\ufffd \ufffd'" "True"
	./ipt-restore --json -c <save4.json

	# --- bad documents: exit 2, one line on stderr, nothing changed
	before=$(ruleset -c)
	bad() {         # bad NAME WANT-IN-MESSAGE < DOCUMENT
		local err rc
		err=$(./ipt-restore --json -c 2>&1 >/dev/null)
		rc=$?
		if [ "$rc" = 2 ] && [ "$(printf '%s\n' "$err" | wc -l)" = 1 ] &&
		   [[ $err == *"$2"* ]] && [ "$(ruleset -c)" = "$before" ]; then
			pass "$1"
		else
			fail "$1" "exit $rc, stderr:
$err"
		fi
	}
	head -c 300 save4.json | bad "truncated: exit 2, one line, unchanged" \
		"invalid JSON at line 1, column 301 (byte 300)"
	bad "empty input" "unexpected end of input" </dev/null
	echo '{"family": "ipv4", "tables": [1,]}' |
		bad "a trailing comma" "byte 32): unexpected character"
	echo '{"family": "ipv4", "tables": {}}' |
		bad "tables not an array" '"tables" must be an array, not object'
	sed 's/"builtin":true/"builtin":"yes"/' save4.json |
		bad "builtin not a boolean" '"builtin" must be a boolean, not string'
	sed 's/"packets":12345678901234/"packets":-1/' save4.json |
		bad "a negative counter" '"packets" must be an integer'
	sed 's/"packets":12345678901234/"packets":18446744073709551616/' save4.json |
		bad "a counter above 2^64-1" '"packets" must be an integer'
	sed 's/"rule":"-g web"/"rule":"-g nosuch"/' save4.json |
		bad "a rule that goes to an unknown chain" \
		"table filter, chain INPUT, rule 3: it jumps to chain \`nosuch'"
	sed 's/"rule":"-g web"/"rule":"-p tcp --dport 99999 -j ACCEPT"/' save4.json |
		bad "a rule that does not parse" \
		"table filter, chain INPUT, rule 3: invalid port/service"
	sed 's/"rule":"-g web"/"rule":"-j ACCEPT -F"/' save4.json |
		bad "a rule that holds another command" "table filter, chain INPUT, rule 3"
	sed 's/"policy":"DROP"/"policy":"REJECT"/' save4.json |
		bad "a policy other than ACCEPT or DROP" "neither ACCEPT nor DROP"
	sed 's/"name":"web","builtin":false/"name":"web","builtin":true/' save4.json |
		bad "a user chain called built-in" \
		"table filter, chain web: table filter has no built-in chain of that name"
	sed 's/"name":"FORWARD","builtin":true,"policy":"ACCEPT"/"name":"FORWARD","builtin":false,"policy":null/' save4.json |
		bad "a built-in chain called a user chain" \
		"table filter, chain FORWARD: table filter has a built-in chain"
	sed 's/"name":"nat"/"name":"nosuch"/' save4.json |
		bad "a table iptables does not have" "table nosuch: no such table"
	bad "the other family" 'the document'"'"'s family is "ipv6"' <save6.json
	printf '{"family": "ipv4", "tables": [{"name": "f\xffx", "chains": []}]}' |
		bad "invalid UTF-8 in the input" "invalid UTF-8 in string"
	echo '{"family": "ipv4", "family": "ipv4", "tables": []}' |
		bad "a repeated key" "duplicate key"

	# what only the kernel refuses: named by table (and chain), nothing
	# changed
	python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
chains = {c["name"]: c for t in d["tables"] if t["name"] == "nat" for c in t["chains"]}
chains["POSTROUTING"]["rules"] = chains["PREROUTING"]["rules"]
print(json.dumps(d))' save4.json >post.json
	err=$(./ipt-restore --json -c <post.json 2>&1)
	rc=$?
	if [ "$rc" != 0 ] && [[ $err == *POSTROUTING* ]] &&
	   [[ $err != *"appears twice"* ]] &&
	   [ "$(ruleset -c)" = "$before" ]; then
		pass "a rule the kernel refuses: named, nothing changed"
	else
		fail "a rule the kernel refuses: named, nothing changed" \
			"exit $rc: $err"
	fi

	# --- --json is ipt's; with other commands a clear error
	out=$(./ipt -A INPUT -j ACCEPT --json 2>&1)
	rc=$?
	case "$rc $out" in
	"2 "*"--json goes with -L only"*) pass "ipt -A --json: exit 2, why" ;;
	*) fail "ipt -A --json: exit 2, why" "exit $rc: $out" ;;
	esac

	# --- the iptables names refuse it as iptables 1.8.9 does
	same() {        # same NAME OURS THEIRS ARGS...: output and status
		local name=$1 ours=$2 theirs=$3 a b
		shift 3
		a=$(./"$ours" "$@" 2>&1; echo "rc=$?")
		b=$("$theirs" "$@" 2>&1; echo "rc=$?")
		a=${a//.\/$ours/$theirs}
		check "$name" "$a" "${b//$theirs-legacy/$theirs}"
	}
	if [ "$be" = nft ] && command -v iptables-nft >/dev/null; then
		same "iptables-nft -L --json is refused as by iptables-nft" \
			iptables-nft iptables-nft -L --json
		same "iptables-nft-save --json is refused as by iptables-nft-save" \
			iptables-nft-save iptables-nft-save --json
	fi
	if [ "$be" = legacy ] && command -v iptables-legacy >/dev/null; then
		same "iptables -L --json is refused as by iptables-legacy" \
			iptables iptables-legacy -L --json
		same "ip6tables -L --json is refused as by ip6tables-legacy" \
			ip6tables ip6tables-legacy -L --json
		same "iptables-save --json is refused as by iptables-legacy-save" \
			iptables-save iptables-legacy-save --json
		same "iptables-restore --json is refused as by iptables-legacy-restore" \
			iptables-restore iptables-legacy-restore --json
	fi
	exit 0
fi

# ---------------------------------------------------------------- outside
ipt_find_bin
[ -x "$IPT_BIN" ] || { echo "SKIP: $IPT_BIN not built"; exit 77; }
if [ "$(id -u)" != 0 ] || ! unshare -n true 2>/dev/null; then
	echo "SKIP: needs root and unshare -n"
	exit 77
fi
python3 -c 'import jsonschema' 2>/dev/null ||
	{ echo "SKIP: python3-jsonschema is not installed"; exit 77; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/jsontest.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
for n in ipt ip6t ipt-save ip6t-save ipt-restore ip6t-restore iptables \
	 ip6tables iptables-save iptables-restore iptables-nft \
	 iptables-nft-save; do
	ln -s "$IPT_BIN" "$tmp/$n"
done
: >"$tmp/xtables.lock"

# Comments with blanks, quotes and a backslash, negations inside and
# outside matches, -g, a user chain, a rule without a target, counters
# beyond 32 bits, nat.
cat >"$tmp/v4.rules" <<'EOF'
*nat
:PREROUTING ACCEPT [0:0]
:INPUT ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
:POSTROUTING ACCEPT [3:180]
[7:420] -A PREROUTING -p tcp -m tcp --dport 80 -j DNAT --to-destination 10.1.1.1:8080
COMMIT
*filter
:INPUT DROP [5:500]
:FORWARD ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
:web - [0:0]
[1:60] -A INPUT -s 10.0.0.0/8 ! -i eth0+ -p tcp -m tcp ! --dport 22 -m comment --comment "say \"hi\" to\\all  " -j web
[12345678901234:98765432109876543] -A INPUT ! -d 192.168.1.1/32 ! -f -j DROP
-A INPUT -g web
-A web -j LOG --log-prefix "tab	here " --log-level 6
-A web
COMMIT
EOF
cat >"$tmp/v6.rules" <<'EOF'
*filter
:INPUT ACCEPT [0:0]
:FORWARD ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
[3:300] -A INPUT -s 2001:db8::/32 -p udp -m comment --comment "grüße ✓" -j ACCEPT
COMMIT
EOF

npass=0 nfail=0
for be in legacy nft; do
	out=$(unshare -n bash "$0" --inner "$be" "$tmp" 2>&1)
	while IFS= read -r line; do
		case $line in
		"ok - "*)
			npass=$((npass + 1))
			echo "ok $((npass + nfail)) ${line#ok }" ;;
		"not ok - "*)
			nfail=$((nfail + 1))
			echo "not ok $((npass + nfail)) ${line#not ok }" ;;
		*) echo "# $line" ;;
		esac
	done <<<"$out"
done
echo "$npass passed, $nfail failed"
[ "$nfail" -eq 0 ]
