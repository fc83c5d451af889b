/* iptables-restore / ip6tables-restore / ipt-restore. */
#ifndef IPT_RESTORE_H
#define IPT_RESTORE_H

#include "tool.h"

int restore_main(const struct tool *t, int argc, char **argv);

#endif
