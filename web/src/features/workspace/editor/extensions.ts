// What the shared editor is made of, besides collab (which the sync machine
// adds): the basic setup, Tab to indent (Esc then Tab leaves the editor), the
// language and read-only switches, the size limits, the partner's cursor, the
// Run shortcut, and a theme on the page's colours.
import { basicSetup } from 'codemirror';
import { indentWithTab } from '@codemirror/commands';
import { Compartment, EditorState, Prec, type Extension } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';
import { sizeLimits } from '../sync/limits';
import { remoteCursor } from './remoteCursor';

/** The shortcut that runs the code (Ctrl+Enter, Cmd+Enter on a Mac), in CodeMirror's notation. */
export const RUN_KEY = 'Mod-Enter';

export const theme = EditorView.theme({
  '&': { backgroundColor: 'var(--surface)', color: 'var(--text)', fontSize: '0.92rem', height: '100%' },
  '.cm-scroller': { fontFamily: "ui-monospace, SFMono-Regular, Menlo, Consolas, 'Liberation Mono', monospace" },
  '.cm-content': { caretColor: 'var(--text)' },
  '.cm-gutters': { backgroundColor: 'var(--bg)', color: 'var(--muted)', borderRight: '1px solid var(--border)' },
  '.cm-activeLine, .cm-activeLineGutter': { backgroundColor: 'color-mix(in srgb, var(--primary-soft) 60%, transparent)' },
  '&.cm-focused': { outline: 'none' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': {
    backgroundColor: 'color-mix(in srgb, var(--primary) 28%, transparent)',
  },
});

export interface EditorParts {
  extensions: Extension;
  language: Compartment;
  readOnly: Compartment;
}

export const readOnlyExtension = (readOnly: boolean): Extension => EditorState.readOnly.of(readOnly);

/** The live editor of one round: `run` is called by the Run shortcut; the language is set once loaded. */
export function liveEditor(opts: { run: () => void; label: string }): EditorParts {
  const language = new Compartment();
  const readOnly = new Compartment();
  const extensions = [
    Prec.highest(keymap.of([{ key: RUN_KEY, run: () => (opts.run(), true), preventDefault: true }])),
    basicSetup,
    keymap.of([indentWithTab]),
    language.of([]),
    readOnly.of(readOnlyExtension(false)),
    sizeLimits(),
    remoteCursor(),
    EditorView.contentAttributes.of({ 'aria-label': opts.label }),
    theme,
  ];
  return { extensions, language, readOnly };
}

/** A document to read (history): selectable and focusable, not editable; `language` is its loaded support. */
export function readOnlyEditor(opts: { language: Extension; label: string }): Extension {
  return [
    basicSetup,
    opts.language,
    EditorState.readOnly.of(true),
    EditorView.contentAttributes.of({ 'aria-label': opts.label, 'aria-readonly': 'true' }),
    theme,
  ];
}
