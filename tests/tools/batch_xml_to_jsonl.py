#!/usr/bin/env python3
"""Convert a PETRARCH batch XML file into petrarch-c's JSON Lines input, one
story per line with its pre-parsed sentences in input order:

    {"id": STORY, "date": ..., "source": ..., "sentences": [{"id": SENT, "text": ..., "parse": ...}]}

Records are grouped by story id (the part of id="STORY_SENT" before the last
'_'), wherever they are in the file, as PETRARCH2 and `petrarch batch` merge
them; date and source are the story's first record's.  Text and Parse are
kept verbatim.  A developer tool (it made tests/data/formats/*.jsonl.gz);
stdlib only.

Usage: batch_xml_to_jsonl.py INPUT.xml > OUTPUT.jsonl
"""
import json
import sys
import xml.etree.ElementTree as ET


def main(path):
    stories, order = {}, []
    for s in ET.parse(path).getroot().iter('Sentence'):
        story, sent = s.get('id').rsplit('_', 1)
        if story not in stories:
            stories[story] = {'id': story, 'date': s.get('date'), 'source': s.get('source'),
                              'sentences': []}
            order.append(story)
        stories[story]['sentences'].append(
            {'id': sent, 'text': s.find('Text').text, 'parse': s.find('Parse').text})
    for story in order:
        sys.stdout.write(json.dumps(stories[story], ensure_ascii=False) + '\n')


if __name__ == '__main__':
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
