#ifndef CQ_LIBEDIT_SHIM_H
#define CQ_LIBEDIT_SHIM_H
#include <stdio.h>
#include <histedit.h>

static inline EditLine *cq_el_init(const char *prog) { return el_init(prog, stdin, stdout, stderr); }
#endif
