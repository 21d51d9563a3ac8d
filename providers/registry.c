/*
 * registry.c - the one table of providers. A new source is one file under
 * providers/ and one line here. They run in this order, by module name,
 * so that the kstats of a sample arrive nearly sorted.
 */
#include <stddef.h>

#include "providers.h"

const struct dk_provider *const dk_providers[] = {
	&dk_provider_cpu,
	&dk_provider_disk,
	&dk_provider_fs,
	&dk_provider_intr,
	&dk_provider_load,
	&dk_provider_mem,
	&dk_provider_net,
	&dk_provider_psi,
	&dk_provider_softirq,
	&dk_provider_swap,
	&dk_provider_sys,
	&dk_provider_uptime,
	&dk_provider_vm,
};

const size_t dk_nproviders = sizeof(dk_providers) / sizeof(dk_providers[0]);
