/* dump.h - dump mode (kstat-style reports): its own entry point. */
#ifndef DK_CMD_DUMP_H
#define DK_CMD_DUMP_H

/* Parse argv as a dump-mode command line and run it; the exit status. */
int dump_main(int argc, char **argv);

#endif
