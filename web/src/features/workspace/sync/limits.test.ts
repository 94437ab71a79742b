import { describe, expect, it } from 'vitest';
import { EditorState } from '@codemirror/state';
import { editRefused, sizeLimits, TOO_BIG, TOO_LONG } from './limits';
import { MAX_DOC_LENGTH } from './syncState';

const refusedBy = (state: EditorState, insert: string, from = 0) => {
  const tr = state.update({ changes: { from, insert } });
  return { state: tr.state, why: tr.effects.find((e) => e.is(editRefused))?.value ?? null };
};

describe('the document limits', () => {
  const state = EditorState.create({ doc: 'x', extensions: [sizeLimits()] });

  it('lets ordinary typing and pastes through', () => {
    expect(refusedBy(state, 'def f():\n  return 1\n')).toMatchObject({ why: null });
    expect(refusedBy(state, 'y'.repeat(5000)).state.doc.length).toBe(5001);
  });

  it('refuses a paste too large for one push, and says why', () => {
    const r = refusedBy(state, 'y'.repeat(40_000));
    expect(r.why).toBe(TOO_BIG);
    expect(r.state.doc.toString()).toBe('x');
  });

  it('refuses growing past 200,000 code units, but not shrinking', () => {
    let big = EditorState.create({ doc: 'z'.repeat(MAX_DOC_LENGTH), extensions: [sizeLimits()] });
    expect(refusedBy(big, 'a').why).toBe(TOO_LONG);
    big = big.update({ changes: { from: 0, to: 10 } }).state;
    expect(big.doc.length).toBe(MAX_DOC_LENGTH - 10);
  });
});
