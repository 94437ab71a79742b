import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { refreshInterviewLists, reloadInterview, storeInterview } from '../../../entities/interview/queries';
import { api } from '../../../lib/api';
import { describeError } from '../../../lib/errors';
import { emitRequest, socket } from '../../../lib/socket';
import type { Id } from '../../../types';
import type { CallControlsState } from './useCallControls';

/** Ends the interview for both (over the socket when connected, else REST); the room page then shows the report. */
function useEndInterview(roomId: Id) {
  const qc = useQueryClient();
  const [ending, setEnding] = useState(false);
  async function end() {
    setEnding(true);
    try {
      const iv = socket.connected
        ? (await emitRequest('end-interview', { roomId })).interview
        : (await api.complete(roomId)).interview;
      storeInterview(qc, iv);
      reloadInterview(qc, roomId);
      refreshInterviewLists(qc);
    } catch (e) {
      toast.error(describeError(e));
      setEnding(false);
    }
  }
  return { ending, end };
}

export function CallControls({ roomId, controls }: { roomId: Id; controls: CallControlsState }) {
  const { micOn, camOn, hasCamera, hasMic, toggleMic, toggleCamera } = controls;
  const { ending, end } = useEndInterview(roomId);
  return (
    <div className="controls" role="group" aria-label="Call controls">
      <button type="button" className={`btn ${micOn ? '' : 'btn-warn'}`} onClick={toggleMic} disabled={!hasMic}>
        {micOn ? 'Mute' : 'Unmute'}
      </button>
      <button type="button" className={`btn ${camOn && hasCamera ? '' : 'btn-warn'}`} onClick={toggleCamera}>
        {hasCamera && camOn ? 'Turn camera off' : 'Turn camera on'}
      </button>
      <button type="button" className="btn btn-danger" onClick={end} disabled={ending}>
        {ending ? 'Ending…' : 'End interview'}
      </button>
    </div>
  );
}
