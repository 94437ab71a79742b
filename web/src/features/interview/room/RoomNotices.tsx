import { useQueryClient } from '@tanstack/react-query';
import { reloadInterview } from '../../../entities/interview/queries';
import { describeError } from '../../../lib/errors';
import type { Id } from '../../../types';
import type { RoomConnection, RoomSnapshot } from '../connection/roomConnection';

/** What needs the user: the room taken by another tab, a refused join, a connection that gave up. */
export function RoomNotices({ roomId, snap, conn }: { roomId: Id; snap: RoomSnapshot | null; conn: RoomConnection | null }) {
  const qc = useQueryClient();
  if (!snap) return null;
  return (
    <>
      {snap.state === 'moved' && (
        <div className="notice" role="alert">
          This interview is now open in another tab or window.{' '}
          <button type="button" className="btn btn-small" onClick={() => conn?.takeOver()}>
            Use this tab
          </button>
        </div>
      )}
      {snap.joinError && (
        <div className="notice error" role="alert">
          Could not join the room: {describeError(snap.joinError)}{' '}
          <button type="button" className="btn btn-small" onClick={() => reloadInterview(qc, roomId)}>
            Refresh
          </button>
        </div>
      )}
      {snap.failureReason && (
        <div className="notice error">
          <button type="button" className="btn btn-small" onClick={() => conn?.retry()}>
            Try to reconnect
          </button>
        </div>
      )}
    </>
  );
}
