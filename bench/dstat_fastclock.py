# dstat_fastclock.py - run dstat with a fake clock: its scheduler's
# time.sleep() advances the clock instead of sleeping, so the unchanged
# loop collects and formats sample after sample at full speed. The cost
# per sample is then dstat's own work, without waiting (the method of the
# reference's dstat-bench/fastclock.py).
# Usage: python3 bench/dstat_fastclock.py [dstat options] delay count
import sys
import time

_now = [time.time()]


def _time():
    return _now[0]


def _sleep(seconds):
    _now[0] += seconds


time.time = _time
time.sleep = _sleep
path = "/usr/bin/dstat"
sys.argv = [path] + sys.argv[1:]
with open(path) as f:
    code = compile(f.read(), path, "exec")
exec(code, {"__name__": "__main__", "__file__": path})
