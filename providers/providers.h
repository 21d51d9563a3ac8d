/* providers.h - every provider the registry lists (one per file). */
#ifndef DK_PROVIDERS_H
#define DK_PROVIDERS_H

#include "../lib/collect.h"

extern const struct dk_provider dk_provider_cpu;
extern const struct dk_provider dk_provider_sys;
extern const struct dk_provider dk_provider_mem;
extern const struct dk_provider dk_provider_vm;
extern const struct dk_provider dk_provider_load;
extern const struct dk_provider dk_provider_uptime;
extern const struct dk_provider dk_provider_disk;
extern const struct dk_provider dk_provider_net;
extern const struct dk_provider dk_provider_intr;
extern const struct dk_provider dk_provider_softirq;
extern const struct dk_provider dk_provider_psi;
extern const struct dk_provider dk_provider_swap;
extern const struct dk_provider dk_provider_fs;

#endif
