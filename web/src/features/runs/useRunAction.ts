// Starting a run: POST /api/interviews/:roomId/runs with what `prepare` says
// (the round; code and language only when the shared document could not be
// saved first), one at a time, with the contract's refusals in words.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { ApiError, describeError } from '../../lib/errors';
import type { Id, RunInput } from '../../types';
import { storeRun } from './queries';

export interface RunAction {
  start: () => void;
  starting: boolean;
  error: string | null;
}

/** What a refused run says to a person. */
export function describeRunError(e: unknown): string {
  if (e instanceof ApiError) {
    if (e.code === 'conflict') return 'A run is already going on in this interview: wait for it to finish.';
    if (e.code === 'unavailable')
      return `Code cannot run on this server right now (the sandbox is missing or busy).${
        e.retryAfterSeconds != null ? ` Try again in ${Math.ceil(e.retryAfterSeconds)} s.` : ' Try again later.'
      }`;
    if (e.code === 'rate_limited') return `Too many runs in this interview: ${describeError(e)}`;
  }
  return `The code could not be run: ${describeError(e)}`;
}

export function useRunAction(roomId: Id, prepare: () => Promise<RunInput>): RunAction {
  const qc = useQueryClient();
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inFlight = useRef(false);
  const prepareRef = useRef(prepare);
  useEffect(() => {
    prepareRef.current = prepare;
  }, [prepare]);

  const start = useCallback(() => {
    if (inFlight.current) return;
    inFlight.current = true;
    setStarting(true);
    setError(null);
    void (async () => {
      try {
        const { run } = await api.startRun(roomId, await prepareRef.current());
        storeRun(qc, run);
      } catch (e) {
        setError(describeRunError(e));
      } finally {
        inFlight.current = false;
        setStarting(false);
      }
    })();
  }, [qc, roomId]);

  return { start, starting, error };
}

/** Ctrl/Cmd+Enter on the page runs the code; the editor handles it itself, form fields (the chat) keep it. */
export function useRunShortcut(run: () => void, enabled: boolean) {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey) || e.defaultPrevented) return;
      if (document.querySelector('dialog[open]')) return; // a dialog (the question picker) has the keyboard
      if ((e.target as Element | null)?.closest?.('.cm-editor, input, textarea, select')) return;
      e.preventDefault();
      run();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [run, enabled]);
}
