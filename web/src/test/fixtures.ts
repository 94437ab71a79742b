import type { Interview, Partner, Run, Schedule } from '../types';

export function makeInterview(over: Partial<Interview> = {}): Interview {
  return {
    roomId: 'room-1',
    status: 'pending',
    inviter: { id: 'alice', name: 'Alice' },
    invitee: { id: 'bob', name: 'Bob' },
    questions: [],
    createdAt: '2026-11-23T19:04:41.123Z',
    expiresAt: '2026-11-23T19:06:41.123Z',
    expiresInMs: 120_000,
    respondedAt: null,
    startedAt: null,
    endedAt: null,
    reason: null,
    ...over,
  };
}

export function makePartner(over: Partial<Partner> = {}): Partner {
  return {
    id: 'alice',
    name: 'Alice',
    online: true,
    busy: false,
    matchScore: 80,
    profile: {
      headline: null,
      targetRole: 'Backend engineer',
      experienceLevel: 'mid',
      topics: ['graphs'],
      languages: [],
      timezone: 'UTC',
      bio: null,
      available: true,
    },
    ...over,
  };
}

export function makeSchedule(over: Partial<Schedule> = {}): Schedule {
  return {
    id: 'sched-1',
    status: 'proposed',
    proposer: { id: 'alice', name: 'Alice' },
    invitee: { id: 'bob', name: 'Bob' },
    startsAt: '2026-11-23T18:30:00.000Z',
    durationMinutes: 60,
    questions: [],
    note: null,
    createdAt: '2026-11-20T10:00:00.000Z',
    respondedAt: null,
    roomId: null,
    sequence: 0,
    ...over,
  };
}

export function makeRun(over: Partial<Run> = {}): Run {
  return {
    id: 'run-1',
    roomId: 'room-1',
    round: 1,
    by: { id: 'bob', name: 'Bob' },
    language: 'python',
    status: 'finished',
    verdict: 'passed',
    exitCode: 0,
    stdout: '',
    stderr: '',
    truncated: false,
    tests: [],
    durationMs: 120,
    createdAt: '2026-11-23T19:10:00.000Z',
    finishedAt: '2026-11-23T19:10:01.000Z',
    ...over,
  };
}
