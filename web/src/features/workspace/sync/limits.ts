// The contract's limits on the shared document, enforced where they can still
// be explained: a local edit that would take the document past 200,000 code
// units, or that could not be pushed (one update over 64 KiB as JSON), is
// refused in the editor with a reason, instead of being refused by the server
// after it was typed.
import { EditorState, StateEffect, Transaction, type Extension } from '@codemirror/state';
import { MAX_DOC_LENGTH, MAX_PUSH_BYTES } from './syncState';

/** Carried by the (empty) transaction that replaces a refused edit; its value says why. */
export const editRefused = StateEffect.define<string>();

export const TOO_LONG = `The document can hold at most ${MAX_DOC_LENGTH.toLocaleString('en')} characters.`;
export const TOO_BIG = 'That is too much to paste at once: paste it in smaller parts.';

/** Why a local edit cannot be shared, or null when it can. */
export function refusal(tr: Transaction): string | null {
  if (!tr.docChanged || tr.annotation(Transaction.remote)) return null;
  if (tr.newDoc.length > MAX_DOC_LENGTH && tr.newDoc.length > tr.startState.doc.length) return TOO_LONG;
  let inserted = 0;
  tr.changes.iterChanges((_fa, _ta, _fb, _tb, text) => (inserted += text.length));
  // A UTF-16 unit takes at most 6 bytes as JSON (\uXXXX): only a large insert needs measuring.
  if (inserted * 6 < MAX_PUSH_BYTES / 2) return null;
  const bytes = new TextEncoder().encode(JSON.stringify(tr.changes.toJSON())).length;
  return bytes > MAX_PUSH_BYTES / 2 ? TOO_BIG : null;
}

export function sizeLimits(): Extension {
  return EditorState.transactionFilter.of((tr) => {
    const why = refusal(tr);
    return why ? [{ effects: editRefused.of(why) }] : tr;
  });
}
