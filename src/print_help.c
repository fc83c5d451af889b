/* -h and --version. Under the iptables names the text is iptables 1.8.9's,
 * so that scripts and people see what they know; ipt's own names print
 * their option table and what they can do. */
#include <stdio.h>
#include "options.h"
#include "print.h"

static void print_usage(const char *prog, const char *version)
{
	printf("%s v%s\n\n", prog, version);
	printf("Usage: %s -[ACD] chain rule-specification [options]\n", prog);
	printf("       %s -I chain [rulenum] rule-specification [options]\n", prog);
	printf("       %s -R chain rulenum rule-specification [options]\n", prog);
	printf("       %s -D chain rulenum [options]\n", prog);
	printf("       %s -[LS] [chain [rulenum]] [options]\n", prog);
	printf("       %s -[FZ] [chain] [options]\n", prog);
	printf("       %s -[NX] chain\n", prog);
	printf("       %s -E old-chain-name new-chain-name\n", prog);
	printf("       %s -P chain target [options]\n", prog);
	printf("       %s -h (print this help information)\n\n", prog);
}

static const char commands_help[] =
"Commands:\n"
"Either long or short options are allowed.\n"
"  --append  -A chain\t\tAppend to chain\n"
"  --check   -C chain\t\tCheck for the existence of a rule\n"
"  --delete  -D chain\t\tDelete matching rule from chain\n"
"  --delete  -D chain rulenum\n"
"\t\t\t\tDelete rule rulenum (1 = first) from chain\n"
"  --insert  -I chain [rulenum]\n"
"\t\t\t\tInsert in chain as rulenum (default 1=first)\n"
"  --replace -R chain rulenum\n"
"\t\t\t\tReplace rule rulenum (1 = first) in chain\n"
"  --list    -L [chain [rulenum]]\n"
"\t\t\t\tList the rules in a chain or all chains\n"
"  --list-rules -S [chain [rulenum]]\n"
"\t\t\t\tPrint the rules in a chain or all chains\n"
"  --flush   -F [chain]\t\tDelete all rules in  chain or all chains\n"
"  --zero    -Z [chain [rulenum]]\n"
"\t\t\t\tZero counters in chain or all chains\n"
"  --new     -N chain\t\tCreate a new user-defined chain\n"
"  --delete-chain\n"
"            -X [chain]\t\tDelete a user-defined chain\n"
"  --policy  -P chain target\n"
"\t\t\t\tChange policy on chain to target\n"
"  --rename-chain\n"
"            -E old-chain new-chain\n"
"\t\t\t\tChange chain name, (moving any references)\n"
"\n"
"Options:\n";

static const char options_help[] =
"[!] --protocol\t-p proto\tprotocol: by number or name, eg. `tcp'\n"
"[!] --source\t-s address[/mask][...]\n"
"\t\t\t\tsource specification\n"
"[!] --destination -d address[/mask][...]\n"
"\t\t\t\tdestination specification\n"
"[!] --in-interface -i input name[+]\n"
"\t\t\t\tnetwork interface name ([+] for wildcard)\n"
" --jump\t-j target\n"
"\t\t\t\ttarget for rule (may load target extension)\n"
"  --goto      -g chain\n"
"\t\t\t       jump to chain with no return\n"
"  --match\t-m match\n"
"\t\t\t\textended match (may load extension)\n"
"  --numeric\t-n\t\tnumeric output of addresses and ports\n"
"[!] --out-interface -o output name[+]\n"
"\t\t\t\tnetwork interface name ([+] for wildcard)\n"
"  --table\t-t table\ttable to manipulate (default: `filter')\n"
"  --verbose\t-v\t\tverbose mode\n"
"  --wait\t-w [seconds]\tmaximum wait to acquire xtables lock before give up\n"
"  --line-numbers\t\tprint line numbers when listing\n"
"  --exact\t-x\t\texpand numbers (display exact values)\n";

static const char trailer_help[] =
"  --modprobe=<command>\t\ttry to insert modules using this command\n"
"  --set-counters -c PKTS BYTES\tset the counter during insert/append\n"
"[!] --version\t-V\t\tprint package version.\n";

static const char own_name_help[] =
"\n"
"Several commands in one invocation (ipt's own names only):\n"
"  Each command flag starts a new command with its own rule options;\n"
"  the commands run in order on one table and commit once, all or\n"
"  nothing. Example:\n"
"    ipt -N web -A INPUT -p tcp --dport 80 -j web -A web -j ACCEPT\n";

static void print_extension_helps(const struct xtables_rule_match *m)
{
	for (const struct xtables_target *t = xtables_targets; t; t = t->next) {
		if (!t->used)
			continue;
		printf("\n");
		if (t->help)
			t->help();
		else
			printf("%s does not take any options\n", t->name);
	}
	for (; m; m = m->next) {
		printf("\n");
		if (m->match->help)
			m->match->help();
		else
			printf("%s does not take any options\n",
			       m->match->name);
	}
}

void print_help(const struct tool *t, const struct xtables_rule_match *matches)
{
	bool v4 = t->fam->has_fragment_option;

	print_usage(t->prog, t->version);
	if (t->own_name) {      /* from the option table, which cannot drift */
		opt_print_help(v4);
		fputs(own_name_help, stdout);
		print_extension_helps(matches);
		return;
	}
	fputs(commands_help, stdout);
	printf("    --ipv4\t-4\t\t%s (line is ignored by ip6tables-restore)\n"
	       "    --ipv6\t-6\t\t%s (line is ignored by iptables-restore)\n",
	       v4 ? "Nothing" : "Error", v4 ? "Error" : "Nothing");
	fputs(options_help, stdout);
	if (v4)
		printf("[!] --fragment\t-f\t\tmatch second or further "
		       "fragments only\n");
	fputs(trailer_help, stdout);
	print_extension_helps(matches);
}

void print_version(const struct tool *t, bool not)
{
	if (not)
		printf("Not %s ;-)\n", t->version);
	else
		printf("%s v%s\n", t->prog, t->version);
}
