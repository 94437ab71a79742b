// Choose 1 to 5 questions for an invitation (the chooser is shared with scheduling).
import { useState, type FormEvent } from 'react';
import { Modal } from '../../components/Modal';
import { QuestionChooser } from '../../entities/question/QuestionChooser';
import { describeError } from '../../lib/errors';
import type { Partner, Question } from '../../types';

interface Props {
  partner: Partner;
  onClose: () => void;
  onSend: (questionIds: string[]) => Promise<void>;
}

export function QuestionPicker({ partner, onClose, onSend }: Props) {
  const [selected, setSelected] = useState<Question[]>([]);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (selected.length === 0) {
      setError('Pick at least one question.');
      return;
    }
    setSending(true);
    setError(null);
    try {
      await onSend(selected.map((s) => s.id));
    } catch (err) {
      setError(describeError(err));
      setSending(false);
    }
  }

  return (
    <Modal title={`Choose questions for ${partner.name}`} onClose={onClose} className="picker-dialog" initialFocus="#picker-q">
      <form onSubmit={submit} noValidate>
        <QuestionChooser selected={selected} onChange={setSelected} />
        {error && (
          <p role="alert" className="form-error">
            {error}
          </p>
        )}
        <div className="modal-actions">
          <button type="button" className="btn btn-ghost" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={sending || selected.length === 0}>
            {sending ? 'Sending…' : 'Send Invitation'}
          </button>
        </div>
      </form>
    </Modal>
  );
}
