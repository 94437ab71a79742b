import type { ErrorBody, ErrorCode } from '../types';

/** A failure in the contract's shape `{error: {code, message}}`, from HTTP or a socket ack. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly status: number | null;
  readonly retryAfterSeconds: number | null;

  constructor(code: ErrorCode, message: string, status: number | null = null, retryAfterSeconds: number | null = null) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

const FALLBACK_BY_STATUS: Record<number, ErrorCode> = {
  400: 'validation_failed',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  410: 'invitation_expired',
  413: 'payload_too_large',
  429: 'rate_limited',
  503: 'unavailable',
};

function isErrorBody(v: unknown): v is ErrorBody {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as ErrorBody).code === 'string' &&
    typeof (v as ErrorBody).message === 'string'
  );
}

/** Builds an ApiError from an HTTP status and whatever body came with it. */
export function errorFromResponse(status: number, body: unknown, retryAfterHeader: string | null = null): ApiError {
  const retry = parseRetryAfter(retryAfterHeader);
  const err = typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : undefined;
  if (isErrorBody(err)) return new ApiError(err.code, err.message, status, retry);
  const code = FALLBACK_BY_STATUS[status] ?? 'internal';
  return new ApiError(code, defaultMessage(code), status, retry);
}

/** Builds an ApiError from a socket ack `{ok:false, error, retryAfterSeconds?}`. */
export function errorFromAck(ack: { error?: unknown; retryAfterSeconds?: unknown }): ApiError {
  const retry = typeof ack.retryAfterSeconds === 'number' ? ack.retryAfterSeconds : null;
  if (isErrorBody(ack.error)) {
    const e = ack.error as ErrorBody & { retryAfterSeconds?: unknown };
    const inner = typeof e.retryAfterSeconds === 'number' ? e.retryAfterSeconds : retry;
    return new ApiError(e.code, e.message, null, inner);
  }
  return new ApiError('internal', defaultMessage('internal'), null, retry);
}

export function parseRetryAfter(v: string | null): number | null {
  if (!v) return null;
  const n = Number(v);
  if (Number.isFinite(n) && n >= 0) return n;
  const date = Date.parse(v);
  if (Number.isNaN(date)) return null;
  return Math.max(0, Math.round((date - Date.now()) / 1000));
}

export function defaultMessage(code: ErrorCode): string {
  switch (code) {
    case 'network':
      return "Can't reach the server. Check your connection and try again.";
    case 'timeout':
      return 'The server took too long to answer. Please try again.';
    case 'offline':
      return 'You are offline. Reconnecting to the server…';
    case 'unauthorized':
      return 'Your session has ended. Please log in again.';
    case 'forbidden':
      return "You can't do that in your role.";
    case 'not_found':
      return 'That could not be found.';
    case 'conflict':
      return 'That is no longer possible: the state changed in the meantime.';
    case 'invitation_expired':
      return 'This invitation has expired.';
    case 'invitee_busy':
      return 'That person is busy right now. Try again later or pick someone else.';
    case 'rate_limited':
      return 'Too many requests. Please wait a moment.';
    case 'unavailable':
      return 'That cannot run right now.';
    case 'payload_too_large':
      return 'That is too large to send.';
    case 'validation_failed':
      return 'Some of the values are not valid.';
    case 'malformed_json':
      return 'The request could not be read.';
    default:
      return 'Something went wrong on our side. Please try again.';
  }
}

/** The sentence to show a person for any thrown value. */
export function describeError(err: unknown): string {
  if (err instanceof ApiError) {
    if ((err.code === 'rate_limited' || err.code === 'unavailable') && err.retryAfterSeconds != null) {
      const base = err.message || defaultMessage(err.code);
      return `${base.replace(/\.?$/, '.')} Try again in ${formatSeconds(err.retryAfterSeconds)}.`;
    }
    // The server's message is written for a person; "internal" never carries internals.
    return err.message || defaultMessage(err.code);
  }
  if (err instanceof Error && err.name === 'AbortError') return 'The request was cancelled.';
  if (err instanceof TypeError) return defaultMessage('network');
  return defaultMessage('internal');
}

function formatSeconds(s: number): string {
  const secs = Math.ceil(s);
  if (secs < 60) return `${secs} second${secs === 1 ? '' : 's'}`;
  const m = Math.ceil(secs / 60);
  return `${m} minute${m === 1 ? '' : 's'}`;
}

/** The field a `validation_failed` message names, when it names one of the given fields. */
export function fieldOfValidationError(err: unknown, fields: readonly string[]): string | null {
  if (!(err instanceof ApiError) || err.code !== 'validation_failed') return null;
  const msg = err.message;
  // Prefer the longest match so "topics" wins over "topic".
  const hits = fields.filter((f) => new RegExp(`\\b${f}\\b`, 'i').test(msg));
  hits.sort((a, b) => b.length - a.length);
  return hits[0] ?? null;
}
