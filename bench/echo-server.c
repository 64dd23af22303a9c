// Minimal C epoll line server, the reference peer for bench/run-load.sh: for every line received
// it sends the line back. Level-triggered epoll, one SO_REUSEPORT listener per thread.
// usage: echo-server PORT [THREADS]
#define _GNU_SOURCE
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

typedef struct { int fd; size_t len; char buf[8192]; } conn_t;
static int port;

static void *loop(void *arg) {
    (void)arg;
    int lfd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0), one = 1;
    setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    setsockopt(lfd, SOL_SOCKET, SO_REUSEPORT, &one, sizeof one);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(port), .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    if (bind(lfd, (struct sockaddr *)&a, sizeof a) < 0 || listen(lfd, 4096) < 0) { perror("bind/listen"); exit(1); }
    int ep = epoll_create1(0);
    struct epoll_event ev = {.events = EPOLLIN, .data.ptr = NULL}, evs[256];
    epoll_ctl(ep, EPOLL_CTL_ADD, lfd, &ev);
    for (;;) {
        int n = epoll_wait(ep, evs, 256, -1);
        for (int i = 0; i < n; i++) {
            conn_t *c = evs[i].data.ptr;
            if (!c) {
                int fd;
                while ((fd = accept4(lfd, NULL, NULL, SOCK_NONBLOCK)) >= 0) {
                    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
                    conn_t *nc = calloc(1, sizeof *nc);
                    nc->fd = fd;
                    struct epoll_event e = {.events = EPOLLIN, .data.ptr = nc};
                    epoll_ctl(ep, EPOLL_CTL_ADD, fd, &e);
                }
                continue;
            }
            ssize_t r = read(c->fd, c->buf + c->len, sizeof c->buf - c->len);
            if (r <= 0) {
                if (r < 0 && errno == EAGAIN) continue;
                close(c->fd); free(c); continue;
            }
            c->len += (size_t)r;
            char *nl = memrchr(c->buf, '\n', c->len);
            if (nl) {  // echo every complete line in one send (blocking sends are not needed here)
                size_t upto = (size_t)(nl - c->buf) + 1;
                if (send(c->fd, c->buf, upto, MSG_NOSIGNAL) < 0 && errno != EAGAIN) { close(c->fd); free(c); continue; }
                memmove(c->buf, c->buf + upto, c->len - upto);
                c->len -= upto;
            } else if (c->len == sizeof c->buf) {
                c->len = 0;
            }
        }
    }
    return NULL;
}

int main(int argc, char **argv) {
    if (argc < 2) { fprintf(stderr, "usage: echo-server PORT [THREADS]\n"); return 2; }
    signal(SIGPIPE, SIG_IGN);
    port = atoi(argv[1]);
    int threads = argc > 2 ? atoi(argv[2]) : 2;
    pthread_t t[64];
    for (int i = 0; i < threads && i < 64; i++) pthread_create(&t[i], NULL, loop, NULL);
    fprintf(stderr, "echo-server: listening on 127.0.0.1:%d with %d threads\n", port, threads);
    pthread_join(t[0], NULL);
    return 0;
}
