// The partner's cursor and selection in the shared editor: a decoration only,
// never part of the document or its history, moved along by every change
// until the partner's next position arrives (workspace-cursor, never stored).
import { StateEffect, StateField, type EditorState, type Extension } from '@codemirror/state';
import { Decoration, EditorView, WidgetType, type DecorationSet } from '@codemirror/view';

export interface RemoteCursor {
  anchor: number;
  head: number;
  name: string;
}

/** Sets (or with null, hides) the partner's cursor; positions are clamped into the document. */
export const setRemoteCursor = StateEffect.define<RemoteCursor | null>();

const clamp = (n: number, len: number) => (Number.isFinite(n) ? Math.max(0, Math.min(len, Math.trunc(n))) : 0);

export const remoteCursorField = StateField.define<RemoteCursor | null>({
  create: () => null,
  update(value, tr) {
    if (value && tr.docChanged)
      value = { ...value, anchor: tr.changes.mapPos(value.anchor), head: tr.changes.mapPos(value.head) };
    for (const e of tr.effects) {
      if (!e.is(setRemoteCursor)) continue;
      const len = tr.newDoc.length;
      value = e.value && { ...e.value, anchor: clamp(e.value.anchor, len), head: clamp(e.value.head, len) };
    }
    return value;
  },
  provide: (field) => EditorView.decorations.from(field, decorationsOf),
});

class CaretWidget extends WidgetType {
  constructor(readonly name: string) {
    super();
  }
  eq(other: CaretWidget) {
    return other.name === this.name;
  }
  toDOM() {
    const caret = document.createElement('span');
    caret.className = 'cm-remote-caret';
    caret.setAttribute('aria-hidden', 'true');
    const label = document.createElement('span');
    label.className = 'cm-remote-name';
    label.textContent = this.name;
    caret.appendChild(label);
    return caret;
  }
  ignoreEvent() {
    return true;
  }
}

function decorationsOf(c: RemoteCursor | null): DecorationSet {
  if (!c) return Decoration.none;
  const from = Math.min(c.anchor, c.head);
  const to = Math.max(c.anchor, c.head);
  const ranges = [Decoration.widget({ widget: new CaretWidget(c.name), side: 1 }).range(c.head)];
  if (from < to)
    ranges.push(Decoration.mark({ class: 'cm-remote-selection', attributes: { title: `${c.name}’s selection` } }).range(from, to));
  return Decoration.set(ranges, true);
}

/** "line 3" or "lines 3–5" of the partner's cursor, for the sentence beside the editor; null when unknown. */
export function remoteCursorLines(state: EditorState): string | null {
  const c = state.field(remoteCursorField, false);
  if (!c) return null;
  const a = state.doc.lineAt(Math.min(c.anchor, c.head)).number;
  const b = state.doc.lineAt(Math.max(c.anchor, c.head)).number;
  return a === b ? `line ${a}` : `lines ${a}–${b}`;
}

export function remoteCursor(): Extension {
  return remoteCursorField;
}
