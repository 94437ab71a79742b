// The scheduled interview's .ics, written by the server's code (build/ics-render), read back by an
// independent parser: Debian's python3-icalendar. Checks the UTC start and end, UID, SEQUENCE,
// STATUS, the VALARM, and that long and non-ASCII descriptions survive folding and escaping;
// the raw bytes are checked for CRLF line ends and physical lines of at most 75 octets, none
// ending inside a UTF-8 sequence.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildPath } from '../lib/spawn.js';

// Debian's interpreter, where python3-icalendar is installed (another python3 may come first).
const PYTHON = '/usr/bin/python3';

const PARSE = `
import json, sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
events = cal.walk('VEVENT')
def when(c, key):
    t = c.decoded(key)
    return {'iso': t.isoformat(), 'offset': t.utcoffset().total_seconds() if t.utcoffset() is not None else None}
def text(c, key):
    return c.decoded(key).decode('utf-8') if key in c else None
out = {
    'version': str(cal.get('version')), 'prodid': str(cal.get('prodid')),
    'components': [c.name for c in cal.walk()], 'events': [],
    'errors': [e for c in cal.walk() for e in c.errors],
}
for ev in events:
    out['events'].append({
        'uid': str(ev.get('uid')), 'dtstamp': when(ev, 'dtstamp'), 'dtstart': when(ev, 'dtstart'), 'dtend': when(ev, 'dtend'),
        'sequence': ev.decoded('sequence'), 'status': str(ev.get('status')),
        'summary': text(ev, 'summary'), 'description': text(ev, 'description'), 'url': str(ev.get('url')) if 'url' in ev else None,
        'alarms': [{'action': str(a.get('action')), 'trigger': a.decoded('trigger').total_seconds(), 'description': text(a, 'description')}
                   for a in ev.walk('VALARM')],
    })
print(json.dumps(out))
`;

function render(event) {
  return execFileSync(buildPath('ics-render'), { input: JSON.stringify(event) });
}

function parse(bytes) {
  const dir = mkdtempSync(path.join(tmpdir(), 'mockmate-ics-'));
  try {
    const file = path.join(dir, 'event.ics');
    writeFileSync(file, bytes);
    return JSON.parse(execFileSync(PYTHON, ['-c', PARSE, file]).toString('utf8'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// CRLF after every line, nothing else; each physical line at most 75 octets and whole UTF-8.
function physicalLines(bytes) {
  const text = bytes.toString('latin1'); // one char per octet
  assert.ok(text.endsWith('\r\n'), 'the file ends with CRLF');
  assert.ok(!/[^\r]\n|\r[^\n]/.test(text), 'every line break is CRLF');
  const lines = text.slice(0, -2).split('\r\n');
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  for (const line of lines) {
    assert.ok(line.length <= 75, `a physical line of ${line.length} octets: ${line}`);
    assert.doesNotThrow(() => utf8.decode(Buffer.from(line, 'latin1')), `a line splits a UTF-8 sequence: ${line}`);
  }
  return lines;
}

const base = {
  uid: 's_7f3a@mockmate',
  dtstamp: '2026-11-20T08:15:30.000Z',
  start: '2026-11-23T19:00:00.000Z',
  end: '2026-11-23T20:30:00.000Z',
  summary: 'Mock interview: Ada and Grace',
  url: 'https://mockmate.example/schedules/s_7f3a',
  sequence: 1,
  status: 'confirmed',
  questions: ['Two Sum', 'LRU cache, O(1); both ops'],
};

test('the event parses with UTC times, UID, sequence, status and a display alarm 10 minutes before', () => {
  const bytes = render(base);
  physicalLines(bytes);
  const cal = parse(bytes);
  assert.deepEqual(cal.errors, []);
  assert.equal(cal.version, '2.0');
  assert.deepEqual(cal.components, ['VCALENDAR', 'VEVENT', 'VALARM']);
  assert.equal(cal.events.length, 1);
  const ev = cal.events[0];
  assert.equal(ev.uid, 's_7f3a@mockmate');
  assert.deepEqual(ev.dtstart, { iso: '2026-11-23T19:00:00+00:00', offset: 0 });
  assert.deepEqual(ev.dtend, { iso: '2026-11-23T20:30:00+00:00', offset: 0 });
  assert.deepEqual(ev.dtstamp, { iso: '2026-11-20T08:15:30+00:00', offset: 0 });
  assert.equal(ev.sequence, 1);
  assert.equal(ev.status, 'CONFIRMED');
  assert.equal(ev.summary, 'Mock interview: Ada and Grace');
  assert.equal(ev.description, 'Questions:\n- Two Sum\n- LRU cache, O(1); both ops\n\nhttps://mockmate.example/schedules/s_7f3a');
  assert.equal(ev.url, 'https://mockmate.example/schedules/s_7f3a');
  assert.deepEqual(ev.alarms, [{ action: 'DISPLAY', trigger: -600, description: 'Mock interview: Ada and Grace' }]);
});

test('a cancelled schedule is STATUS:CANCELLED with a higher SEQUENCE; a proposal is TENTATIVE', () => {
  const cancelled = parse(render({ ...base, status: 'cancelled', sequence: 2 })).events[0];
  assert.equal(cancelled.status, 'CANCELLED');
  assert.equal(cancelled.sequence, 2);
  assert.equal(cancelled.uid, base.uid, 'the same UID, so calendars update the event');
  assert.equal(parse(render({ ...base, status: 'tentative', sequence: 0 })).events[0].status, 'TENTATIVE');
});

test('long and non-ASCII descriptions are folded at 75 octets and read back unchanged', () => {
  const descriptions = [
    'A long plain description. '.repeat(20).trim(),
    'Entretien préparé : « arbres », 中文题目，絵文字 😀👍🏽 and 𝒳; '.repeat(8) + '\nsecond line\\with a backslash, semicolon; comma',
    'é'.repeat(200),
    '😀'.repeat(100),
    'x'.repeat(63) + '😀' + 'é' + '中'.repeat(40),
  ];
  for (const description of descriptions) {
    const bytes = render({ ...base, description, questions: undefined });
    const lines = physicalLines(bytes);
    const folded = lines.filter((l) => l.startsWith(' '));
    assert.ok(folded.length >= 2, 'the description was folded');
    const ev = parse(bytes).events[0];
    assert.equal(ev.description, description);
  }
});

test('a summary with every TEXT special character round-trips', () => {
  const summary = 'Mock, interview; with \\ backslash\nand a newline é';
  const bytes = render({ ...base, summary });
  // The parser is lenient about unescaped commas and semicolons; RFC 5545 is not.
  const unfolded = bytes.toString('utf8').replace(/\r\n /g, '');
  assert.ok(unfolded.includes('\r\nSUMMARY:Mock\\, interview\\; with \\\\ backslash\\nand a newline é\r\n'), unfolded);
  const ev = parse(bytes).events[0];
  assert.equal(ev.summary, summary);
  assert.equal(ev.alarms[0].description, summary);
});
