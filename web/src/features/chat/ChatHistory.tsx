// The chat of an interview that is over, for its report.
import { useQuery } from '@tanstack/react-query';
import { describeError } from '../../lib/errors';
import type { Id } from '../../types';
import { ChatLine } from './ChatMessages';
import { readChat } from './history';

export function ChatHistory({ roomId, meId }: { roomId: Id; meId: Id }) {
  const chat = useQuery({ queryKey: ['chat', roomId], queryFn: () => readChat(roomId), retry: false });
  return (
    <section className="chat-history" role="region" aria-label="Chat">
      <h2 className="section-title">Chat</h2>
      {chat.isPending && <p role="status">Loading the chat…</p>}
      {chat.isError && <p role="alert">The chat could not be loaded: {describeError(chat.error)}</p>}
      {chat.data?.length === 0 && <p className="muted">Nobody wrote in the chat.</p>}
      {!!chat.data?.length && (
        <ol className="chat-log chat-log-history" aria-label="Messages">
          {chat.data.map((m) => (
            <ChatLine key={m.id} message={m} meId={meId} />
          ))}
        </ol>
      )}
    </section>
  );
}
