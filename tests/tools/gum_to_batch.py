#!/usr/bin/env python3
"""gum_to_batch.py GUM.ptb OUT.xml -- turn GUM's PTB trees (../shared/gum) into
a PETRARCH2 batch file: function tags stripped (NP-SBJ -> NP, as CoreNLP's
trees have none), text = the leaves, five sentences a story, date 20100101.
Used to make tests/data/reference/gum-train.batch.xml, a parity input with
far more varied syntax than the unit-test records.  Dev tool, stdlib only."""
import re
import sys
from xml.sax.saxutils import escape


def trees(path):
    cur = []
    for line in open(path, encoding='utf-8'):
        if not line.strip():
            if cur:
                yield ' '.join(cur)
                cur = []
            continue
        cur.append(line.strip())
    if cur:
        yield ' '.join(cur)


def main(src, dst):
    out = ['<Sentences>']
    for i, t in enumerate(trees(src)):
        t = re.sub(r'\(([A-Z]+)(-[A-Z]+)+(?=\s)', r'(\1', t)
        text = ' '.join(re.findall(r'\(\S+ ([^()\s]+)\)', t))
        sid = 'GUM%04d_%d' % (i // 5, i % 5 + 1)
        out.append('<Sentence date="20100101" id="%s" source="GUM" sentence="True">\n'
                   '<Text>\n%s\n</Text>\n<Parse>\n%s\n</Parse>\n</Sentence>'
                   % (sid, escape(text), escape(t)))
    out.append('</Sentences>')
    open(dst, 'w', encoding='utf-8').write('\n'.join(out))


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
