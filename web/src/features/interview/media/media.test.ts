import { describe, expect, it } from 'vitest';
import { classifyMediaError, constraintsFor, describeMediaProblem } from './media';

const named = (name: string) => Object.assign(new Error(name), { name });

describe('media problems', () => {
  it('classifies getUserMedia errors', () => {
    expect(classifyMediaError(named('NotAllowedError'))).toBe('denied');
    expect(classifyMediaError(named('NotFoundError'))).toBe('missing');
    expect(classifyMediaError(named('OverconstrainedError'))).toBe('missing');
    expect(classifyMediaError(named('NotReadableError'))).toBe('in-use');
    expect(classifyMediaError(named('InsecureContext'))).toBe('insecure');
    expect(classifyMediaError(new TypeError('no mediaDevices'))).toBe('unsupported');
    expect(classifyMediaError('???')).toBe('unknown');
  });

  it('explains each problem with a way forward', () => {
    expect(describeMediaProblem('denied', 'camera and microphone')).toMatch(/blocked.*audio only/s);
    expect(describeMediaProblem('missing', 'microphone')).toMatch(/No microphone was found/);
  });

  it('asks for audio only or nothing when chosen', () => {
    expect(constraintsFor('audio')).toEqual({ audio: true, video: false });
    expect(constraintsFor('none')).toBeNull();
    expect(constraintsFor('full')?.video).toBeTruthy();
  });
});
