/* iptables-save / ip6tables-save / ipt-save. */
#ifndef IPT_SAVE_H
#define IPT_SAVE_H

#include "tool.h"

int save_main(const struct tool *t, int argc, char **argv);

#endif
