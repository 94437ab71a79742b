// Pure helpers of the profile form: parsing lists and saying what is missing.
import type { Profile } from '../../types';

/** "a, b,, c " -> ["a","b","c"], without duplicates (case-insensitive), in order. */
export function parseList(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of text.split(',')) {
    const v = raw.trim().replace(/\s+/g, ' ');
    if (!v || seen.has(v.toLowerCase())) continue;
    seen.add(v.toLowerCase());
    out.push(v);
  }
  return out;
}

export interface MissingItem {
  field: 'targetRole' | 'experienceLevel' | 'topics';
  label: string;
}

/** What a profile still needs to be complete (targetRole, experienceLevel, at least one topic). */
export function missingForComplete(p: Pick<Profile, 'targetRole' | 'experienceLevel' | 'topics'>): MissingItem[] {
  const out: MissingItem[] = [];
  if (!p.targetRole?.trim()) out.push({ field: 'targetRole', label: 'your target role' });
  if (!p.experienceLevel) out.push({ field: 'experienceLevel', label: 'your experience level' });
  if (!p.topics.length) out.push({ field: 'topics', label: 'at least one topic' });
  return out;
}

export const LIMITS = { headline: 120, targetRole: 80, bio: 2000, topics: 20, topicLength: 40, languages: 10 };

/** Client-side checks of the contract's limits; the server checks again. */
export function validateProfile(p: {
  headline: string;
  targetRole: string;
  bio: string;
  topics: string[];
  languages: string[];
}): Partial<Record<'headline' | 'targetRole' | 'bio' | 'topics' | 'languages', string>> {
  const e: Partial<Record<'headline' | 'targetRole' | 'bio' | 'topics' | 'languages', string>> = {};
  if (p.headline.length > LIMITS.headline) e.headline = `At most ${LIMITS.headline} characters.`;
  if (p.targetRole.length > LIMITS.targetRole) e.targetRole = `At most ${LIMITS.targetRole} characters.`;
  if (p.bio.length > LIMITS.bio) e.bio = `At most ${LIMITS.bio} characters.`;
  if (p.topics.length > LIMITS.topics) e.topics = `At most ${LIMITS.topics} topics.`;
  else if (p.topics.some((t) => t.length > LIMITS.topicLength))
    e.topics = `Each topic can be at most ${LIMITS.topicLength} characters.`;
  if (p.languages.length > LIMITS.languages) e.languages = `At most ${LIMITS.languages} languages.`;
  return e;
}
