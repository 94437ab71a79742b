import { describe, expect, it } from 'vitest';
import { ApiError, describeError, errorFromAck, errorFromResponse, fieldOfValidationError, parseRetryAfter } from './errors';

describe('error mapping', () => {
  it('reads the contract error shape from an HTTP response', () => {
    const e = errorFromResponse(409, { error: { code: 'invitee_busy', message: 'Bob is in another interview.' } });
    expect(e).toBeInstanceOf(ApiError);
    expect(e.code).toBe('invitee_busy');
    expect(e.status).toBe(409);
    expect(describeError(e)).toBe('Bob is in another interview.');
  });

  it('falls back to a code from the status when the body is not in the contract shape', () => {
    const e = errorFromResponse(404, '<html>');
    expect(e.code).toBe('not_found');
    expect(e.message).toBe('That could not be found.');
    expect(errorFromResponse(502, null).code).toBe('internal');
  });

  it('carries Retry-After for rate limits and says when to retry', () => {
    const e = errorFromResponse(429, { error: { code: 'rate_limited', message: 'Too many invitations' } }, '42');
    expect(e.retryAfterSeconds).toBe(42);
    expect(describeError(e)).toBe('Too many invitations. Try again in 42 seconds.');
    const m = new ApiError('rate_limited', 'Slow down.', 429, 120);
    expect(describeError(m)).toBe('Slow down. Try again in 2 minutes.');
  });

  it('reads socket ack errors, with retryAfterSeconds beside or inside the error', () => {
    const a = errorFromAck({ error: { code: 'rate_limited', message: 'Too many.' }, retryAfterSeconds: 5 });
    expect(a.code).toBe('rate_limited');
    expect(a.retryAfterSeconds).toBe(5);
    const b = errorFromAck({ error: { code: 'rate_limited', message: 'Too many.', retryAfterSeconds: 9 } as never });
    expect(b.retryAfterSeconds).toBe(9);
    expect(errorFromAck({}).code).toBe('internal');
  });

  it('maps 503 to unavailable (a sandbox missing or full) and says when to retry', () => {
    const e = errorFromResponse(503, null, '30');
    expect(e.code).toBe('unavailable');
    expect(describeError(e)).toBe('That cannot run right now. Try again in 30 seconds.');
  });

  it('parses Retry-After as seconds', () => {
    expect(parseRetryAfter('10')).toBe(10);
    expect(parseRetryAfter(null)).toBeNull();
    expect(parseRetryAfter('soon')).toBeNull();
  });

  it('describes network failures and unknown throwables without internals', () => {
    expect(describeError(new TypeError('Failed to fetch'))).toMatch(/Can't reach the server/);
    expect(describeError('weird')).toMatch(/Something went wrong/);
  });

  it('finds the field a validation message names', () => {
    const e = new ApiError('validation_failed', 'topics: at most 20 topics', 400);
    expect(fieldOfValidationError(e, ['topic', 'topics', 'bio'])).toBe('topics');
    expect(fieldOfValidationError(new ApiError('validation_failed', 'password must be 8 to 128 characters'), ['email', 'password'])).toBe(
      'password',
    );
    expect(fieldOfValidationError(new ApiError('conflict', 'x'), ['x'])).toBeNull();
  });
});
