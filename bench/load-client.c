// Load client for bench/run-load.sh: N connections to a line server, closed loop (send the next
// line when the reply arrives) or paced at a total rate (open loop), reporting messages/s and
// p50/p99/p99.9 latency. With -i it only holds N idle connections for the duration.
// With -f FILE each connection sends the file's lines in turn (a mix: sessions separated by blank lines, '#' lines
// are comments): connection i starts at the first line of session i mod the number of sessions and cycles through
// every line of the file, so each connection is one long conversation through all the sessions.
// usage: load-client -p PORT [-c CONNS] [-d SECONDS] [-w WARMUP] [-r TOTAL_RATE] [-m MESSAGE | -f FILE] [-g] [-i]
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define RING 256
typedef struct { int fd; int greeted; unsigned head, tail; double sent[RING]; double next; size_t pos; } conn_t;
typedef struct { char *text; size_t len; } line_t;

// Reads a mix file: its lines (each with its '\n'), and the index of each session's first line.
static size_t read_mix(const char *path, line_t **lines, size_t **starts, size_t *nstarts) {
    FILE *f = fopen(path, "r");
    if (!f) { perror(path); exit(1); }
    size_t n = 0, cap = 64, ns = 0, scap = 16;
    *lines = malloc(cap * sizeof **lines);
    *starts = malloc(scap * sizeof **starts);
    char buf[4096];
    int fresh = 1;
    while (fgets(buf, sizeof buf, f)) {
        size_t len = strcspn(buf, "\r\n");
        buf[len] = 0;
        if (buf[0] == '#') continue;
        if (len == 0) { fresh = 1; continue; }
        if (n == cap) *lines = realloc(*lines, (cap *= 2) * sizeof **lines);
        if (fresh) {
            if (ns == scap) *starts = realloc(*starts, (scap *= 2) * sizeof **starts);
            (*starts)[ns++] = n;
            fresh = 0;
        }
        (*lines)[n].text = malloc(len + 2);
        memcpy((*lines)[n].text, buf, len);
        (*lines)[n].text[len] = '\n';
        (*lines)[n].len = len + 1;
        n++;
    }
    fclose(f);
    if (n == 0) { fprintf(stderr, "%s: no lines\n", path); exit(1); }
    *nstarts = ns;
    return n;
}

static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + t.tv_nsec / 1e9; }
static int cmp(const void *a, const void *b) { double x = *(const double *)a, y = *(const double *)b; return x < y ? -1 : x > y; }

int main(int argc, char **argv) {
    int port = 7700, conns = 1, greeting = 0, idle = 0, opt;
    double duration = 5, warmup = 1, rate = 0;
    const char *message = "hello", *mix = NULL;
    while ((opt = getopt(argc, argv, "p:c:d:w:r:m:f:gi")) != -1) {
        switch (opt) {
        case 'p': port = atoi(optarg); break;
        case 'c': conns = atoi(optarg); break;
        case 'd': duration = atof(optarg); break;
        case 'w': warmup = atof(optarg); break;
        case 'r': rate = atof(optarg); break;
        case 'm': message = optarg; break;
        case 'f': mix = optarg; break;
        case 'g': greeting = 1; break;
        case 'i': idle = 1; break;
        default: fprintf(stderr, "bad option\n"); return 2;
        }
    }
    signal(SIGPIPE, SIG_IGN);
    line_t *lines, single;
    size_t *starts, nstarts = 1, zero = 0, nlines = 1;
    if (mix) {
        nlines = read_mix(mix, &lines, &starts, &nstarts);
    } else {
        single.len = strlen(message) + 1;
        single.text = malloc(single.len);
        memcpy(single.text, message, single.len - 1);
        single.text[single.len - 1] = '\n';
        lines = &single;
        starts = &zero;
    }
    conn_t *cs = calloc((size_t)conns, sizeof *cs);
    int ep = epoll_create1(0), one = 1;
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(port), .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    for (int i = 0; i < conns; i++) {
        int fd = socket(AF_INET, SOCK_STREAM, 0);
        if (fd < 0 || connect(fd, (struct sockaddr *)&a, sizeof a) < 0) { perror("connect"); return 1; }
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        cs[i].fd = fd;
        cs[i].greeted = !greeting;
        cs[i].pos = starts[(size_t)i % nstarts];
        struct epoll_event ev = {.events = EPOLLIN, .data.u32 = (unsigned)i};
        epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev);
    }
    if (idle) {
        printf("idle: %d connections open, holding %.0f s\n", conns, duration);
        fflush(stdout);
        sleep((unsigned)duration);
        return 0;
    }
    size_t cap = 1 << 24, count = 0;
    double *lat = malloc(cap * sizeof *lat);
    double start = now(), measure = start + warmup, end = measure + duration;
    double interval = rate > 0 ? conns / rate : 0;
    long sentTotal = 0, recvMeasured = 0, errors = 0;
    for (int i = 0; i < conns; i++) cs[i].next = start + (rate > 0 ? interval * i / conns : 0);
    struct epoll_event evs[512];
    char buf[65536];
    while (1) {
        double t = now();
        if (t >= end) break;
        for (int i = 0; i < conns; i++) {
            conn_t *c = &cs[i];
            if (c->fd < 0 || !c->greeted) continue;
            int due = rate > 0 ? (t >= c->next) : (c->head == c->tail);
            if (!due || c->tail - c->head >= RING) continue;
            line_t *l = &lines[c->pos];
            c->pos = (c->pos + 1) % nlines;
            if (send(c->fd, l->text, l->len, MSG_NOSIGNAL) != (ssize_t)l->len) { errors++; close(c->fd); c->fd = -1; continue; }
            c->sent[c->tail++ % RING] = t;
            sentTotal++;
            if (rate > 0) c->next += interval;
        }
        int n = epoll_wait(ep, evs, 512, rate > 0 ? 1 : 10);
        t = now();
        for (int k = 0; k < n; k++) {
            conn_t *c = &cs[evs[k].data.u32];
            ssize_t r = read(c->fd, buf, sizeof buf);
            if (r <= 0) { if (r < 0 && errno == EAGAIN) continue; errors++; epoll_ctl(ep, EPOLL_CTL_DEL, c->fd, NULL); close(c->fd); c->fd = -1; continue; }
            for (ssize_t j = 0; j < r; j++) {
                if (buf[j] != '\n') continue;
                if (!c->greeted) { c->greeted = 1; continue; }
                if (c->head == c->tail) continue;
                double sentAt = c->sent[c->head++ % RING];
                if (sentAt >= measure) {
                    recvMeasured++;
                    if (count < cap) lat[count++] = (t - sentAt) * 1e6;
                }
            }
        }
    }
    qsort(lat, count, sizeof *lat, cmp);
    double p50 = count ? lat[count / 2] : 0, p99 = count ? lat[(size_t)(count * 0.99)] : 0;
    double p999 = count ? lat[(size_t)(count * 0.999)] : 0;
    printf("conns=%d mode=%s msgs=%ld rate=%.0f msg/s p50=%.0fus p99=%.0fus p99.9=%.0fus errors=%ld\n", conns,
           rate > 0 ? "paced" : "closed", recvMeasured, recvMeasured / duration, p50, p99, p999,
           errors);
    if (rate > 0) printf("  (target rate %.0f msg/s)\n", rate);
    return 0;
}
