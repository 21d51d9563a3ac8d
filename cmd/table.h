/* table.h - table mode (dstat-style delta tables): its own entry point. */
#ifndef DK_CMD_TABLE_H
#define DK_CMD_TABLE_H

/*
 * Parse argv as a table-mode command line and run it; returns the exit
 * status. Called by main() when the command line holds no dump option.
 */
int table_main(int argc, char **argv);

#endif
