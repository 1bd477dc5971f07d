#ifndef RTMCHECK_CGRAPHVIZ_SHIM_H
#define RTMCHECK_CGRAPHVIZ_SHIM_H
#include <gvc.h>
#include <cgraph.h>

/// `Agdirected` is a mutable C global; Swift 6 strict concurrency refuses to touch it directly.
static inline Agdesc_t rtmcheck_agdirected(void) { return Agdirected; }
#endif
