#ifndef CQ_LIBEDIT_SHIM_H
#define CQ_LIBEDIT_SHIM_H

/*
 * Non-variadic wrappers around libedit for Swift, plus the SIGINT plumbing the
 * REPL needs.
 *
 * - Swift cannot call the C variadic functions el_set, el_get and history, and
 *   it cannot name the C globals stdin/stdout/stderr in Swift 6 mode, so each
 *   operation used by the REPL has a static inline wrapper here.
 * - The interrupt state must be ONE object shared by every Swift file that
 *   includes this header. A `static` variable would be duplicated per object
 *   file in non-WMO builds, so it is a weak definition the linker merges.
 */

#include <errno.h>
#include <fcntl.h>
#include <histedit.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/types.h>
#include <unistd.h>
#include <wchar.h>

typedef char *(*cq_prompt_fn)(EditLine *);
typedef unsigned char (*cq_el_fn)(EditLine *, int);

/* ---------------------------------------------------------------- interrupts */

/* Set by the SIGINT handler, cleared by cq_interrupt_take(). */
__attribute__((weak)) volatile sig_atomic_t cq_interrupt_pending = 0;
/* Self-pipe: the handler writes a byte so poll() in the line reader wakes up,
   whichever thread the kernel delivered the signal to. */
__attribute__((weak)) int cq_interrupt_pipe[2] = {-1, -1};
__attribute__((weak)) struct sigaction cq_interrupt_saved_action;
__attribute__((weak)) int cq_interrupt_installed = 0;

static void cq_interrupt_handler(int sig) {
    (void)sig;
    int saved = errno;
    cq_interrupt_pending = 1;
    if (cq_interrupt_pipe[1] >= 0) {
        char byte = 1;
        ssize_t written = write(cq_interrupt_pipe[1], &byte, 1);
        (void)written;
    }
    errno = saved;
}

static inline void cq_interrupt_drain(void) {
    char buffer[64];
    if (cq_interrupt_pipe[0] < 0) return;
    while (read(cq_interrupt_pipe[0], buffer, sizeof buffer) > 0) {}
}

/* Installs the SIGINT handler WITHOUT SA_RESTART, so blocking reads fail with
   EINTR instead of silently restarting. Returns 0 on success. */
static inline int cq_interrupt_install(void) {
    if (cq_interrupt_installed) return 0;
    if (cq_interrupt_pipe[0] < 0) {
        int fds[2];
        if (pipe2(fds, O_CLOEXEC | O_NONBLOCK) != 0) return -1;
        cq_interrupt_pipe[0] = fds[0];
        cq_interrupt_pipe[1] = fds[1];
    }
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = cq_interrupt_handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    if (sigaction(SIGINT, &action, &cq_interrupt_saved_action) != 0) return -1;
    cq_interrupt_installed = 1;
    return 0;
}

/* Puts back whatever SIGINT disposition was there before cq_interrupt_install. */
static inline int cq_interrupt_restore(void) {
    if (!cq_interrupt_installed) return 0;
    cq_interrupt_installed = 0;
    return sigaction(SIGINT, &cq_interrupt_saved_action, NULL);
}

/* Returns 1 if an interrupt arrived since the last call, and clears it. */
static inline int cq_interrupt_take(void) {
    cq_interrupt_drain();
    return __atomic_exchange_n(&cq_interrupt_pending, 0, __ATOMIC_SEQ_CST) != 0;
}

/* Blocks until `fd` is readable (1), an interrupt is pending (0) or poll fails (-1). */
static inline int cq_wait_readable(int fd) {
    for (;;) {
        if (cq_interrupt_pending) return 0;
        struct pollfd fds[2] = {{fd, POLLIN, 0}, {cq_interrupt_pipe[0], POLLIN, 0}};
        nfds_t count = cq_interrupt_pipe[0] >= 0 ? 2 : 1;
        int ready = poll(fds, count, -1);
        if (ready < 0) {
            if (errno == EINTR) continue;
            return -1;
        }
        if (count == 2 && (fds[1].revents & POLLIN)) cq_interrupt_drain();
        if (cq_interrupt_pending) return 0;
        if (fds[0].revents & (POLLIN | POLLHUP | POLLERR | POLLNVAL)) return 1;
    }
}

/* EL_GETCFN reader: libedit's own reader, except that it also wakes up on the
   interrupt pipe, so Ctrl-C ends el_gets (NULL, count -1) even when SIGINT was
   delivered to another thread. Decodes multibyte input like libedit does. */
static inline int cq_read_char(EditLine *el, wchar_t *out) {
    (void)el;
    char bytes[MB_LEN_MAX];
    size_t used = 0;
    for (;;) {
        int state = cq_wait_readable(STDIN_FILENO);
        if (state <= 0) {
            if (state == 0) errno = EINTR;
            *out = L'\0';
            return -1;
        }
        ssize_t got = read(STDIN_FILENO, bytes + used, 1);
        if (got == 0) { *out = L'\0'; return 0; }
        if (got < 0) {
            if (errno == EINTR || errno == EAGAIN) continue;
            *out = L'\0';
            return -1;
        }
        used += 1;
        mbstate_t mbs;
        memset(&mbs, 0, sizeof mbs);
        size_t decoded = mbrtowc(out, bytes, used, &mbs);
        if (decoded == (size_t)-2) {            /* incomplete sequence */
            if (used >= MB_LEN_MAX) used = 0;
            continue;
        }
        if (decoded == (size_t)-1) {            /* invalid: keep the last byte if it may start a new one */
            if (used > 1) { bytes[0] = bytes[used - 1]; used = 1; } else { used = 0; }
            continue;
        }
        return 1;
    }
}

/* -------------------------------------------------------------------- editor */

static inline EditLine *cq_el_init(const char *prog) { return el_init(prog, stdin, stdout, stderr); }
static inline int cq_el_set_prompt(EditLine *el, cq_prompt_fn fn, char escape) {
    return el_set(el, EL_PROMPT_ESC, fn, escape);
}
static inline int cq_el_set_editor(EditLine *el, const char *mode) { return el_set(el, EL_EDITOR, mode); }
static inline int cq_el_set_signal(EditLine *el, int on) { return el_set(el, EL_SIGNAL, on); }
static inline int cq_el_set_clientdata(EditLine *el, void *data) { return el_set(el, EL_CLIENTDATA, data); }
static inline void *cq_el_get_clientdata(EditLine *el) {
    void *data = NULL;
    if (el_get(el, EL_CLIENTDATA, &data) != 0) return NULL;
    return data;
}
/* Puts the terminal in raw mode now. el_gets itself only does so after drawing
   the prompt, so keys typed right after the prompt appears would otherwise be
   handled by the cooked line discipline (a Ctrl-D there is lost). */
static inline int cq_el_prepare_terminal(EditLine *el) { return el_set(el, EL_PREP_TERM, 1); }
static inline int cq_el_set_interruptible_reader(EditLine *el) { return el_set(el, EL_GETCFN, cq_read_char); }
static inline int cq_el_addfn(EditLine *el, const char *name, const char *help, cq_el_fn fn) {
    return el_set(el, EL_ADDFN, name, help, fn);
}
static inline int cq_el_bind(EditLine *el, const char *key, const char *command) {
    return el_set(el, EL_BIND, key, command, (const char *)NULL); /* NULL-terminated */
}
static inline int cq_el_set_hist(EditLine *el, History *h) { return el_set(el, EL_HIST, history, h); }
/* Reads $EDITRC or ~/.editrc; `cq:` lines apply to this program only. */
static inline int cq_el_source_user_config(EditLine *el) { return el_source(el, NULL); }
/* Terminal width in columns, or `fallback` if the terminal does not say. */
static inline int cq_el_columns(EditLine *el, int fallback) {
    int columns = 0;
    if (el_get(el, EL_GETTC, "co", &columns, (void *)NULL) != 0 || columns <= 0) return fallback;
    return columns;
}

/* ------------------------------------------------------------------- history */

static inline int cq_hist_setsize(History *h, HistEvent *ev, int size) { return history(h, ev, H_SETSIZE, size); }
static inline int cq_hist_enter(History *h, HistEvent *ev, const char *entry) { return history(h, ev, H_ENTER, entry); }
static inline int cq_hist_load(History *h, HistEvent *ev, const char *path) { return history(h, ev, H_LOAD, path); }
static inline int cq_hist_last(History *h, HistEvent *ev) { return history(h, ev, H_LAST); }
static inline int cq_hist_prev(History *h, HistEvent *ev) { return history(h, ev, H_PREV); }
static inline int cq_hist_clear(History *h, HistEvent *ev) { return history(h, ev, H_CLEAR); }

/* Writes the history to `fd` (libedit's vis-encoded format), flushes it to disk
   and closes `fd`. Returns the number of entries written or -1. */
static inline int cq_hist_save_fd(History *h, HistEvent *ev, int fd) {
    FILE *file = fdopen(fd, "w");
    if (file == NULL) { close(fd); return -1; }
    int saved = history(h, ev, H_SAVE_FP, file);
    if (fflush(file) != 0 || fsync(fd) != 0) saved = -1;
    if (fclose(file) != 0) saved = -1;
    return saved;
}

/* ---------------------------------------------------------------------- misc */

/* Width of the terminal on `fd` in columns, or 0 if it is not a terminal. */
static inline int cq_terminal_columns(int fd) {
    struct winsize size;
    if (ioctl(fd, TIOCGWINSZ, &size) != 0) return 0;
    return size.ws_col;
}

/* The number of rows of the terminal on fd, or 0 when it is not a terminal. */
static inline int cq_terminal_rows(int fd) {
    struct winsize size;
    if (ioctl(fd, TIOCGWINSZ, &size) != 0) return 0;
    return size.ws_row;
}

/* Flushes C stdio buffers before the REPL writes to a descriptor directly, so
   libedit's (or anyone's) buffered output stays in order. */
static inline void cq_flush_stdio(void) {
    fflush(stdout);
    fflush(stderr);
}

#endif
