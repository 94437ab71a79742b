import { useState, type FormEvent } from 'react';
import { toast } from 'sonner';
import { FormField } from '../../components/FormField';
import { Modal } from '../../components/Modal';
import { api } from '../../lib/api';
import { describeError } from '../../lib/errors';
import { REPORT_REASONS, type Id, type Participant, type ReportReason } from '../../types';

export const DETAILS_MAX = 2000;

const REASON_LABEL: Record<ReportReason, string> = {
  no_show: 'Did not turn up',
  abusive: 'Abusive or harassing',
  inappropriate: 'Inappropriate content or behaviour',
  spam: 'Spam or advertising',
  other: 'Something else',
};

/** POST /api/reports: a reason, optional details, and the interview when reported from one. */
export function ReportDialog({ user, roomId, onClose }: { user: Participant; roomId?: Id; onClose: () => void }) {
  const [reason, setReason] = useState<ReportReason | ''>('');
  const [details, setDetails] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!reason) {
      setError('Choose a reason.');
      return;
    }
    setSending(true);
    setError(null);
    try {
      await api.report({ userId: user.id, reason, ...(roomId ? { roomId } : {}), ...(details.trim() ? { details: details.trim() } : {}) });
      toast.success(`Thank you. Your report about ${user.name} was sent to the moderators.`);
      onClose();
    } catch (err) {
      // rate_limited reads "Too many ... Try again in N minutes." (lib/errors).
      setError(describeError(err));
      setSending(false);
    }
  }

  return (
    <Modal title={`Report ${user.name}`} onClose={onClose} initialFocus="input[name=report-reason]">
      <form onSubmit={submit} noValidate>
        <fieldset>
          <legend>Reason</legend>
          {REPORT_REASONS.map((r) => (
            <label key={r} className="radio-row">
              <input type="radio" name="report-reason" value={r} checked={reason === r} onChange={() => setReason(r)} />
              {REASON_LABEL[r]}
            </label>
          ))}
        </fieldset>
        <FormField label="Details (optional)" id="report-details" hint={`${details.length}/${DETAILS_MAX}`}>
          {(a) => <textarea {...a} rows={4} maxLength={DETAILS_MAX} value={details} onChange={(e) => setDetails(e.target.value)} />}
        </FormField>
        {roomId && <p className="muted small">The report names this interview.</p>}
        {error && (
          <p role="alert" className="form-error">
            {error}
          </p>
        )}
        <div className="modal-actions">
          <button type="button" className="btn btn-ghost" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="btn btn-danger" disabled={sending}>
            {sending ? 'Sending…' : 'Send report'}
          </button>
        </div>
      </form>
    </Modal>
  );
}
