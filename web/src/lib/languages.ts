// The languages of the shared editor and of runs (API.md v2), as people name them.
import { LANGUAGES, type Language, type Runtime } from '../types';

export const LANGUAGE_LABELS: Record<Language, string> = { python: 'Python', javascript: 'JavaScript', cpp: 'C++' };

export function isLanguage(v: unknown): v is Language {
  return typeof v === 'string' && (LANGUAGES as readonly string[]).includes(v);
}

/** "Python 3.11.2" when the server said which version it runs, else "Python". */
export function languageName(language: Language, runtimes: readonly Runtime[] | undefined): string {
  const r = runtimes?.find((x) => x.language === language);
  return r?.version ? `${LANGUAGE_LABELS[language]} ${r.version}` : LANGUAGE_LABELS[language];
}
