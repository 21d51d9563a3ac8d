/*
 * cputime.c - run a command (stdout to /dev/null) and print the CPU time
 * it used, exactly, its peak RSS and the wall time, then the CPU time
 * getrusage() gives for it and its children:
 * "cpu_s maxrss_kib wall_s rusage_cpu_s".
 *
 * getrusage() is no good for a process that sleeps between short bursts
 * on a kernel with tick-based accounting (CONFIG_TICK_CPU_ACCOUNTING, as
 * here): a tick charges its whole length to whoever happens to run. The
 * scheduler's own runtime (/proc/PID/schedstat, first field, ns) is exact;
 * it is read while the child is a zombie (waitid WNOWAIT), before reaping.
 * It counts the child alone: for a shell loop of many short processes the
 * last field (children included, tick-sampled, unbiased over many runs)
 * is the one to read.
 * Usage: cputime command [arg...]
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv);

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int
main(int argc, char **argv)
{
	char path[64], line[256];
	unsigned long long ns = 0;
	double t0 = now(), wall;
	struct rusage ru;
	siginfo_t si;
	FILE *f;
	pid_t pid;
	int st;

	if (argc < 2) {
		fprintf(stderr, "usage: cputime command [arg...]\n");
		return 2;
	}
	pid = fork();
	if (pid == 0) {
		int fd = open("/dev/null", O_WRONLY);

		dup2(fd, 1);
		execvp(argv[1], argv + 1);
		_exit(127);
	}
	if (pid < 0 || waitid(P_PID, (id_t)pid, &si, WEXITED | WNOWAIT) != 0)
		return 3;
	wall = now() - t0;
	snprintf(path, sizeof(path), "/proc/%d/schedstat", (int)pid);
	f = fopen(path, "r");
	if (f != NULL && fgets(line, sizeof(line), f) != NULL)
		sscanf(line, "%llu", &ns);
	if (f != NULL)
		fclose(f);
	if (wait4(pid, &st, 0, &ru) < 0)
		return 3;
	printf("%.9f %ld %.6f %.6f\n", (double)ns / 1e9, ru.ru_maxrss, wall,
	    (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
		(double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6);
	return WIFEXITED(st) ? WEXITSTATUS(st) : 1;
}
