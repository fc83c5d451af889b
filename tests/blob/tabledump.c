/* tabledump -4|-6 TABLE: a legacy table exactly as the kernel holds it
 * (IPT_SO_GET_INFO's fields, then IPT_SO_GET_ENTRIES' blob in hex, one
 * entry per line), so that tests can compare what two tools committed
 * byte for byte, counters included. Exit 1 when the table cannot be read. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <linux/netfilter_ipv4/ip_tables.h>
#include <linux/netfilter_ipv6/ip6_tables.h>

int main(int argc, char **argv)
{
	struct ipt_getinfo info;
	struct ipt_get_entries *ge;
	socklen_t len = sizeof(info);
	int v6, level, fd;
	size_t noff, off;

	if (argc != 3 || (strcmp(argv[1], "-4") && strcmp(argv[1], "-6"))) {
		fprintf(stderr, "usage: tabledump -4|-6 TABLE\n");
		return 2;
	}
	v6 = argv[1][1] == '6';
	level = v6 ? IPPROTO_IPV6 : IPPROTO_IP;
	noff = v6 ? offsetof(struct ip6t_entry, next_offset) :
		    offsetof(struct ipt_entry, next_offset);
	fd = socket(v6 ? AF_INET6 : AF_INET, SOCK_RAW, IPPROTO_RAW);
	memset(&info, 0, sizeof(info));
	snprintf(info.name, sizeof(info.name), "%s", argv[2]);
	if (fd < 0 || getsockopt(fd, level, IPT_SO_GET_INFO, &info, &len) < 0) {
		perror("IPT_SO_GET_INFO");
		return 1;
	}
	printf("valid_hooks %#x entries %u size %u\n", info.valid_hooks,
	       info.num_entries, info.size);
	for (int h = 0; h < NF_INET_NUMHOOKS; h++)
		if (info.valid_hooks & (1u << h))
			printf("hook %d entry %u underflow %u\n", h,
			       info.hook_entry[h], info.underflow[h]);
	len = sizeof(*ge) + info.size;
	ge = calloc(1, len);
	if (!ge)
		return 1;
	strcpy(ge->name, info.name);
	ge->size = info.size;
	if (getsockopt(fd, level, IPT_SO_GET_ENTRIES, ge, &len) < 0) {
		perror("IPT_SO_GET_ENTRIES");
		return 1;
	}
	for (off = 0; off < info.size;) {
		const unsigned char *e = (const unsigned char *)ge->entrytable + off;
		unsigned short next;

		memcpy(&next, e + noff, sizeof(next));
		printf("%u:", (unsigned int)off);
		for (unsigned int i = 0; i < next && off + i < info.size; i++)
			printf("%02x", e[i]);
		printf("\n");
		if (next == 0)
			break;
		off += next;
	}
	free(ge);
	return 0;
}
