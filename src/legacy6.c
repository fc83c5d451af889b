/* The legacy backend for IPv6: libip6tc. */
#include <libiptc/libip6tc.h>

#define TC(fn)         ip6tc_##fn
#define DUMP_ENTRIES   dump_entries6
#define OPS_NAME       legacy_ipv6
#define BLOB_FAMILY    blob_ipv6
#include "legacy_impl.h"
