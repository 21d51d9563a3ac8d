/*
 * err.h - the error record the library fills instead of printing.
 *
 * Every library function that can fail returns -1 (or NULL) and, when its
 * caller passed a non-NULL struct dk_err, writes one lowercase line without
 * a full stop saying what failed first ("cannot open proc/stat: ...").
 */
#ifndef DK_ERR_H
#define DK_ERR_H

#define DK_ERR_MAX 512

struct dk_err {
	char msg[DK_ERR_MAX];
};

/* Format a message into err (if non-NULL); always returns -1. */
int dk_err_set(struct dk_err *err, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Empty the message. */
void dk_err_clear(struct dk_err *err);

#endif
