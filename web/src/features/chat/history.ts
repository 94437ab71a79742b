// GET /api/interviews/:roomId/chat, every page (oldest first), following nextCursor as `after`.
import { api } from '../../lib/api';
import type { ChatMessage, Id } from '../../types';

export const CHAT_PAGE = 100;
/** A bound on pages read at once, so a server that keeps answering a cursor cannot loop the page. */
const MAX_PAGES = 50;

export async function readChat(roomId: Id): Promise<ChatMessage[]> {
  const all: ChatMessage[] = [];
  let after: string | null = null;
  for (let i = 0; i < MAX_PAGES; i++) {
    const page = await api.chat(roomId, { after, limit: CHAT_PAGE });
    all.push(...page.messages);
    if (!page.nextCursor || page.nextCursor === after) break;
    after = page.nextCursor;
  }
  return all;
}
