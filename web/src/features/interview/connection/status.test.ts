import { describe, expect, it } from 'vitest';
import { isRelayed, roomStatus, type StatusInput } from './status';

const base: StatusInput = {
  socketConnected: true,
  state: 'connecting',
  peerConnectionState: 'connecting',
  relayed: false,
  restarts: 0,
  failureReason: null,
  partnerName: 'Bob',
};

describe('roomStatus', () => {
  it('walks through connecting, waiting and connected', () => {
    expect(roomStatus({ ...base, state: 'media' }).kind).toBe('connecting');
    expect(roomStatus({ ...base, state: 'joining' }).text).toBe('Joining the interview room…');
    expect(roomStatus({ ...base, state: 'retrying' }).text).toBe('Joining the interview room…');
    expect(roomStatus({ ...base, state: 'waiting' }).text).toBe('Waiting for Bob to join…');
    expect(roomStatus(base)).toEqual({ kind: 'connecting', text: 'Connecting to Bob…' });
    expect(roomStatus({ ...base, peerConnectionState: 'connected' })).toEqual({ kind: 'connected', text: 'Connected to Bob.' });
  });

  it('says when the media is relayed through TURN', () => {
    const s = roomStatus({ ...base, peerConnectionState: 'connected', relayed: true });
    expect(s.kind).toBe('relayed');
    expect(s.text).toMatch(/relayed/);
  });

  it('reports reconnecting on disconnection, server loss and restarts', () => {
    expect(roomStatus({ ...base, peerConnectionState: 'disconnected' }).kind).toBe('reconnecting');
    expect(roomStatus({ ...base, peerConnectionState: 'failed' }).kind).toBe('reconnecting');
    expect(roomStatus({ ...base, restarts: 1 }).kind).toBe('reconnecting');
    const lost = roomStatus({ ...base, socketConnected: false, peerConnectionState: 'connected' });
    expect(lost.kind).toBe('reconnecting');
    expect(lost.text).toMatch(/call continues/);
  });

  it('gives the reason of a failure, and the end wins over everything', () => {
    expect(roomStatus({ ...base, failureReason: 'no route.' })).toEqual({ kind: 'failed', text: 'Connection failed: no route.' });
    expect(roomStatus({ ...base, state: 'ended', failureReason: 'x' }).kind).toBe('ended');
  });

  it('says when the room was refused or taken by another tab', () => {
    expect(roomStatus({ ...base, state: 'refused' })).toEqual({ kind: 'failed', text: 'Could not join the interview room.' });
    expect(roomStatus({ ...base, state: 'moved' }).text).toBe('This interview is open in another tab.');
  });

  it('follows the link in every state that has one', () => {
    for (const state of ['connecting', 'connected', 'interrupted', 'failed'] as const) {
      expect(roomStatus({ ...base, state, peerConnectionState: 'connected' }).kind).toBe('connected');
      expect(roomStatus({ ...base, state, peerConnectionState: 'disconnected' }).kind).toBe('reconnecting');
    }
  });
});

describe('isRelayed', () => {
  const report = (localType: string, remoteType: string, viaTransport = true) =>
    new Map<string, Record<string, unknown>>([
      ['T1', { type: 'transport', ...(viaTransport ? { selectedCandidatePairId: 'CP1' } : {}) }],
      ['CP1', { type: 'candidate-pair', state: 'succeeded', nominated: true, localCandidateId: 'L1', remoteCandidateId: 'R1' }],
      ['L1', { type: 'local-candidate', candidateType: localType }],
      ['R1', { type: 'remote-candidate', candidateType: remoteType }],
    ]);

  it('finds the selected pair through the transport and checks both candidates', () => {
    expect(isRelayed(report('relay', 'host'))).toBe(true);
    expect(isRelayed(report('host', 'relay'))).toBe(true);
    expect(isRelayed(report('host', 'srflx'))).toBe(false);
  });

  it('falls back to the nominated succeeded pair', () => {
    expect(isRelayed(report('relay', 'host', false))).toBe(true);
  });

  it('is false without a selected pair', () => {
    expect(isRelayed(new Map())).toBe(false);
  });
});
