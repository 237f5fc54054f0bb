/* buf.h: a growable byte buffer for building strings (output lines, messages). */
#ifndef DYAD_BUF_H
#define DYAD_BUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct buf {
    char *data;    /* always NUL-terminated when non-NULL */
    size_t len, cap;
    int failed;    /* set once an allocation failed; later appends do nothing */
} buf;

#define BUF_INIT {NULL, 0, 0, 0}

int buf_reserve(buf *b, size_t extra);
int buf_append(buf *b, const char *s, size_t n);
int buf_puts(buf *b, const char *s);
int buf_putc(buf *b, char c);
int buf_printf(buf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Append s[0..n) as the body of a JSON string (no surrounding quotes). */
int buf_json_escape(buf *b, const char *s, size_t n);
void buf_clear(buf *b);
void buf_free(buf *b);

#endif
