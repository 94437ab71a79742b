// Types of the public contract (shared/API.md, v1 and v2). Field names follow the wire.

export type Id = string;
/** ISO 8601 UTC timestamp with milliseconds. */
export type Timestamp = string;

export interface ErrorBody {
  code: ErrorCode;
  message: string;
}

export type ErrorCode =
  | 'validation_failed'
  | 'malformed_json'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'invitation_expired'
  | 'invitee_busy'
  | 'payload_too_large'
  | 'rate_limited'
  | 'internal'
  | 'unavailable'
  // Client-side codes (never sent by the server).
  | 'network'
  | 'timeout'
  | 'offline'
  | (string & {});

export interface User {
  id: Id;
  email?: string;
  name: string;
  createdAt: Timestamp;
}

export const EXPERIENCE_LEVELS = ['student', 'junior', 'mid', 'senior', 'staff'] as const;
export type ExperienceLevel = (typeof EXPERIENCE_LEVELS)[number];

export interface Profile {
  headline: string | null;
  targetRole: string | null;
  experienceLevel: ExperienceLevel | null;
  topics: string[];
  languages: string[];
  timezone: string | null;
  bio: string | null;
  available: boolean;
}

export type ProfileUpdate = Partial<Profile>;

export interface Partner {
  id: Id;
  name: string;
  profile: Profile;
  online: boolean;
  busy: boolean;
  matchScore: number;
  /** v2 (absent from a v1 server). */
  reliability?: Reliability;
}

export const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

export interface Question {
  id: Id;
  title: string;
  body: string;
  category: string;
  difficulty: Difficulty;
  /** Not in the v1 contract (this server serves hints at /hints); shown to the interviewer if present. */
  hints?: string[] | string | null;
  /** v2: examples a program must pass (coding questions; `[]` for the others). Absent from older servers. */
  tests?: QuestionTest[];
}

/** A program reads `input` on standard input; it passes when its output equals `expectedOutput` (API.md v2). */
export interface QuestionTest {
  name: string;
  input: string;
  expectedOutput: string;
}

export type InterviewStatus =
  | 'pending'
  | 'accepted'
  | 'in_progress'
  | 'completed'
  | 'rejected'
  | 'cancelled'
  | 'expired'
  | 'abandoned';

export type InterviewReason =
  | 'declined'
  | 'busy'
  | 'cancelled'
  | 'invite_timeout'
  | 'completed'
  | 'no_show'
  | 'left'
  /** v2: a block between the two ended the invitation. */
  | 'blocked';

export interface Participant {
  id: Id;
  name: string;
}

export type InterviewOrigin = 'invitation' | 'match' | 'schedule';

/** One of an interview's (at most two) rounds; round 2 swaps the roles. */
export interface Round {
  number: number;
  interviewer: Participant;
  candidate: Participant;
  questions: Question[];
  startedAt: Timestamp | null;
  endedAt: Timestamp | null;
  /** The server's count while the round runs, else null: the client ticks it on from when it arrived. */
  elapsedMs: number | null;
  plannedMinutes: number;
}

export interface Interview {
  roomId: Id;
  status: InterviewStatus;
  inviter: Participant;
  invitee: Participant;
  questions: Question[];
  createdAt: Timestamp;
  expiresAt: Timestamp | null;
  /** What is left of the invitation's lifetime by the server's count, while pending. */
  expiresInMs: number | null;
  respondedAt: Timestamp | null;
  startedAt: Timestamp | null;
  endedAt: Timestamp | null;
  reason: InterviewReason | null;
  /** v2 (absent from v1 servers). */
  origin?: InterviewOrigin;
  /** v2: for `abandoned` interviews, the participant who was missing; else null. */
  absent?: Id | null;
  /** v2: for its participants; `[]` until the interview is in progress. */
  rounds?: Round[];
}

export type RubricScore = 1 | 2 | 3 | 4 | 5;

export interface Rubric {
  problemSolving: RubricScore | null;
  communication: RubricScore | null;
  codeQuality: RubricScore | null;
}

export interface Feedback {
  id: Id;
  roomId: Id;
  from: Participant;
  rating: RubricScore;
  rubric: Rubric;
  comments: string | null;
  createdAt: Timestamp;
}

export interface FeedbackInput {
  rating: number;
  rubric?: Partial<Rubric>;
  comments?: string;
}

export interface InvitationStats {
  sent: number;
  received: number;
  accepted: number;
  rejected: number;
  cancelled: number;
  expired: number;
  acceptanceRate: number | null;
  medianResponseSeconds: number | null;
}

// ---- v2: the shared editor, runs and chat ----

export const LANGUAGES = ['python', 'javascript', 'cpp'] as const;
export type Language = (typeof LANGUAGES)[number];

/** `ChangeSet.toJSON()` of @codemirror/state: keep n, `[n]` delete n, `[n, ...lines]` replace n by the lines. */
export type ChangesJSON = Array<number | [number, ...string[]]>;

/** One update of the @codemirror/collab protocol on the wire. */
export interface UpdateJSON {
  clientID: string;
  changes: ChangesJSON;
}

/** One round's document; `version` = the number of updates applied to it. */
export interface Workspace {
  roomId: Id;
  round: number;
  language: Language;
  doc: string;
  version: number;
  updatedAt: Timestamp | null;
}

export interface Runtime {
  language: Language;
  version: string;
}

export type RunStatus = 'queued' | 'running' | 'finished';
export type RunVerdict =
  | 'passed'
  | 'failed'
  | 'ok'
  | 'compile_error'
  | 'runtime_error'
  | 'time_limit'
  | 'memory_limit'
  | 'output_limit';

export interface RunTest {
  name: string;
  passed: boolean;
  input: string;
  expectedOutput: string;
  actualOutput: string;
}

export interface Run {
  id: Id;
  roomId: Id;
  round: number;
  by: Participant;
  language: Language;
  status: RunStatus;
  verdict: RunVerdict | null;
  exitCode: number | null;
  stdout: string;
  stderr: string;
  truncated: boolean;
  tests: RunTest[];
  durationMs: number | null;
  createdAt: Timestamp;
  finishedAt: Timestamp | null;
}

export interface RunInput {
  round?: number;
  language?: Language;
  code?: string;
  stdin?: string;
}

export interface ChatMessage {
  id: Id;
  roomId: Id;
  from: Participant;
  text: string;
  sentAt: Timestamp;
}

export interface PresenceInfo {
  userId: Id;
  online: boolean;
  busy: boolean;
  available: boolean;
}

// ---- REST responses ----

export interface AuthResponse {
  user: User;
  token: string;
}
export interface MeResponse {
  user: User;
  profile: Profile;
  profileComplete: boolean;
}
export interface ProfileResponse {
  profile: Profile;
  profileComplete: boolean;
}
export interface PartnersResponse {
  users: Partner[];
  nextCursor: string | null;
}
export interface QuestionsResponse {
  questions: Question[];
}
export interface InterviewResponse {
  interview: Interview;
}
export interface CreateInterviewResponse {
  interview: Interview;
  inviteeOnline?: boolean;
}
export interface InterviewsResponse {
  interviews: Interview[];
  nextCursor: string | null;
}
export interface InterviewDetailResponse {
  interview: Interview;
  feedback?: Feedback[];
  /** v2: each round's document, to participants, during and after the interview. */
  workspaces?: Workspace[];
}
export interface FeedbackResponse {
  feedback: Feedback;
}
/** GET /api/interviews/:roomId/hints (an addition of this server, see docs/api.md). */
export interface HintsResponse {
  hints: Record<Id, string[]>;
}
export interface RtcConfigResponse {
  iceServers: RTCIceServer[];
}
export interface RuntimesResponse {
  runtimes: Runtime[];
}
export interface RunResponse {
  run: Run;
}
export interface RunsResponse {
  runs: Run[];
}
export interface ChatPage {
  messages: ChatMessage[];
  nextCursor: string | null;
}

// ---- Socket.IO ----

export type AckOk<T> = { ok: true } & T;
export type AckErr = { ok: false; error: ErrorBody; retryAfterSeconds?: number };
export type Ack<T> = AckOk<T> | AckErr;
type AckFn<T> = (res: Ack<T>) => void;

export interface InvitationReceived {
  interview: Interview;
  from: Partner;
}
export interface InterviewEvent {
  interview: Interview;
}
export interface RoomPeerEvent {
  roomId: Id;
  userId: Id;
}
export interface SdpSignal {
  roomId: Id;
  from: Id;
  sdp: string;
}
export interface CandidateSignal {
  roomId: Id;
  from: Id;
  candidate: RTCIceCandidateInit;
}

export interface JoinRoomAck {
  interview: Interview;
  peers: Id[];
  iceServers: RTCIceServer[];
  polite: boolean;
}

export interface WorkspaceAck {
  workspace: Workspace;
}
export interface WorkspaceUpdatesEvent {
  roomId: Id;
  round: number;
  /** The version the updates took the document to. */
  version: number;
  updates: UpdateJSON[];
}
export interface WorkspaceLanguageEvent {
  roomId: Id;
  round: number;
  language: Language;
}
export interface WorkspaceCursorEvent {
  roomId: Id;
  round: number;
  /** The user whose cursor it is. */
  from: Id;
  anchor: number;
  head: number;
}
export interface RunEvent {
  run: Run;
}
export interface ChatMessageEvent {
  message: ChatMessage;
}

export interface ServerToClientEvents {
  'interview-invitation-received': (e: InvitationReceived) => void;
  'invitation-accepted': (e: InterviewEvent) => void;
  'invitation-rejected': (e: InterviewEvent) => void;
  'invitation-cancelled': (e: InterviewEvent) => void;
  'invitation-expired': (e: InterviewEvent) => void;
  presence: (e: PresenceInfo) => void;
  'match-found': (e: MatchFoundEvent) => void;
  'match-expired': (e: TicketEvent) => void;
  'match-cancelled': (e: TicketEvent) => void;
  'schedule-proposed': (e: ScheduleEvent) => void;
  'schedule-updated': (e: ScheduleEvent) => void;
  'schedule-reminder': (e: ScheduleEvent) => void;
  'schedule-started': (e: ScheduleStartedEvent) => void;
  'peer-joined': (e: RoomPeerEvent) => void;
  'peer-left': (e: RoomPeerEvent) => void;
  'webrtc-offer': (e: SdpSignal) => void;
  'webrtc-answer': (e: SdpSignal) => void;
  'webrtc-ice-candidate': (e: CandidateSignal) => void;
  'interview-started': (e: InterviewEvent) => void;
  'interview-ended': (e: InterviewEvent) => void;
  'left-room': (e: { roomId: Id; reason: 'joined_elsewhere' | (string & {}) }) => void;
  'round-started': (e: InterviewEvent) => void;
  'workspace-updates': (e: WorkspaceUpdatesEvent) => void;
  'workspace-language': (e: WorkspaceLanguageEvent) => void;
  'workspace-cursor': (e: WorkspaceCursorEvent) => void;
  'run-started': (e: RunEvent) => void;
  'run-finished': (e: RunEvent) => void;
  'chat-message': (e: ChatMessageEvent) => void;
}

export interface ClientToServerEvents {
  'send-interview-invitation': (
    p: { inviteeId: Id; questionIds: Id[] },
    ack: AckFn<CreateInterviewResponse>,
  ) => void;
  'respond-to-invitation': (p: { roomId: Id; accept: boolean }, ack: AckFn<InterviewResponse>) => void;
  'cancel-interview-invitation': (p: { roomId: Id }, ack: AckFn<InterviewResponse>) => void;
  'join-room': (p: { roomId: Id }, ack: AckFn<JoinRoomAck>) => void;
  'leave-room': (p: { roomId: Id }, ack: AckFn<object>) => void;
  'webrtc-offer': (p: { roomId: Id; sdp: string }, ack: AckFn<object>) => void;
  'webrtc-answer': (p: { roomId: Id; sdp: string }, ack: AckFn<object>) => void;
  'webrtc-ice-candidate': (p: { roomId: Id; candidate: RTCIceCandidateInit }, ack: AckFn<object>) => void;
  'end-interview': (p: { roomId: Id }, ack: AckFn<InterviewResponse>) => void;
  'watch-presence': (p: { userIds: Id[] }, ack: AckFn<{ presence: PresenceInfo[] }>) => void;
  'start-round': (p: { roomId: Id; questionIds: Id[] }, ack: AckFn<InterviewResponse>) => void;
  'workspace-open': (p: { roomId: Id; round?: number }, ack: AckFn<WorkspaceAck>) => void;
  'workspace-push': (
    p: { roomId: Id; round?: number; version: number; updates: UpdateJSON[] },
    ack: AckFn<{ version: number }>,
  ) => void;
  'workspace-pull': (
    p: { roomId: Id; round?: number; version: number },
    ack: AckFn<{ version: number; updates: UpdateJSON[] }>,
  ) => void;
  'workspace-language': (p: { roomId: Id; round?: number; language: Language }, ack: AckFn<WorkspaceAck>) => void;
  'workspace-cursor': (p: { roomId: Id; round?: number; anchor: number; head: number }, ack: AckFn<object>) => void;
  'chat-message': (p: { roomId: Id; text: string }, ack: AckFn<{ message: ChatMessage }>) => void;
}

// ---- v2: finding partners (quick match, schedules), push, trust ----

/** Interviews a user completed and missed; `score` null below 3 interviews. */
export interface Reliability {
  completed: number;
  noShows: number;
  left: number;
  score: number | null;
}

export interface MatchCriteria {
  topics: string[];
  level: ExperienceLevel | null;
  category: string | null;
}
export interface MatchCriteriaInput {
  topics?: string[];
  level?: ExperienceLevel;
  category?: string;
}
export type TicketStatus = 'waiting' | 'matched' | 'cancelled' | 'expired';
export interface MatchTicket {
  id: Id;
  status: TicketStatus;
  criteria: MatchCriteria;
  createdAt: Timestamp;
  expiresAt: Timestamp;
  /** The server's count of what is left while `waiting`. */
  expiresInMs: number | null;
  roomId: Id | null;
}
export interface TicketResponse {
  ticket: MatchTicket;
}
export interface TicketEvent {
  ticket: MatchTicket;
}
export interface MatchFoundEvent {
  ticket: MatchTicket;
  interview: Interview;
}

export type ScheduleStatus = 'proposed' | 'accepted' | 'declined' | 'cancelled' | 'started' | 'missed';
export interface Schedule {
  id: Id;
  status: ScheduleStatus;
  proposer: Participant;
  invitee: Participant;
  startsAt: Timestamp;
  durationMinutes: number;
  questions: Question[];
  note: string | null;
  createdAt: Timestamp;
  respondedAt: Timestamp | null;
  roomId: Id | null;
  sequence: number;
}
export interface ScheduleInput {
  inviteeId: Id;
  startsAt: Timestamp;
  durationMinutes?: number;
  questionIds: Id[];
  note?: string;
}
export interface ScheduleResponse {
  schedule: Schedule;
}
export interface SchedulesResponse {
  schedules: Schedule[];
  nextCursor: string | null;
}
export interface ScheduleEvent {
  schedule: Schedule;
}
export interface ScheduleStartedEvent {
  schedule: Schedule;
  interview: Interview;
}

export interface PushConfigResponse {
  publicKey: string | null;
}
/** `PushSubscription.toJSON()`. */
export interface PushSubscriptionInput {
  endpoint: string;
  keys: { p256dh: string; auth: string };
  expirationTime?: number | null;
}
export interface StoredPushSubscription {
  id: Id;
  endpoint: string;
  createdAt: Timestamp;
}
export interface PushSubscriptionResponse {
  subscription: StoredPushSubscription;
}
export interface PushSubscriptionsResponse {
  subscriptions: StoredPushSubscription[];
}

export interface Block {
  user: Participant;
  createdAt: Timestamp;
}
export interface BlockResponse {
  block: Block;
}
export interface BlocksResponse {
  blocks: Block[];
}
export const REPORT_REASONS = ['no_show', 'abusive', 'inappropriate', 'spam', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];
export interface ReportInput {
  userId: Id;
  roomId?: Id;
  reason: ReportReason;
  details?: string;
}
export interface ReportResponse {
  report: { id: Id; createdAt: Timestamp };
}
