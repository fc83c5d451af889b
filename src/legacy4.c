/* The legacy backend for IPv4: libip4tc. */
#include <libiptc/libiptc.h>

#define TC(fn)         iptc_##fn
#define DUMP_ENTRIES   dump_entries
#define OPS_NAME       legacy_ipv4
#define BLOB_FAMILY    blob_ipv4
#include "legacy_impl.h"
