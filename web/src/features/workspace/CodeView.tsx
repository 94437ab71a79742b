// A round's final code to read (history): a read-only CodeMirror that can
// still be focused, selected and copied. Loaded lazily, like the editor.
import { useEffect, useRef } from 'react';
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import type { Language } from '../../types';
import { readOnlyEditor } from './editor/extensions';

export default function CodeView({ doc, language, label }: { doc: string; language: Language; label: string }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!host.current) return;
    const view = new EditorView({
      state: EditorState.create({ doc, extensions: readOnlyEditor({ language, label }) }),
      parent: host.current,
    });
    return () => view.destroy();
  }, [doc, language, label]);
  return <div className="editor-host code-view" ref={host} />;
}
