#!/usr/bin/env python3
"""SQLite alone, through the system's library (python3's sqlite3 links it), for the storage
choices in docs/performance.md ("Group commit"):

  python3 bench/sqlite_probe.py journal /var/tmp   # commit latency: WAL against the rollback journal
  python3 bench/sqlite_probe.py locking /dev/shm   # CPU per transaction: NORMAL against EXCLUSIVE locking

Count the system calls with `strace -f -c -e trace=fdatasync,fcntl python3 bench/sqlite_probe.py ...`.
"""
import os
import resource
import sqlite3
import statistics
import sys
import time


def fresh(path, locking, journal):
    for suffix in ('', '-wal', '-shm', '-journal'):
        try:
            os.unlink(path + suffix)
        except FileNotFoundError:
            pass
    db = sqlite3.connect(path, isolation_level=None)
    db.execute(f'PRAGMA locking_mode={locking}')
    db.execute(f'PRAGMA journal_mode={journal}')
    db.execute('PRAGMA synchronous=FULL')
    db.execute('CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT)')
    return db


def journal(folder, n=300):
    """One-row write transactions, exclusive locking, synchronous=FULL: commit latency."""
    for mode in ('wal', 'delete'):
        db = fresh(f'{folder}/sqlite-probe-{mode}.db', 'exclusive', mode)
        times = []
        for _ in range(n):
            t = time.perf_counter()
            db.execute('BEGIN IMMEDIATE')
            db.execute('INSERT INTO t (body) VALUES (?)', ('x' * 200,))
            db.execute('COMMIT')
            times.append(time.perf_counter() - t)
        db.close()
        times.sort()
        print(f'{mode:6} {folder}: commit p50 {statistics.median(times) * 1e3:.2f} ms, '
              f'mean {statistics.mean(times) * 1e3:.2f} ms, p90 {times[int(n * 0.9)] * 1e3:.2f} ms')


def locking(folder, n=20000):
    """WAL, synchronous=FULL: a read and an insert per transaction, then an autocommit read."""
    for mode in ('normal', 'exclusive'):
        db = fresh(f'{folder}/sqlite-probe-{mode}.db', mode, 'wal')
        r0 = resource.getrusage(resource.RUSAGE_SELF)
        for i in range(n):
            db.execute('BEGIN IMMEDIATE')
            db.execute('SELECT count(*) FROM t WHERE id = ?', (i,)).fetchone()
            db.execute('INSERT INTO t (body) VALUES (?)', ('x' * 200,))
            db.execute('COMMIT')
            db.execute('SELECT body FROM t WHERE id = ?', (i,)).fetchone()
        r1 = resource.getrusage(resource.RUSAGE_SELF)
        db.close()
        cpu = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
        print(f'{mode:9}: {cpu / n * 1e6:.1f} us CPU per transaction, of which system '
              f'{(r1.ru_stime - r0.ru_stime) / n * 1e6:.1f} us')


if __name__ == '__main__':
    if len(sys.argv) != 3 or sys.argv[1] not in ('journal', 'locking'):
        sys.exit(__doc__)
    {'journal': journal, 'locking': locking}[sys.argv[1]](sys.argv[2])
