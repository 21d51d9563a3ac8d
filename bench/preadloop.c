/*
 * preadloop.c - the floor: the cost of reading the same files as dstatk
 * with nothing else. Opens every file once, then N times reads each one
 * whole with pread from offset 0 until it returns 0 (as dstatk's reader
 * does), without parsing. Usage: preadloop N file...
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char **argv);

int
main(int argc, char **argv)
{
	static char buf[65536];
	long n, i;
	int f, nf = argc - 2, *fds;

	if (argc < 3) {
		fprintf(stderr, "usage: preadloop N file...\n");
		return 2;
	}
	n = atol(argv[1]);
	fds = calloc((size_t)nf, sizeof(*fds));
	if (fds == NULL)
		return 3;
	for (f = 0; f < nf; f++)
		if ((fds[f] = open(argv[f + 2], O_RDONLY | O_CLOEXEC)) < 0)
			fds[f] = -1;
	for (i = 0; i < n; i++) {
		for (f = 0; f < nf; f++) {
			off_t off = 0;
			ssize_t r;

			if (fds[f] < 0)
				continue;
			while ((r = pread(fds[f], buf, sizeof(buf), off)) > 0)
				off += r;
		}
	}
	free(fds);
	return 0;
}
