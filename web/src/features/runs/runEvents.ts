// run-started and run-finished are handled here: both participants' tabs see
// every run of the room start and finish (API.md v2).
import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { listen, socket } from '../../lib/socket';
import type { Id, RunEvent } from '../../types';
import { storeRun } from './queries';

export function useRunEvents(roomId: Id) {
  const qc = useQueryClient();
  useEffect(() => {
    const onRun = ({ run }: RunEvent) => {
      if (run.roomId === roomId) storeRun(qc, run);
    };
    const offs = [listen(socket, 'run-started', onRun), listen(socket, 'run-finished', onRun)];
    return () => offs.forEach((off) => off());
  }, [qc, roomId]);
}
