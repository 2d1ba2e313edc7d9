#!/usr/bin/env python2
# -*- coding: utf-8 -*-
"""dump_petrarch2_dicts.py -- print the dictionaries PETRARCH2 builds, in the
canonical text form of tests/tools/dump_dicts.c, so the two can be diffed.

usage: python2 dump_petrarch2_dicts.py PETRARCH2_SRC CONFIG [DATA_DIR] [--root]

PETRARCH2_SRC is the directory holding the petrarch2 package (a checkout of
github.com/openeventdata/petrarch2).  CONFIG is read with PETRARCH2's own
parse_Config; dictionary names are resolved as petrarch-c resolves them
(the config's directory, then DATA_DIR/dictionaries, then DATA_DIR) and then
handed to PETRARCH2's readers in read_dictionaries' order.  --root turns on
write_actor_root (which changes what the actor reader stores).

Output: one line per leaf or empty node, depth first with keys sorted by their
UTF-8 bytes:  == SECTION  then  ["key","key",...] VALUE
"""
from __future__ import print_function

import os
import sys
import types


def jstr(s):
    """A JSON-like string literal of s (unicode or UTF-8 bytes), UTF-8 out."""
    if isinstance(s, unicode):
        s = s.encode('utf-8')
    out = ['"']
    for ch in s:
        o = ord(ch)
        if ch == '"' or ch == '\\':
            out.append('\\' + ch)
        elif o < 0x20 or o == 0x7f:
            out.append('\\u%04x' % o)
        else:
            out.append(ch)
    out.append('"')
    return ''.join(out)


def keybytes(k):
    if isinstance(k, unicode):
        return k.encode('utf-8')
    if isinstance(k, (int, long)):
        return str(k)
    return k


def jpath(path):
    return '[' + ','.join(jstr(keybytes(k)) for k in path) + ']'


def jlist(words):
    return '[' + ','.join(jstr(w) for w in words) + ']'


def walk(node, path, is_leaf, fmt, out, state=0):
    """Depth-first over a nested dict; is_leaf(key, value, state) decides
    which values are leaves (printed with fmt), state is threaded through."""
    if not node:
        out.append(jpath(path) + ' {}')
        return
    for k in sorted(node.keys(), key=keybytes):
        v = node[k]
        if is_leaf(k, v, state):
            out.append(jpath(path + [k]) + ' ' + fmt(v))
        elif isinstance(v, dict):
            walk(v, path + [k], is_leaf, fmt, out, state + (1 if k == '#' else 0))
        else:
            out.append(jpath(path + [k]) + ' ?' + repr(v))


def fmt_verb(v):
    return '{"code":%s,"meaning":%s,"line":%s}' % (
        jstr(v['code']), jstr(v['meaning']), jstr(v['line']))


def fmt_pattern(v):
    return '{"code":%s,"line":%s}' % (jstr(v['code']), jstr(v['line']))


def fmt_transform(v):
    return '{"answer":%s,"line":%s}' % (jlist(v[0]), jstr(v[1]))


def fmt_actor(v):
    items = []
    for it in v:
        if isinstance(it, tuple):
            items.append('[%s,%s]' % (jstr(it[0]), jlist(it[1])))
        else:
            items.append('{"root":%s}' % jlist(it))
    return '[' + ','.join(items) + ']'


def resolve(name, confdir, data_dir):
    if os.path.isabs(name):
        return name
    cands = [os.path.join(confdir, name)]
    if data_dir is not None:
        cands += [os.path.join(data_dir, 'dictionaries', name),
                  os.path.join(data_dir, name)]
    for c in cands:
        if os.path.isfile(c):
            return c
    sys.exit('not found: ' + name)


def stub_dateutil():
    """utilities.py imports dateutil.parser but the readers never use it."""
    try:
        import dateutil.parser  # noqa: F401
    except ImportError:
        du = types.ModuleType('dateutil')
        dp = types.ModuleType('dateutil.parser')
        du.parser = dp
        sys.modules['dateutil'] = du
        sys.modules['dateutil.parser'] = dp


def main():
    args = [a for a in sys.argv[1:] if not a.startswith('--')]
    if len(args) < 2:
        sys.exit(__doc__)
    src, config = args[0], args[1]
    data_dir = args[2] if len(args) > 2 else None
    sys.path.insert(0, src)
    stub_dateutil()
    from petrarch2 import PETRreader
    G = PETRreader.PETRglobals

    real_stdout = sys.stdout
    sys.stdout = open(os.devnull, 'w')  # the readers print progress
    try:
        PETRreader.parse_Config(config)
        if '--root' in sys.argv:
            G.WriteActorRoot = True
        confdir = os.path.dirname(config)
        res = lambda n: resolve(n, confdir, data_dir)
        PETRreader.read_verb_dictionary(res(G.VerbFileName))
        for name in G.ActorFileList:
            PETRreader.read_actor_dictionary(res(name))
        PETRreader.read_agent_dictionary(res(G.AgentFileName))
        PETRreader.read_discard_list(res(G.DiscardFileName))
        if G.IssueFileName != "":
            PETRreader.read_issue_list(res(G.IssueFileName))
    finally:
        sys.stdout = real_stdout

    out = []
    out.append('== verbs')
    walk(G.VerbDict['verbs'], [], lambda k, v, s: k == '#' and s == 1, fmt_verb, out)
    out.append('== phrases')
    walk(G.VerbDict['phrases'], [], lambda k, v, s: k == '#', fmt_pattern, out)
    out.append('== transforms')
    walk(G.VerbDict['transformations'], [], lambda k, v, s: isinstance(v, list),
         fmt_transform, out)
    out.append('== actors')
    # (by type: a '#' word can reach these tries, see finreader.c)
    walk(G.ActorDict, [], lambda k, v, s: isinstance(v, list), fmt_actor, out)
    out.append('== agents')
    walk(G.AgentDict, [], lambda k, v, s: isinstance(v, basestring), jstr, out)
    out.append('== discards')
    walk(G.DiscardList, [], lambda k, v, s: False, None, out)
    if G.IssueFileName != "":
        out.append('== issues')
        walk(G.IssueList, [], lambda k, v, s: isinstance(v, (int, long)),
             lambda v: '%d %s' % (v, jstr(G.IssueCodes[v])), out)
        out.append('== issue_codes')
        out.append(jlist(G.IssueCodes))
    for line in out:
        real_stdout.write(line + '\n')


if __name__ == '__main__':
    main()
