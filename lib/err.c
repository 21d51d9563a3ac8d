/* err.c - filling struct dk_err. */
#include "err.h"

#include <stdarg.h>
#include <stdio.h>

int
dk_err_set(struct dk_err *err, const char *fmt, ...)
{
	va_list ap;

	if (err == NULL)
		return -1;
	va_start(ap, fmt);
	(void)vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	return -1;
}

void
dk_err_clear(struct dk_err *err)
{
	if (err != NULL)
		err->msg[0] = '\0';
}
