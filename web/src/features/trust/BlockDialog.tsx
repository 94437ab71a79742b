import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { Modal } from '../../components/Modal';
import { api } from '../../lib/api';
import { describeError } from '../../lib/errors';
import type { Participant } from '../../types';
import { refreshAfterBlock } from './queries';

/** Confirms a block, saying what it does, then POST /api/blocks. */
export function BlockDialog({
  user,
  inRoom,
  onClose,
  onBlocked,
}: {
  user: Participant;
  /** Opened from a live interview: blocking does not end it. */
  inRoom?: boolean;
  onClose: () => void;
  onBlocked?: () => void;
}) {
  const qc = useQueryClient();
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function block() {
    setSending(true);
    setError(null);
    try {
      await api.block(user.id);
      refreshAfterBlock(qc);
      toast.success(`You blocked ${user.name}. You can undo this on your profile.`, { id: `block:${user.id}` });
      onBlocked?.();
      onClose();
    } catch (e) {
      setError(describeError(e));
      setSending(false);
    }
  }

  return (
    <Modal title={`Block ${user.name}?`} onClose={onClose} role="alertdialog" describedBy="block-explained" initialFocus="[data-autofocus]">
      <div id="block-explained">
        <p>Blocking works both ways:</p>
        <ul>
          <li>neither of you is listed to the other, sees the other online, or is paired by quick match;</li>
          <li>neither of you can invite the other or schedule an interview with the other;</li>
          <li>pending invitations and scheduled interviews between you end now.</li>
        </ul>
        <p className="muted">
          {inRoom ? 'This interview is not ended by blocking: use “End interview” to leave it. ' : ''}
          Past interviews stay in both histories. {user.name} is not told that you blocked them. You can unblock on
          your profile.
        </p>
      </div>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <div className="modal-actions">
        <button type="button" className="btn btn-ghost" onClick={onClose} data-autofocus>
          Cancel
        </button>
        <button type="button" className="btn btn-danger" onClick={block} disabled={sending}>
          {sending ? 'Blocking…' : `Block ${user.name}`}
        </button>
      </div>
    </Modal>
  );
}
