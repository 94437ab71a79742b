import { describe, expect, it } from 'vitest';
import { missingForComplete, parseList, validateProfile } from './profileForm';

describe('profile form helpers', () => {
  it('parses comma-separated lists, trimming and dropping duplicates', () => {
    expect(parseList(' Graphs, dynamic  programming,,graphs, System design ')).toEqual([
      'Graphs',
      'dynamic programming',
      'System design',
    ]);
    expect(parseList('')).toEqual([]);
  });

  it('lists what a profile needs to be complete', () => {
    expect(missingForComplete({ targetRole: '', experienceLevel: null, topics: [] }).map((m) => m.field)).toEqual([
      'targetRole',
      'experienceLevel',
      'topics',
    ]);
    expect(missingForComplete({ targetRole: 'SRE', experienceLevel: 'mid', topics: ['linux'] })).toEqual([]);
  });

  it('checks the contract limits', () => {
    const ok = { headline: '', targetRole: 'x', bio: '', topics: ['a'], languages: [] };
    expect(validateProfile(ok)).toEqual({});
    expect(validateProfile({ ...ok, topics: Array.from({ length: 21 }, (_, i) => `t${i}`) }).topics).toMatch(/20/);
    expect(validateProfile({ ...ok, topics: ['x'.repeat(41)] }).topics).toMatch(/40/);
    expect(validateProfile({ ...ok, headline: 'h'.repeat(121) }).headline).toMatch(/120/);
  });
});
