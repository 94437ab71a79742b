// Live status of the partners a page shows. The `presence` event is handled
// here and nowhere else; the watched list is sent again after every reconnect
// (it belongs to the socket, and a new socket starts with none).
import { useEffect, useState } from 'react';
import { emitRequest, listen, onEveryConnect, socket } from '../../lib/socket';
import type { Id, Partner, PresenceInfo } from '../../types';

export type LiveStatus = 'online' | 'offline' | 'busy' | 'unavailable';

export function liveStatus(p: Pick<PresenceInfo, 'online' | 'busy' | 'available'>): LiveStatus {
  if (!p.available) return 'unavailable';
  if (p.busy) return 'busy';
  return p.online ? 'online' : 'offline';
}

export const STATUS_LABEL: Record<LiveStatus, string> = {
  online: 'Online',
  offline: 'Offline',
  busy: 'In an interview',
  unavailable: 'Not available',
};

/** The latest presence of each watched id; falls back to the partner list's own flags. */
export function usePresence(userIds: Id[]): Record<Id, PresenceInfo> {
  const [presence, setPresence] = useState<Record<Id, PresenceInfo>>({});
  const key = Array.from(new Set(userIds)).sort().slice(0, 200).join(',');

  useEffect(() => {
    const ids = key ? key.split(',') : [];
    let alive = true;
    const onPresence = (p: PresenceInfo) => {
      if (alive && ids.includes(p.userId)) setPresence((old) => ({ ...old, [p.userId]: p }));
    };
    const offPresence = listen(socket, 'presence', onPresence);
    const offConnect = onEveryConnect(() => {
      emitRequest('watch-presence', { userIds: ids })
        .then((r) => {
          if (!alive) return;
          const next: Record<Id, PresenceInfo> = {};
          for (const p of r.presence ?? []) next[p.userId] = p;
          setPresence((old) => ({ ...old, ...next }));
        })
        .catch(() => undefined);
    });
    return () => {
      alive = false;
      offPresence();
      offConnect();
    };
  }, [key]);

  return presence;
}

export function statusOf(partner: Partner, presence: PresenceInfo | undefined): LiveStatus {
  return liveStatus(presence ?? { online: partner.online, busy: partner.busy, available: partner.profile.available });
}
