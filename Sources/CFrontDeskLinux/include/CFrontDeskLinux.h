#pragma once
// Linux headers Glibc's Swift module leaves out (epoll, eventfd, timerfd, accept4), with a few
// small wrappers so Swift never touches the packed `struct epoll_event` or C variadics.
// These wrappers do not retry or read errno: FrontDeskNet's System.swift does that, once.
#include <errno.h>
#include <stdint.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/timerfd.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <arpa/inet.h>
#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

/// epoll_ctl with the event's data as a 64-bit token.
static inline int cfd_epoll_ctl(int epfd, int op, int fd, uint32_t events, uint64_t token) {
    struct epoll_event ev;
    ev.events = events;
    ev.data.u64 = token;
    return epoll_ctl(epfd, op, fd, &ev);
}

/// epoll_wait unpacking up to `max` events into parallel arrays of tokens and event masks.
static inline int cfd_epoll_wait(int epfd, uint64_t *tokens, uint32_t *masks, int max, int timeout_ms) {
    struct epoll_event evs[256];
    if (max > 256) max = 256;
    int n = epoll_wait(epfd, evs, max, timeout_ms);
    for (int i = 0; i < n; i++) {
        tokens[i] = evs[i].data.u64;
        masks[i] = evs[i].events;
    }
    return n;
}

/// accept4 making the new socket non-blocking and close-on-exec (defined in shim.c, which
/// needs _GNU_SOURCE; defining that here would clash with the Glibc module's headers).
int cfd_accept_nonblocking(int fd, struct sockaddr_storage *addr, socklen_t *len);

/// The calling thread's inline-turn state (FrontDeskNet's `InlineTurn`): 0 none, 1 an inline turn runs, 2 it
/// tried to write and must be run again on a worker. A C11 `_Thread_local` (defined in shim.c): Swift has no
/// thread-local storage of its own, and a pthread key would cost a call and a lookup per check.
int cfd_inline_state(void);
void cfd_set_inline_state(int state);
/// The calling thread's inline-turn collector (FrontDeskNet's `InlineWrites`, unretained), or NULL: where an inline
/// turn's deferred writes and transcript events are kept. Thread-local like the state above.
void *cfd_inline_context(void);
void cfd_set_inline_context(void *context);

/// fcntl(F_SETFL, flags | O_NONBLOCK) without the variadic call.
static inline int cfd_set_nonblocking(int fd, int on) {
    int flags = fcntl(fd, F_GETFL, 0);
    if (flags < 0) return -1;
    return fcntl(fd, F_SETFL, on ? (flags | O_NONBLOCK) : (flags & ~O_NONBLOCK));
}

/// The calling thread's errno (Swift's Glibc overlay exposes it too; this keeps one spelling).
static inline int cfd_errno(void) { return errno; }

static const uint32_t CFD_EPOLLIN = EPOLLIN;
static const uint32_t CFD_EPOLLOUT = EPOLLOUT;
static const uint32_t CFD_EPOLLERR = EPOLLERR;
static const uint32_t CFD_EPOLLHUP = EPOLLHUP;
static const uint32_t CFD_EPOLLRDHUP = EPOLLRDHUP;
static const int CFD_SOCK_STREAM = SOCK_STREAM;
static const int CFD_SOCK_NONBLOCK_CLOEXEC = SOCK_NONBLOCK | SOCK_CLOEXEC;
static const int CFD_MSG_NOSIGNAL = MSG_NOSIGNAL;
static const int CFD_EFD_NONBLOCK_CLOEXEC = EFD_NONBLOCK | EFD_CLOEXEC;
