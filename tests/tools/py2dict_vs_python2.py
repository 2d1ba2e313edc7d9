#!/usr/bin/env python2.7
# -*- coding: utf-8 -*-
"""Developer check (needs CPython 2.7, not part of `make test`): compares
pc_py2dict_order()/pc_py2_hash() (via build/tools/py2dict_order) with real
CPython 2.7 dicts on many random key sets.

    make tools && python2.7 tests/tools/py2dict_vs_python2.py [CASES] [SEED]

Keys are unicode strings (as PETRARCH2's reader produces) drawn from ASCII,
Latin-1, BMP and astral code points, digits only (sentence ids), upper-case
codes (issue codes), with duplicates, empty strings and sizes that cross
every resize threshold up to a few thousand keys.  Exit status 1 on any
mismatch."""
from __future__ import print_function
import random
import subprocess
import sys

TOOL = 'build/tools/py2dict_order'
ALPHABETS = [
    u'0123456789',
    u'ABCDEFGHIJKLMNOPQRSTUVWXYZ_',
    u'abcdefghijklmnopqrstuvwxyz-.0123456789',
    u'a\u00e9\u00fc\u00df\u4e2d\u6587\u0416\U0001F600\U00010348 ',
]


def rand_key(rng):
    alpha = rng.choice(ALPHABETS)
    return u''.join(rng.choice(alpha) for _ in range(rng.choice([0, 1, 1, 2, 3, 5, 8, 12, 30])))


def rand_case(rng):
    size = rng.choice([0, 1, 2, 5, 6, 7, 8, 11, 21, 22, 43, 86, 100, 171, 342, 683, 1000, 2731, 5000, 60000])
    keys = [rand_key(rng) for _ in range(size)]
    # duplicates: re-insert some earlier keys later on
    for _ in range(rng.choice([0, 0, 1, 3, size // 4 + 1])):
        if keys:
            keys.insert(rng.randrange(len(keys) + 1), rng.choice(keys))
    if rng.random() < 0.3:
        keys = [u'%d' % (i + 1) for i in range(size)]  # sentence ids 1..n
    return keys


def python_order(keys):
    d = {}
    first = {}
    for i, k in enumerate(keys):
        d[k] = i
        first.setdefault(k, i)
    return [first[k] for k in d]


def main():
    ncases = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 12345
    rng = random.Random(seed)
    cases = [rand_case(rng) for _ in range(ncases)]
    inp = u''.join(u'%d\t%s\n' % (len(c), u'\t'.join(c)) for c in cases).encode('utf-8')
    bad = 0
    for flag, expect in (([], lambda c: u' '.join(u'%d' % i for i in python_order(c))),
                         (['-h'], lambda c: u' '.join(u'%d' % hash(k) for k in c))):
        p = subprocess.Popen([TOOL] + flag, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        out, _ = p.communicate(inp)
        got = out.decode('utf-8').split(u'\n')
        for i, c in enumerate(cases):
            if got[i] != expect(c):
                bad += 1
                if bad < 5:
                    print('MISMATCH %s case %d: keys=%r\n  python: %s\n  C:      %s'
                          % (flag, i, c[:20], expect(c)[:200], got[i][:200]))
    nkeys = sum(len(c) for c in cases)
    print('%d cases (%d keys), %d mismatches' % (ncases, nkeys, bad))
    sys.exit(1 if bad else 0)


if __name__ == '__main__':
    main()
