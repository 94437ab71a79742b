// Wall-clock times in an IANA time zone, with Intl alone: the scheduling form works in the
// user's profile zone while the contract speaks UTC (shared/API.md: ISO 8601 UTC timestamps).
// A date library would bring its own zone data; the browser's Intl already has the tz
// database and follows its updates.

export interface WallTime {
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM, 24-hour */
  time: string;
}

export type ZonedResult = { ok: true; iso: string } | { ok: false; reason: 'invalid' | 'nonexistent' };

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(zone: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormatters.set(zone, f);
  }
  return f;
}

/** Whether `zone` is an IANA name this browser knows. */
export function isKnownZone(zone: string | null | undefined): zone is string {
  if (!zone) return false;
  try {
    partsFormatter(zone);
    return true;
  } catch {
    return false;
  }
}

/** The zone to show times in: the profile's when valid, else this browser's. */
export function effectiveZone(profileZone: string | null | undefined): { zone: string; fromProfile: boolean } {
  if (isKnownZone(profileZone)) return { zone: profileZone, fromProfile: true };
  return { zone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC', fromProfile: false };
}

/** The wall time in `zone` at the instant `utcMs`, to the second, as milliseconds "as if UTC". */
function wallMs(utcMs: number, zone: string): number {
  const p: Record<string, number> = {};
  for (const { type, value } of partsFormatter(zone).formatToParts(new Date(utcMs))) {
    if (type !== 'literal') p[type] = Number(value);
  }
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
}

/** The zone's offset from UTC at the instant `utcMs` (positive east of Greenwich). */
export function zoneOffsetMs(utcMs: number, zone: string): number {
  const floored = Math.floor(utcMs / 1000) * 1000;
  return wallMs(floored, zone) - floored;
}

/** The wall date and time in `zone` at the instant `utcMs`. */
export function wallTimeIn(utcMs: number, zone: string): WallTime {
  const iso = new Date(wallMs(utcMs, zone)).toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^(\d{2}):(\d{2})$/;

/**
 * The UTC instant (ISO 8601 with milliseconds) at which the wall clock in `zone` shows `wall`.
 * A time that the clocks skip (spring forward) is `nonexistent`; a time they show twice (fall
 * back) is its first occurrence.
 */
export function zonedToUtc(wall: WallTime, zone: string): ZonedResult {
  const d = DATE_RE.exec(wall.date);
  const t = TIME_RE.exec(wall.time);
  if (!d || !t || !isKnownZone(zone)) return { ok: false, reason: 'invalid' };
  const [y, mo, da, h, mi] = [d[1], d[2], d[3], t[1], t[2]].map(Number);
  const asUtc = Date.UTC(y, mo - 1, da, h, mi);
  const back = new Date(asUtc);
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== da || h > 23 || mi > 59) return { ok: false, reason: 'invalid' };
  // The offsets a day before and after cover any transition near this time; keep those under
  // which the instant reads back as the wall time asked for.
  const DAY = 86_400_000;
  const offsets = new Set([zoneOffsetMs(asUtc - DAY, zone), zoneOffsetMs(asUtc, zone), zoneOffsetMs(asUtc + DAY, zone)]);
  const fits = Array.from(offsets, (o) => asUtc - o)
    .filter((instant) => wallMs(instant, zone) === asUtc)
    .sort((a, b) => a - b);
  if (fits.length === 0) return { ok: false, reason: 'nonexistent' };
  return { ok: true, iso: new Date(fits[0]).toISOString() };
}

/** "Mon 23 Nov 2026, 19:30 (Europe/Paris)": a server time in `zone`, always with the zone. */
export function formatInZone(iso: string, zone: string, locale?: string): string {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return iso;
  const text = new Intl.DateTimeFormat(locale, {
    timeZone: zone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(ms));
  return `${text} (${zone})`;
}
