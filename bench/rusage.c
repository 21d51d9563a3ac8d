/*
 * rusage.c - run a command and print the CPU it used and its peak RSS:
 * "user_s sys_s maxrss_kib wall_s". stdout of the command goes to
 * /dev/null. Usage: rusage command [arg...]
 */
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
	struct rusage ru;
	double t0 = now();
	pid_t pid;
	int st;

	if (argc < 2) {
		fprintf(stderr, "usage: rusage command [arg...]\n");
		return 2;
	}
	pid = fork();
	if (pid == 0) {
		int fd = open("/dev/null", O_WRONLY);

		dup2(fd, 1);
		execvp(argv[1], argv + 1);
		_exit(127);
	}
	if (pid < 0 || wait4(pid, &st, 0, &ru) < 0)
		return 3;
	printf("%.6f %.6f %ld %.6f\n",
	    (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6,
	    (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6,
	    ru.ru_maxrss, now() - t0);
	return WIFEXITED(st) ? WEXITSTATUS(st) : 1;
}
