// The room's chat on this page, as a reducer: the messages in order and once
// each (by id) whichever way they came (history pages, events, our own acks),
// what is being sent or failed to send, and the unread count while collapsed.
import type { ChatMessage, Id } from '../../types';

export const MAX_CHAT_LENGTH = 2000;

export interface Outgoing {
  localId: string;
  text: string;
  state: 'sending' | 'failed';
  error: string | null;
}

export interface ChatState {
  meId: Id;
  messages: ChatMessage[];
  outgoing: Outgoing[];
  open: boolean;
  /** Messages from the partner that arrived while the panel was collapsed. */
  unread: number;
  /** The history has been read once: messages found after that are new. */
  loaded: boolean;
}

export type ChatAction =
  | { type: 'history'; messages: ChatMessage[] }
  | { type: 'received'; message: ChatMessage }
  | { type: 'sending'; localId: string; text: string }
  | { type: 'sent'; localId: string; message: ChatMessage }
  | { type: 'failed'; localId: string; error: string }
  | { type: 'retry'; localId: string }
  | { type: 'discard'; localId: string }
  | { type: 'toggle'; open: boolean };

export const initialChat = (meId: Id, open = true): ChatState => ({
  meId,
  messages: [],
  outgoing: [],
  open,
  unread: 0,
  loaded: false,
});

/** Oldest first by `sentAt` (ISO strings of one format compare as text), each id once; ties keep arrival order. */
export function mergeMessages(current: readonly ChatMessage[], incoming: readonly ChatMessage[]): ChatMessage[] {
  const seen = new Set(current.map((m) => m.id));
  const added = incoming.filter((m) => !seen.has(m.id) && (seen.add(m.id), true));
  if (!added.length) return current as ChatMessage[];
  return [...current, ...added].sort((a, b) => (a.sentAt < b.sentAt ? -1 : a.sentAt > b.sentAt ? 1 : 0));
}

/** The text as it will be sent, or null when it cannot be (empty, too long). */
export function sendableText(text: string): string | null {
  const t = text.trim();
  return t.length >= 1 && t.length <= MAX_CHAT_LENGTH ? t : null;
}

function add(state: ChatState, incoming: ChatMessage[]): ChatState {
  const messages = mergeMessages(state.messages, incoming);
  if (messages === state.messages) return state;
  const before = new Set(state.messages.map((m) => m.id));
  const fromOthers = messages.filter((m) => !before.has(m.id) && m.from.id !== state.meId).length;
  return { ...state, messages, unread: state.unread + (state.loaded && !state.open ? fromOthers : 0) };
}

export function chatReducer(state: ChatState, a: ChatAction): ChatState {
  switch (a.type) {
    case 'history':
      return { ...add(state, a.messages), loaded: true };
    case 'received':
      return add(state, [a.message]);
    case 'sending':
      return { ...state, outgoing: [...state.outgoing, { localId: a.localId, text: a.text, state: 'sending', error: null }] };
    case 'sent': {
      const s = add(state, [a.message]);
      return { ...s, outgoing: s.outgoing.filter((o) => o.localId !== a.localId) };
    }
    case 'failed':
      return {
        ...state,
        outgoing: state.outgoing.map((o) => (o.localId === a.localId ? { ...o, state: 'failed', error: a.error } : o)),
      };
    case 'retry':
      return {
        ...state,
        outgoing: state.outgoing.map((o) => (o.localId === a.localId ? { ...o, state: 'sending', error: null } : o)),
      };
    case 'discard':
      return { ...state, outgoing: state.outgoing.filter((o) => o.localId !== a.localId) };
    case 'toggle':
      return { ...state, open: a.open, unread: a.open ? 0 : state.unread };
  }
}
