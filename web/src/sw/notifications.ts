// What the service worker shows for each push (shared/API.md v2, "Push notifications"), as
// data: the worker (sw.ts) only carries it out. Pure, so Vitest checks it, and free of DOM
// and worker types, so both the app's and the worker's TypeScript compile it.
import { invitationPath, schedulePath } from '../lib/links';
import { formatInZone } from '../lib/zonedTime';

interface From {
  id: string;
  name: string;
}
export type PushPayload =
  | { type: 'invitation'; roomId: string; from: From; expiresAt: string }
  | { type: 'invitation-closed'; roomId: string; status: string }
  | { type: 'schedule-proposed' | 'schedule-reminder'; scheduleId: string; startsAt: string; from: From };

export interface ShowPlan {
  kind: 'show';
  title: string;
  body: string;
  tag: string;
  /** Where a click on it takes the user (a path of this app). */
  url: string;
  /** Alert again although a notification with this tag is already shown. */
  renotify: boolean;
  /** Stays until the user acts (an invitation waits for an answer). */
  requireInteraction: boolean;
}
export type NotificationPlan = ShowPlan | { kind: 'close'; tag: string };

/** Messages between the app and its worker (docs/web.md, "Push notifications"). */
export const SW_MESSAGES = {
  /** worker -> page: go to `url` (a notification was clicked). */
  open: 'mm:open',
  /** page -> worker, tests: handle `payload` as if it came in a push. */
  testPush: 'mm:test-push',
  /** page -> worker, tests: act as if the notification tagged `tag` was clicked. */
  testClick: 'mm:test-click',
} as const;

/** The tag of an invitation's notification: the closing push carries the same room. */
export const invitationTag = (roomId: string) => `invitation:${roomId}`;
/** A schedule's proposal and reminder replace each other. */
export const scheduleTag = (scheduleId: string) => `schedule:${scheduleId}`;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isString = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const isFrom = (v: unknown): v is From => isObject(v) && isString(v.id) && typeof v.name === 'string';

/** The payload when it has the contract's shape, else null. */
export function parsePayload(data: unknown): PushPayload | null {
  if (!isObject(data)) return null;
  switch (data.type) {
    case 'invitation':
      return isString(data.roomId) && isFrom(data.from) && isString(data.expiresAt) ? (data as PushPayload) : null;
    case 'invitation-closed':
      return isString(data.roomId) ? { type: 'invitation-closed', roomId: data.roomId, status: String(data.status ?? '') } : null;
    case 'schedule-proposed':
    case 'schedule-reminder':
      return isString(data.scheduleId) && isString(data.startsAt) && isFrom(data.from) ? (data as PushPayload) : null;
    default:
      return null;
  }
}

/** "2 minutes left to answer", coarse: the notification does not tick. */
export function timeLeftToAnswer(ms: number): string {
  if (ms <= 0) return 'This invitation may have expired.';
  if (ms < 60_000) {
    const s = Math.ceil(ms / 1000);
    return `${s} second${s === 1 ? '' : 's'} left to answer.`;
  }
  const m = Math.floor(ms / 60_000);
  return `About ${m} minute${m === 1 ? '' : 's'} left to answer.`;
}

/** A push still has to show something (browsers require it): one for payloads we do not know. */
const FALLBACK: ShowPlan = {
  kind: 'show',
  title: 'mockmate',
  body: 'Something new is waiting for you.',
  tag: 'mockmate',
  url: '/dashboard',
  renotify: false,
  requireInteraction: false,
};

/**
 * The notification for a push received at `nowMs` (this device's clock: the payload has only
 * the server's `expiresAt`). Times are shown in `zone`, this device's time zone by default.
 */
export function planNotification(data: unknown, nowMs: number, zone?: string, locale?: string): NotificationPlan {
  const p = parsePayload(data);
  if (!p) return FALLBACK;
  const tz = zone ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC';
  switch (p.type) {
    case 'invitation':
      return {
        kind: 'show',
        title: `Interview invitation from ${p.from.name}`,
        body: timeLeftToAnswer(Date.parse(p.expiresAt) - nowMs),
        tag: invitationTag(p.roomId),
        url: invitationPath(p.roomId),
        renotify: false,
        requireInteraction: true,
      };
    case 'invitation-closed':
      return { kind: 'close', tag: invitationTag(p.roomId) };
    case 'schedule-proposed':
      return {
        kind: 'show',
        title: `${p.from.name} proposes an interview`,
        body: `${formatInZone(p.startsAt, tz, locale)}. Open it to accept or decline.`,
        tag: scheduleTag(p.scheduleId),
        url: schedulePath(p.scheduleId),
        renotify: false,
        requireInteraction: false,
      };
    case 'schedule-reminder':
      return {
        kind: 'show',
        title: `Interview with ${p.from.name} soon`,
        body: `Starts ${formatInZone(p.startsAt, tz, locale)}.`,
        tag: scheduleTag(p.scheduleId),
        url: schedulePath(p.scheduleId),
        renotify: true,
        requireInteraction: true,
      };
  }
}

export interface ClientInfo {
  url: string;
  focused: boolean;
  visibilityState: string;
}

/** The open tab of the app to use for a click: the focused one, else a visible one, else any. */
export function pickClient(clients: readonly ClientInfo[], origin: string): number | null {
  const ours = clients.map((c, i) => ({ c, i })).filter(({ c }) => c.url.startsWith(`${origin}/`) || c.url === origin);
  const best = ours.find(({ c }) => c.focused) ?? ours.find(({ c }) => c.visibilityState === 'visible') ?? ours[0];
  return best ? best.i : null;
}

/** A notification's target as a path of this app: anything else goes to the dashboard. */
export function safePath(url: unknown): string {
  return typeof url === 'string' && url.startsWith('/') && !url.startsWith('//') ? url : '/dashboard';
}
