/* load.c - placeholder, being written now: emits nothing yet. */
#include "providers.h"

static int
collect(struct dk_ctx *ctx)
{
	(void)ctx;
	return 0;
}

const struct dk_provider dk_provider_load = {
	.module = "load",
	.description = "",
	.sources = "",
	.collect = collect,
};
