import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../types';
import { chatReducer, initialChat, mergeMessages, sendableText, type ChatAction, type ChatState } from './chatState';

const msg = (id: string, from: 'alice' | 'bob', sentAt: string, text = id): ChatMessage => ({
  id,
  roomId: 'room-1',
  from: { id: from, name: from === 'alice' ? 'Alice' : 'Bob' },
  text,
  sentAt: `2026-11-23T19:${sentAt}.000Z`,
});

const run = (state: ChatState, ...actions: ChatAction[]) => actions.reduce(chatReducer, state);

describe('the chat', () => {
  it('keeps messages in order and each once, from history, events and acks alike', () => {
    const s = run(
      initialChat('alice'),
      { type: 'received', message: msg('m3', 'bob', '00:03') },
      { type: 'history', messages: [msg('m1', 'alice', '00:01'), msg('m2', 'bob', '00:02'), msg('m3', 'bob', '00:03')] },
      { type: 'received', message: msg('m2', 'bob', '00:02') },
      { type: 'history', messages: [msg('m1', 'alice', '00:01'), msg('m2', 'bob', '00:02'), msg('m3', 'bob', '00:03'), msg('m4', 'alice', '00:04')] },
    );
    expect(s.messages.map((m) => m.id)).toEqual(['m1', 'm2', 'm3', 'm4']);
  });

  it('keeps arrival order for messages sent in the same millisecond', () => {
    const a = msg('b', 'bob', '00:01');
    const b = msg('a', 'alice', '00:01');
    expect(mergeMessages([a], [b]).map((m) => m.id)).toEqual(['b', 'a']);
  });

  it('counts what the partner says while the panel is collapsed, not what was there before', () => {
    let s = run(initialChat('alice', false), { type: 'history', messages: [msg('m1', 'bob', '00:01')] });
    expect(s.unread).toBe(0);
    s = run(s, { type: 'received', message: msg('m2', 'bob', '00:02') }, { type: 'received', message: msg('m2', 'bob', '00:02') });
    expect(s.unread).toBe(1);
    // Missed while offline, found by the history read after the rejoin:
    s = run(s, { type: 'history', messages: [msg('m1', 'bob', '00:01'), msg('m2', 'bob', '00:02'), msg('m3', 'bob', '00:03')] });
    expect(s.unread).toBe(2);
    s = run(s, { type: 'sending', localId: 'l1', text: 'hi' }, { type: 'sent', localId: 'l1', message: msg('m4', 'alice', '00:04') });
    expect(s.unread).toBe(2);
    s = run(s, { type: 'toggle', open: true });
    expect(s.unread).toBe(0);
    s = run(s, { type: 'received', message: msg('m5', 'bob', '00:05') });
    expect(s.unread).toBe(0);
  });

  it('says a send failed, retries it, and replaces it by the message once acknowledged', () => {
    let s = run(initialChat('alice'), { type: 'history', messages: [] }, { type: 'sending', localId: 'l1', text: 'hello' });
    expect(s.outgoing).toEqual([{ localId: 'l1', text: 'hello', state: 'sending', error: null }]);
    s = run(s, { type: 'failed', localId: 'l1', error: 'Too many messages.' });
    expect(s.outgoing[0]).toMatchObject({ state: 'failed', error: 'Too many messages.' });
    s = run(s, { type: 'retry', localId: 'l1' }, { type: 'sent', localId: 'l1', message: msg('m1', 'alice', '00:01', 'hello') });
    expect(s.outgoing).toEqual([]);
    expect(s.messages.map((m) => m.text)).toEqual(['hello']);
    s = run(s, { type: 'sending', localId: 'l2', text: 'x' }, { type: 'failed', localId: 'l2', error: 'e' }, { type: 'discard', localId: 'l2' });
    expect(s.outgoing).toEqual([]);
  });

  it('sends 1 to 2,000 characters after trimming', () => {
    expect(sendableText('  hi \n')).toBe('hi');
    expect(sendableText('   ')).toBeNull();
    expect(sendableText('x'.repeat(2000))).toHaveLength(2000);
    expect(sendableText('x'.repeat(2001))).toBeNull();
  });
});
