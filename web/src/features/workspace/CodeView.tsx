// A round's final code to read (history): a read-only CodeMirror that can
// still be focused, selected and copied. Loaded lazily, like the editor.
import { useEffect, useRef } from 'react';
import { EditorState, type Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import type { Language } from '../../types';
import { readOnlyEditor } from './editor/extensions';
import { loadLanguage } from './editor/languages';

export default function CodeView({ doc, language, label }: { doc: string; language: Language; label: string }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const parent = host.current;
    if (!parent) return;
    let view: EditorView | null = null;
    let gone = false;
    const show = (support: Extension) => {
      if (gone) return;
      view = new EditorView({ state: EditorState.create({ doc, extensions: readOnlyEditor({ language: support, label }) }), parent });
    };
    loadLanguage(language).then(show, () => show([]));
    return () => {
      gone = true;
      view?.destroy();
    };
  }, [doc, language, label]);
  return <div className="editor-host code-view" ref={host} />;
}
