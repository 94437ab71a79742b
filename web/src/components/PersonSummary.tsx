import type { Profile } from '../types';

const LEVEL_LABEL: Record<string, string> = {
  student: 'Student',
  junior: 'Junior',
  mid: 'Mid-level',
  senior: 'Senior',
  staff: 'Staff',
};

export function levelLabel(level: string | null | undefined): string {
  return level ? (LEVEL_LABEL[level] ?? level) : 'Level not set';
}

export function initials(name: string): string {
  return (
    name
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, 2)
      .map((w) => w[0]!.toUpperCase())
      .join('') || '?'
  );
}

export function Avatar({ name, size = 'md' }: { name: string; size?: 'sm' | 'md' | 'lg' }) {
  return (
    <span className={`avatar avatar-${size}`} aria-hidden="true">
      {initials(name)}
    </span>
  );
}

export function TopicList({ topics, label = 'Topics' }: { topics: string[]; label?: string }) {
  if (!topics.length) return null;
  return (
    <ul className="chips" aria-label={label}>
      {topics.map((t) => (
        <li key={t} className="chip">
          {t}
        </li>
      ))}
    </ul>
  );
}

/** Role and level in one line: "Backend engineer · Senior". */
export function roleLine(profile: Pick<Profile, 'targetRole' | 'experienceLevel'>): string {
  return [profile.targetRole || 'Role not set', levelLabel(profile.experienceLevel)].join(' · ');
}
