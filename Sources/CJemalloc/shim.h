// jemalloc (libjemalloc-dev): linked into rtmcheck, it replaces the C library's malloc for the
// whole process. The checker allocates and frees millions of small values per second; jemalloc's
// thread caches make that 10-20% faster than glibc's allocator, and more so with several workers.
#include <jemalloc/jemalloc.h>
