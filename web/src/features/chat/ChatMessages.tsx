import type { ChatMessage, Id } from '../../types';

function clock(iso: string) {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

/** One chat message, as the room and the history show it. */
export function ChatLine({ message, meId }: { message: ChatMessage; meId: Id }) {
  const mine = message.from.id === meId;
  return (
    <li className={`chat-line${mine ? ' chat-mine' : ''}`}>
      <span className="chat-from">{mine ? 'You' : message.from.name}</span>{' '}
      <time className="muted small" dateTime={message.sentAt}>
        {clock(message.sentAt)}
      </time>
      <p className="chat-text">{message.text}</p>
    </li>
  );
}
