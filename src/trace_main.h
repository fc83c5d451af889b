/* `ipt trace': explains a packet's verdict before it is sent. */
#ifndef IPT_TRACE_MAIN_H
#define IPT_TRACE_MAIN_H

#include "tool.h"

/* ipt trace [-4|-6] [FILE] PACKET PATH [--json]: exit 0, or 2 on bad
 * input. */
int trace_main(const struct tool *t, int argc, char **argv);

#endif
