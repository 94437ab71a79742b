// workspace-updates, workspace-language and workspace-cursor are handled here,
// once for the app: each goes to the session of its room and round, if this
// page has one open (session.ts). The socket listeners exist while one does.
import { listen, socket } from '../../lib/socket';
import type { Id, WorkspaceCursorEvent, WorkspaceLanguageEvent, WorkspaceUpdatesEvent } from '../../types';

export interface WorkspaceEventHandler {
  updates(e: WorkspaceUpdatesEvent): void;
  language(e: WorkspaceLanguageEvent): void;
  cursor(e: WorkspaceCursorEvent): void;
}

const routes = new Map<string, WorkspaceEventHandler>();
let offs: Array<() => void> = [];
const keyOf = (roomId: Id, round: number) => `${roomId}\n${round}`;

/** Sends the events of this room and round to `handler` until the returned function is called. */
export function routeWorkspaceEvents(roomId: Id, round: number, handler: WorkspaceEventHandler): () => void {
  const key = keyOf(roomId, round);
  routes.set(key, handler);
  if (!offs.length) {
    offs = [
      listen(socket, 'workspace-updates', (e) => routes.get(keyOf(e.roomId, e.round))?.updates(e)),
      listen(socket, 'workspace-language', (e) => routes.get(keyOf(e.roomId, e.round))?.language(e)),
      listen(socket, 'workspace-cursor', (e) => routes.get(keyOf(e.roomId, e.round))?.cursor(e)),
    ];
  }
  return () => {
    if (routes.get(key) === handler) routes.delete(key);
    if (!routes.size) {
      offs.forEach((off) => off());
      offs = [];
    }
  };
}
