/* A backend without a kernel, for the fuzz targets (stub_backend.c). */
#ifndef IPT_FUZZ_STUB_BACKEND_H
#define IPT_FUZZ_STUB_BACKEND_H

#include "backend.h"

extern const struct backend_ops stub_backend;

/* Closes the sessions an aborted restore left open (its memory would
 * pile up over millions of inputs). */
void stub_close_all(void);

#endif
