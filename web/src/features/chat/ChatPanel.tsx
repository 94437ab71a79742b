// The room's chat beside the video: collapsible, with the partner's unread
// messages counted while collapsed; Enter sends, Shift+Enter starts a new line;
// a message that could not be sent says so and can be sent again.
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { RoomPanelProps } from '../../entities/interview/room';
import { ChatLine } from './ChatMessages';
import { MAX_CHAT_LENGTH } from './chatState';
import { useChat } from './useChat';

export function ChatPanel({ interview, meId, joins, live }: RoomPanelProps & { live: boolean }) {
  const chat = useChat(interview.roomId, meId, joins);
  const { state } = chat;
  const [draft, setDraft] = useState('');
  const ids = useId();
  const log = useRef<HTMLOListElement>(null);

  useEffect(() => {
    const el = log.current;
    if (el && state.open) el.scrollTop = el.scrollHeight;
  }, [state.messages.length, state.outgoing.length, state.open]);

  function submit(e?: FormEvent) {
    e?.preventDefault();
    if (chat.send(draft)) setDraft('');
  }

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (e.key === 'Enter' && !e.shiftKey && !e.ctrlKey && !e.metaKey && !e.nativeEvent.isComposing) submit(e);
  }

  const label = `Chat${state.unread ? ` (${state.unread} unread)` : ''}`;
  return (
    <section className="chat card" role="region" aria-label="Chat">
      <h2 className="chat-title">
        <button
          type="button"
          className="chat-toggle"
          aria-expanded={state.open}
          aria-controls={`${ids}-body`}
          onClick={() => chat.toggle(!state.open)}
        >
          {label}
        </button>
      </h2>
      <div id={`${ids}-body`} hidden={!state.open}>
        {chat.historyError && (
          <p className="form-error" role="alert">
            Earlier messages could not be loaded: {chat.historyError}
          </p>
        )}
        <ol className="chat-log" ref={log} role="log" aria-label="Messages" tabIndex={0}>
          {state.messages.length === 0 && state.outgoing.length === 0 && (
            <li className="muted small chat-empty">No messages yet.</li>
          )}
          {state.messages.map((m) => (
            <ChatLine key={m.id} message={m} meId={meId} />
          ))}
          {state.outgoing.map((o) => (
            <li key={o.localId} className={`chat-line chat-mine chat-${o.state}`}>
              <span className="chat-from">You</span>{' '}
              <span className="muted small">{o.state === 'sending' ? 'Sending…' : 'Not sent'}</span>
              <p className="chat-text">{o.text}</p>
              {o.state === 'failed' && (
                <p className="chat-failed" role="alert">
                  Your message was not sent: {o.error}{' '}
                  <button type="button" className="btn btn-small" onClick={() => chat.retry(o.localId)}>
                    Retry
                  </button>{' '}
                  <button type="button" className="btn btn-small btn-ghost" onClick={() => chat.discard(o.localId)}>
                    Discard
                  </button>
                </p>
              )}
            </li>
          ))}
        </ol>
        {live && (
          <form className="chat-form" aria-label="Send a message" onSubmit={submit}>
            <label htmlFor={`${ids}-input`} className="sr-only">
              Message
            </label>
            <textarea
              id={`${ids}-input`}
              rows={2}
              maxLength={MAX_CHAT_LENGTH}
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
              onKeyDown={onKeyDown}
              placeholder="Message (Enter sends, Shift+Enter for a new line)"
            />
            <button type="submit" className="btn btn-small" disabled={!draft.trim()}>
              Send
            </button>
          </form>
        )}
      </div>
    </section>
  );
}
