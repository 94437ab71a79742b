// The room's chat on this page: the history read on every (re)join (so what
// was said while this page was away appears, once), chat-message events (the
// one listener of that event), and sending with the ack.
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { describeError } from '../../lib/errors';
import { emitRequest, listen, socket } from '../../lib/socket';
import type { Id } from '../../types';
import { chatReducer, initialChat, sendableText } from './chatState';
import { readChat } from './history';

let localIds = 0;

export function useChat(roomId: Id, meId: Id, joins: number) {
  const [state, dispatch] = useReducer(chatReducer, meId, (id) => initialChat(id, true));
  const [historyError, setHistoryError] = useState<string | null>(null);
  const texts = useRef(new Map<string, string>());

  useEffect(
    () =>
      listen(socket, 'chat-message', ({ message }) => {
        if (message.roomId === roomId) dispatch({ type: 'received', message });
      }),
    [roomId],
  );

  useEffect(() => {
    let cancelled = false;
    readChat(roomId).then(
      (messages) => {
        if (cancelled) return;
        setHistoryError(null);
        dispatch({ type: 'history', messages });
      },
      (e: unknown) => !cancelled && setHistoryError(describeError(e)),
    );
    return () => {
      cancelled = true;
    };
  }, [roomId, joins]);

  const deliver = useCallback(
    (localId: string, text: string) => {
      emitRequest('chat-message', { roomId, text }).then(
        ({ message }) => {
          texts.current.delete(localId);
          dispatch({ type: 'sent', localId, message });
        },
        (e: unknown) => dispatch({ type: 'failed', localId, error: describeError(e) }),
      );
    },
    [roomId],
  );

  /** Sends the text; false when there is nothing to send. */
  const send = useCallback(
    (raw: string): boolean => {
      const text = sendableText(raw);
      if (!text) return false;
      const localId = `local-${++localIds}`;
      texts.current.set(localId, text);
      dispatch({ type: 'sending', localId, text });
      deliver(localId, text);
      return true;
    },
    [deliver],
  );

  const retry = useCallback(
    (localId: string) => {
      const text = texts.current.get(localId);
      if (!text) return;
      dispatch({ type: 'retry', localId });
      deliver(localId, text);
    },
    [deliver],
  );

  const discard = useCallback((localId: string) => {
    texts.current.delete(localId);
    dispatch({ type: 'discard', localId });
  }, []);

  const toggle = useCallback((open: boolean) => dispatch({ type: 'toggle', open }), []);

  return { state, historyError, send, retry, discard, toggle };
}
