// The one typed client of the REST API (shared/API.md). Every call goes to the
// same origin with the session cookie; failures are thrown as ApiError.
import type {
  AuthResponse,
  ChatPage,
  CreateInterviewResponse,
  Difficulty,
  ExperienceLevel,
  FeedbackInput,
  FeedbackResponse,
  HintsResponse,
  Id,
  InterviewDetailResponse,
  InterviewResponse,
  InterviewsResponse,
  InterviewStatus,
  InvitationStats,
  MeResponse,
  PartnersResponse,
  ProfileResponse,
  ProfileUpdate,
  QuestionsResponse,
  RtcConfigResponse,
  RunInput,
  RunResponse,
  RunsResponse,
  RuntimesResponse,
} from '../types';
import { ApiError, errorFromResponse } from './errors';
import type {
  BlockResponse,
  BlocksResponse,
  MatchCriteriaInput,
  PushConfigResponse,
  PushSubscriptionInput,
  PushSubscriptionResponse,
  PushSubscriptionsResponse,
  ReportInput,
  ReportResponse,
  ScheduleInput,
  ScheduleResponse,
  SchedulesResponse,
  ScheduleStatus,
  TicketResponse,
} from '../types';

export { ApiError } from './errors';

type Query = Record<string, string | number | undefined | null>;

export function buildQuery(q: Query | undefined): string {
  if (!q) return '';
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) {
    if (v === undefined || v === null || v === '') continue;
    p.set(k, String(v));
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}

let onUnauthorized: (() => void) | null = null;
/** Called once whenever a request answers 401 (the session is gone). */
export function setUnauthorizedHandler(fn: (() => void) | null) {
  onUnauthorized = fn;
}

async function request<T>(method: string, path: string, body?: unknown, query?: Query): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const init: RequestInit = { method, credentials: 'same-origin', headers };
  if (method !== 'GET' && method !== 'HEAD') {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body ?? {});
  }
  let res: Response;
  try {
    res = await fetch(`/api${path}${buildQuery(query)}`, init);
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError('network', "Can't reach the server. Check your connection and try again.");
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (!res.ok) {
    const err = errorFromResponse(res.status, data, res.headers.get('Retry-After'));
    if (res.status === 401 && path !== '/auth/login' && path !== '/auth/register') onUnauthorized?.();
    throw err;
  }
  return data as T;
}

export interface PartnerFilters {
  topic?: string;
  level?: ExperienceLevel | '';
  q?: string;
  limit?: number;
  cursor?: string | null;
}

export interface QuestionFilters {
  category?: string;
  difficulty?: Difficulty | '';
  q?: string;
}

export interface InterviewListFilters {
  status?: InterviewStatus;
  role?: 'inviter' | 'invitee';
  limit?: number;
  cursor?: string | null;
}

export interface ScheduleListFilters {
  status?: ScheduleStatus;
  limit?: number;
  cursor?: string | null;
}

const schedulePath = (id: Id) => `/schedules/${encodeURIComponent(id)}`;

export const api = {
  register: (b: { email: string; password: string; name: string }) =>
    request<AuthResponse>('POST', '/auth/register', b),
  login: (b: { email: string; password: string }) => request<AuthResponse>('POST', '/auth/login', b),
  logout: () => request<void>('POST', '/auth/logout'),
  me: () => request<MeResponse>('GET', '/me'),
  updateProfile: (p: ProfileUpdate) => request<ProfileResponse>('PUT', '/me/profile', p),
  partners: (f: PartnerFilters = {}) => request<PartnersResponse>('GET', '/users/available', undefined, { ...f }),
  questions: (f: QuestionFilters = {}) => request<QuestionsResponse>('GET', '/questions', undefined, { ...f }),
  // v2: quick match, schedules, push, blocks and reports (shared/API.md v2).
  matchTicket: () => request<TicketResponse>('GET', '/match/queue'),
  joinQueue: (c: MatchCriteriaInput) => request<TicketResponse>('POST', '/match/queue', c),
  leaveQueue: () => request<TicketResponse>('DELETE', '/match/queue'),
  schedules: (f: ScheduleListFilters = {}) => request<SchedulesResponse>('GET', '/schedules', undefined, { ...f }),
  schedule: (id: Id) => request<ScheduleResponse>('GET', schedulePath(id)),
  proposeSchedule: (b: ScheduleInput) => request<ScheduleResponse>('POST', '/schedules', b),
  acceptSchedule: (id: Id) => request<ScheduleResponse>('POST', `${schedulePath(id)}/accept`),
  declineSchedule: (id: Id) => request<ScheduleResponse>('POST', `${schedulePath(id)}/decline`),
  cancelSchedule: (id: Id) => request<ScheduleResponse>('POST', `${schedulePath(id)}/cancel`),
  /** A link, not a request: the browser downloads the .ics with the session cookie. */
  scheduleCalendarUrl: (id: Id) => `/api${schedulePath(id)}/calendar.ics`,
  pushConfig: () => request<PushConfigResponse>('GET', '/push/config'),
  pushSubscriptions: () => request<PushSubscriptionsResponse>('GET', '/push/subscriptions'),
  addPushSubscription: (b: PushSubscriptionInput) => request<PushSubscriptionResponse>('POST', '/push/subscriptions', b),
  deletePushSubscription: (id: Id) => request<void>('DELETE', `/push/subscriptions/${encodeURIComponent(id)}`),
  blocks: () => request<BlocksResponse>('GET', '/blocks'),
  block: (userId: Id) => request<BlockResponse>('POST', '/blocks', { userId }),
  unblock: (userId: Id) => request<void>('DELETE', `/blocks/${encodeURIComponent(userId)}`),
  report: (b: ReportInput) => request<ReportResponse>('POST', '/reports', b),
  invite: (b: { inviteeId: Id; questionIds: Id[] }) => request<CreateInterviewResponse>('POST', '/interviews', b),
  accept: (roomId: Id) => request<InterviewResponse>('POST', `/interviews/accept/${encodeURIComponent(roomId)}`),
  reject: (roomId: Id) => request<InterviewResponse>('POST', `/interviews/reject/${encodeURIComponent(roomId)}`),
  cancel: (roomId: Id) => request<InterviewResponse>('POST', `/interviews/cancel/${encodeURIComponent(roomId)}`),
  complete: (roomId: Id) => request<InterviewResponse>('POST', `/interviews/complete/${encodeURIComponent(roomId)}`),
  interviews: (f: InterviewListFilters = {}) => request<InterviewsResponse>('GET', '/interviews', undefined, { ...f }),
  interview: (roomId: Id) => request<InterviewDetailResponse>('GET', `/interviews/${encodeURIComponent(roomId)}`),
  /** The interviewer's hints (server addition, docs/api.md); `forbidden` for the candidate. */
  hints: (roomId: Id) => request<HintsResponse>('GET', `/interviews/${encodeURIComponent(roomId)}/hints`),
  sendFeedback: (roomId: Id, b: FeedbackInput) =>
    request<FeedbackResponse>('POST', `/interviews/${encodeURIComponent(roomId)}/feedback`, b),
  stats: (scope: 'me' | 'all' = 'me') => request<InvitationStats>('GET', '/stats/invitations', undefined, { scope }),
  rtcConfig: () => request<RtcConfigResponse>('GET', '/rtc/config'),
  /** What this server can run (v2). */
  runtimes: () => request<RuntimesResponse>('GET', '/runtimes'),
  /** Starts a run (202); `language` and `code` default to the round's document on the server. */
  startRun: (roomId: Id, b: RunInput) => request<RunResponse>('POST', `/interviews/${encodeURIComponent(roomId)}/runs`, b),
  /** Runs of the interview, newest first (participants, also after the end). */
  runs: (roomId: Id) => request<RunsResponse>('GET', `/interviews/${encodeURIComponent(roomId)}/runs`),
  run: (roomId: Id, runId: Id) =>
    request<RunResponse>('GET', `/interviews/${encodeURIComponent(roomId)}/runs/${encodeURIComponent(runId)}`),
  /** One page of the chat, oldest first; `after` is the previous page's `nextCursor`. */
  chat: (roomId: Id, q: { after?: string | null; limit?: number } = {}) =>
    request<ChatPage>('GET', `/interviews/${encodeURIComponent(roomId)}/chat`, undefined, { ...q }),
};
