import { describe, expect, it } from 'vitest';
import { decideOnDescription, iceActionFor } from './negotiation';

const base = { polite: false, makingOffer: false, signalingState: 'stable' as RTCSignalingState, settingRemoteAnswerPending: false };

describe('perfect negotiation decisions', () => {
  it('accepts an offer when stable and not making one', () => {
    expect(decideOnDescription({ ...base, type: 'offer' })).toEqual({ collision: false, ignore: false });
  });

  it('the impolite peer ignores a colliding offer while making its own', () => {
    expect(decideOnDescription({ ...base, type: 'offer', makingOffer: true })).toEqual({ collision: true, ignore: true });
    expect(decideOnDescription({ ...base, type: 'offer', signalingState: 'have-local-offer' })).toEqual({
      collision: true,
      ignore: true,
    });
  });

  it('the polite peer accepts a colliding offer (rolling back its own)', () => {
    expect(decideOnDescription({ ...base, polite: true, type: 'offer', makingOffer: true })).toEqual({
      collision: true,
      ignore: false,
    });
  });

  it('an offer arriving while our remote answer is being applied is not a collision', () => {
    expect(
      decideOnDescription({ ...base, type: 'offer', signalingState: 'have-local-offer', settingRemoteAnswerPending: true }),
    ).toEqual({ collision: false, ignore: false });
  });

  it('answers never collide', () => {
    expect(decideOnDescription({ ...base, type: 'answer', signalingState: 'have-local-offer', makingOffer: true })).toEqual({
      collision: false,
      ignore: false,
    });
  });

  it('restarts ICE at once on failure and after a grace period on disconnection', () => {
    expect(iceActionFor('failed')).toBe('restart-now');
    expect(iceActionFor('disconnected')).toBe('restart-after-grace');
    expect(iceActionFor('connected')).toBe('none');
    expect(iceActionFor('connecting')).toBe('none');
  });
});
