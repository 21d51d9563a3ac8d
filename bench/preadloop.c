/*
 * preadloop.c - the floor: the cost of reading the same files as dstatk
 * with nothing else. Opens every file once, then N times reads each one
 * whole with pread from offset 0 until it returns 0 (as dstatk's reader
 * does), without parsing. With -i SECONDS it sleeps to absolute deadlines
 * on CLOCK_MONOTONIC between rounds, as a table at that delay does, so the
 * floor includes the wake-ups and cold caches a sampling tool pays.
 * Usage: preadloop [-i seconds] N file...
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv);

static void
sleep_until(long long ns)
{
	struct timespec ts;

	ts.tv_sec = (time_t)(ns / 1000000000LL);
	ts.tv_nsec = (long)(ns % 1000000000LL);
	while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, NULL) != 0)
		;
}

int
main(int argc, char **argv)
{
	static char buf[65536];
	long n, i;
	long long step = 0, next = 0;
	int f, nf, *fds;
	struct timespec ts;

	if (argc > 2 && strcmp(argv[1], "-i") == 0) {
		step = (long long)(atof(argv[2]) * 1e9);
		argc -= 2;
		argv += 2;
	}
	if (argc < 3) {
		fprintf(stderr, "usage: preadloop [-i seconds] N file...\n");
		return 2;
	}
	n = atol(argv[1]);
	nf = argc - 2;
	fds = calloc((size_t)nf, sizeof(*fds));
	if (fds == NULL)
		return 3;
	for (f = 0; f < nf; f++)
		if ((fds[f] = open(argv[f + 2], O_RDONLY | O_CLOEXEC)) < 0)
			fds[f] = -1;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	next = (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
	for (i = 0; i < n; i++) {
		for (f = 0; f < nf; f++) {
			off_t off = 0;
			ssize_t r;

			if (fds[f] < 0)
				continue;
			while ((r = pread(fds[f], buf, sizeof(buf), off)) > 0)
				off += r;
		}
		if (step > 0 && i + 1 < n) {
			next += step;
			sleep_until(next);
		}
	}
	free(fds);
	return 0;
}
