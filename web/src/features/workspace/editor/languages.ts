// The CodeMirror language support for each language of the contract, each in
// its own chunk, loaded the first time a document needs it.
import type { Extension } from '@codemirror/state';
import type { Language } from '../../../types';

const loaders: Record<Language, () => Promise<Extension>> = {
  python: () => import('@codemirror/lang-python').then((m) => m.python()),
  javascript: () => import('@codemirror/lang-javascript').then((m) => m.javascript()),
  cpp: () => import('@codemirror/lang-cpp').then((m) => m.cpp()),
};

const loaded = new Map<Language, Extension>();
const loading = new Map<Language, Promise<Extension>>();

/** The support if it is loaded already, else null (and `loadLanguage` brings it). */
export function loadedLanguage(language: Language): Extension | null {
  return loaded.get(language) ?? null;
}

export function loadLanguage(language: Language): Promise<Extension> {
  const ready = loaded.get(language);
  if (ready) return Promise.resolve(ready);
  let p = loading.get(language);
  if (!p) {
    p = loaders[language]().then(
      (ext) => {
        loaded.set(language, ext);
        loading.delete(language);
        return ext;
      },
      (e: unknown) => {
        loading.delete(language); // tried again next time (a chunk that failed to load)
        throw e;
      },
    );
    loading.set(language, p);
  }
  return p;
}
