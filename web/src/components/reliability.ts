import type { Reliability } from '../types';

/**
 * "12 completed, 1 no-show" (and "2 left early" when any), or "New" below three interviews,
 * when the server's `score` is null (shared/API.md v2, "reliability").
 */
export function formatReliability(r: Reliability): string {
  if (r.score == null) return 'New';
  const parts = [`${r.completed} completed`, `${r.noShows} no-show${r.noShows === 1 ? '' : 's'}`];
  if (r.left > 0) parts.push(`${r.left} left early`);
  return parts.join(', ');
}
