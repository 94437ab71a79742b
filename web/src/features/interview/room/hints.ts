import type { Question } from '../../../types';

/** Hints carried by the question itself, merged with those from GET /api/interviews/:roomId/hints. */
export function hintsFor(q: Question, served: Record<string, string[]> | undefined): string[] {
  const own = !q.hints ? [] : Array.isArray(q.hints) ? q.hints : [q.hints];
  const extra = served?.[q.id] ?? [];
  return Array.from(new Set([...own, ...extra].filter(Boolean)));
}
