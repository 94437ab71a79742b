// Where the web client listens to each server event. DESIGN.md: each server
// event is handled in exactly one place, so a listener is registered with a
// literal event name, `listen(socket, 'presence', f)` (lib/socket) or
// socket.io-client's own `.on('presence', f)`, in one file.

/** The event names of `interface ServerToClientEvents` in types.ts. */
export function serverEventNames(typesSource: string): string[] {
  const block = typesSource.match(/export interface ServerToClientEvents \{([\s\S]*?)\n\}/);
  if (!block) throw new Error('types.ts has no ServerToClientEvents interface');
  return Array.from(block[1].matchAll(/^\s*'?([a-z][a-z-]*)'?\s*:/gm), (m) => m[1]);
}

/** The event names a file registers listeners for, with `.on('name'` or `listen(s, 'name'`. */
export function listenedEvents(code: string): string[] {
  return Array.from(code.matchAll(/(?:\.on|\blisten)\(\s*(?:[\w.]+\s*,\s*)?'([a-z][a-z-]*)'/g), (m) => m[1]);
}

/** event -> the files that listen to it, for the given events. */
export function listeners(events: string[], files: Array<{ file: string; code: string }>): Map<string, string[]> {
  const where = new Map(events.map((e) => [e, [] as string[]]));
  for (const { file, code } of files) {
    for (const e of new Set(listenedEvents(code))) where.get(e)?.push(file);
  }
  return where;
}
