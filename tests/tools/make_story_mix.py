#!/usr/bin/env python3
"""Build a PETRARCH2 batch file of MULTI-sentence stories out of the
one-sentence unit-test stories, to check the story layer (sentence order,
one-a-story filter, issues and texts of repeated events, discards inside a
story) against PETRARCH2 itself:

    python3 tests/tools/make_story_mix.py IN.batch.xml OUT.xml [--seed N]
    tests/tools/make_reference.sh OUT.xml OUT.evts.txt      # PETRARCH2 (python2.7)

Each story takes 1-14 records (random, with repeats of a record inside a
story so that the same event comes from several sentences) and numbers its
sentences with ids that are a random permutation of 1..N, written in a random
order (PETRARCH2 keys sentences by id, so input order does not matter but the
ids do).  The story date is its first record's date; every record keeps its
Text and Parse verbatim.  Deterministic for a given seed.  stdlib only."""

import argparse
import random
import re
from xml.sax.saxutils import quoteattr


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('inp')
    ap.add_argument('out')
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--stories', type=int, default=120)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    src = open(a.inp, encoding='utf-8').read()
    recs = []
    for m in re.finditer(r'<Sentence ([^>]*)>\s*(<Text>.*?</Text>)\s*(<Parse>.*?</Parse>)\s*</Sentence>',
                         src, re.S):
        date = re.search(r'date="([^"]*)"', m.group(1)).group(1)
        recs.append((date, m.group(2), m.group(3)))
    lines = ['<!-- multi-sentence stories built by make_story_mix.py, seed %d, from %s -->'
             % (a.seed, a.inp.split('/')[-1]), '<Sentences>']
    for s in range(a.stories):
        n = rng.choice([1, 2, 2, 3, 3, 4, 5, 6, 8, 11, 12, 13, 14])
        picked = [rng.choice(recs) for _ in range(n)]
        if n > 2 and rng.random() < 0.5:   # the same sentence twice in a story
            picked[rng.randrange(n)] = picked[rng.randrange(n)]
        ids = list(range(1, n + 1))
        rng.shuffle(ids)
        order = list(range(n))
        rng.shuffle(order)
        story = 'MIX%03d' % s
        date = picked[0][0]
        for k in order:
            _, text, parse = picked[k]
            # the story's first written record gives PETRARCH2 its date
            lines.append('<Sentence date=%s id=%s source=%s sentence="True">'
                         % (quoteattr(date), quoteattr('%s_%d' % (story, ids[k])),
                            quoteattr('SRC%d' % (s % 3))))
            lines.append(text)
            lines.append(parse)
            lines.append('</Sentence>')
    lines.append('</Sentences>')
    with open(a.out, 'w', encoding='utf-8', newline='\n') as f:
        f.write('\n'.join(lines) + '\n')


if __name__ == '__main__':
    main()
