// Ties the socket to the session: connected while signed in, and a refused
// handshake or a 401 anywhere means the session is gone.
import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { setUnauthorizedHandler } from '../../lib/api';
import { connectSocket, disconnectSocket, socket } from '../../lib/socket';
import { meKey, signedOut } from './session';

export function SessionBridge({ signedIn }: { signedIn: boolean }) {
  const qc = useQueryClient();

  useEffect(() => {
    setUnauthorizedHandler(() => {
      if (qc.getQueryData(meKey)) signedOut(qc);
    });
    return () => setUnauthorizedHandler(null);
  }, [qc]);

  useEffect(() => {
    if (!signedIn) return;
    connectSocket();
    const onError = (err: Error) => {
      if (err.message === 'unauthorized') void qc.invalidateQueries({ queryKey: meKey });
      else if (!socket.active) {
        // A refused handshake for another reason: try again shortly.
        setTimeout(() => socket.connect(), 3000);
      }
    };
    socket.on('connect_error', onError);
    return () => {
      socket.off('connect_error', onError);
      disconnectSocket();
    };
  }, [signedIn, qc]);

  return null;
}
