import { describe, expect, it } from 'vitest';
import { EditorState } from '@codemirror/state';
import { remoteCursor, remoteCursorField, remoteCursorLines, setRemoteCursor } from './remoteCursor';

describe("the partner's cursor", () => {
  const start = EditorState.create({ doc: 'one\ntwo\nthree', extensions: [remoteCursor()] });

  it('is shown where the partner is, clamped into the document', () => {
    const s = start.update({ effects: setRemoteCursor.of({ anchor: 4, head: 99, name: 'Bob' }) }).state;
    expect(s.field(remoteCursorField)).toEqual({ anchor: 4, head: 13, name: 'Bob' });
    expect(remoteCursorLines(s)).toBe('lines 2–3');
  });

  it('moves with the text typed before it, and is not part of the document', () => {
    let s = start.update({ effects: setRemoteCursor.of({ anchor: 5, head: 5, name: 'Bob' }) }).state;
    s = s.update({ changes: { from: 0, insert: 'zero\n' } }).state;
    expect(s.field(remoteCursorField)).toMatchObject({ anchor: 10, head: 10 });
    expect(s.doc.toString()).toBe('zero\none\ntwo\nthree');
    expect(remoteCursorLines(s)).toBe('line 3');
    s = s.update({ effects: setRemoteCursor.of(null) }).state;
    expect(remoteCursorLines(s)).toBeNull();
  });
});
