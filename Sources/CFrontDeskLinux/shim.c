// accept4 is a GNU extension: this file defines _GNU_SOURCE before any header; the public
// header must not (it would clash with the Glibc module's view of the same headers).
#define _GNU_SOURCE 1
#include <sys/socket.h>
#include "CFrontDeskLinux.h"

int cfd_accept_nonblocking(int fd, struct sockaddr_storage *addr, socklen_t *len) {
    return accept4(fd, (struct sockaddr *)addr, len, SOCK_NONBLOCK | SOCK_CLOEXEC);
}

/// The calling thread's inline-turn state (see CFrontDeskLinux.h).
static _Thread_local int cfd_inline_state_value;

int cfd_inline_state(void) { return cfd_inline_state_value; }

void cfd_set_inline_state(int state) { cfd_inline_state_value = state; }

/// The calling thread's inline-turn collector (see CFrontDeskLinux.h).
static _Thread_local void *cfd_inline_context_value;

void *cfd_inline_context(void) { return cfd_inline_context_value; }

void cfd_set_inline_context(void *context) { cfd_inline_context_value = context; }
