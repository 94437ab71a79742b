// Choose 1 to 5 questions in a dialog: for an invitation (Find Match) and for the next round of
// an interview (Switch roles). The list itself is QuestionChooser, shared with scheduling.
import { useState, type FormEvent } from 'react';
import { Modal } from '../../components/Modal';
import { describeError } from '../../lib/errors';
import type { Question } from '../../types';
import { QuestionChooser } from './QuestionChooser';

export { MAX_QUESTIONS } from './QuestionChooser';

interface Props {
  /** The dialog's title (its accessible name). */
  title: string;
  /** The submit button's label, and its label while `onSend` runs. */
  sendLabel: string;
  sendingLabel?: string;
  onClose: () => void;
  /** Throws to say why the questions were not taken; the dialog shows it. */
  onSend: (questionIds: string[]) => Promise<void>;
}

export function QuestionPicker({ title, sendLabel, sendingLabel = 'Sending…', onClose, onSend }: Props) {
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
    <Modal title={title} onClose={onClose} className="picker-dialog" initialFocus="#picker-q">
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
            {sending ? sendingLabel : sendLabel}
          </button>
        </div>
      </form>
    </Modal>
  );
}
