// Choose 1 to 5 questions, filtered by the server: for an invitation (Find
// Match) and for the next round of an interview (Switch roles).
import { useId, useMemo, useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Modal } from '../../components/Modal';
import { DifficultyBadge } from '../../components/DifficultyBadge';
import { api } from '../../lib/api';
import { describeError } from '../../lib/errors';
import { useDebounced } from '../../lib/useDebounced';
import { DIFFICULTIES, type Difficulty, type Question } from '../../types';

export const MAX_QUESTIONS = 5;

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
  const [category, setCategory] = useState('');
  const [difficulty, setDifficulty] = useState<Difficulty | ''>('');
  const [q, setQ] = useState('');
  const debouncedQ = useDebounced(q.trim(), 250);
  const [selected, setSelected] = useState<Question[]>([]);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const countId = useId();

  const all = useQuery({ queryKey: ['questions', {}], queryFn: () => api.questions(), staleTime: 5 * 60_000 });
  const filters = { category, difficulty, q: debouncedQ };
  const filtered = useQuery({
    queryKey: ['questions', filters],
    queryFn: () => api.questions(filters),
    staleTime: 60_000,
    placeholderData: (prev) => prev,
  });
  const categories = useMemo(
    () => Array.from(new Set((all.data?.questions ?? []).map((x) => x.category))).sort(),
    [all.data],
  );

  const selectedIds = new Set(selected.map((s) => s.id));
  const full = selected.length >= MAX_QUESTIONS;

  function toggle(question: Question) {
    setSelected((cur) =>
      cur.some((s) => s.id === question.id)
        ? cur.filter((s) => s.id !== question.id)
        : cur.length >= MAX_QUESTIONS
          ? cur
          : [...cur, question],
    );
  }

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

  const questions = filtered.data?.questions ?? [];
  return (
    <Modal title={title} onClose={onClose} className="picker-dialog" initialFocus="#picker-q">
      <form onSubmit={submit} noValidate>
        <fieldset className="filters">
          <legend className="sr-only">Filter questions</legend>
          <div className="field">
            <label htmlFor="picker-q">Search questions</label>
            <input id="picker-q" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="picker-category">Category</label>
            <select id="picker-category" value={category} onChange={(e) => setCategory(e.target.value)}>
              <option value="">All categories</option>
              {categories.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="picker-difficulty">Difficulty</label>
            <select
              id="picker-difficulty"
              value={difficulty}
              onChange={(e) => setDifficulty(e.target.value as Difficulty | '')}
            >
              <option value="">Any difficulty</option>
              {DIFFICULTIES.map((d) => (
                <option key={d} value={d}>
                  {d}
                </option>
              ))}
            </select>
          </div>
        </fieldset>

        <p id={countId} className="picker-count" role="status">
          {selected.length} of {MAX_QUESTIONS} questions selected
          {full ? ' (the most you can pick)' : ''}
        </p>

        <fieldset className="question-options" aria-describedby={countId}>
          <legend className="sr-only">Questions</legend>
          {filtered.isPending && <p role="status">Loading questions…</p>}
          {filtered.isError && <p role="alert">{describeError(filtered.error)}</p>}
          {filtered.isSuccess && questions.length === 0 && <p className="muted">No questions match these filters.</p>}
          <ul className="option-list">
            {questions.map((question) => {
              const checked = selectedIds.has(question.id);
              return (
                <li key={question.id}>
                  <label className={`option${checked ? ' option-checked' : ''}`}>
                    <input
                      type="checkbox"
                      checked={checked}
                      disabled={!checked && full}
                      onChange={() => toggle(question)}
                    />
                    <span className="option-main">
                      <span className="option-title">{question.title}</span>
                      <span className="option-meta">
                        <DifficultyBadge difficulty={question.difficulty} />
                        <span className="muted small">{question.category}</span>
                      </span>
                    </span>
                  </label>
                </li>
              );
            })}
          </ul>
        </fieldset>

        {selected.length > 0 && (
          <div className="picked">
            <h3 className="section-title">Selected</h3>
            <ol className="question-list compact">
              {selected.map((s) => (
                <li key={s.id}>
                  {s.title}{' '}
                  <button type="button" className="link-button" onClick={() => toggle(s)}>
                    Remove<span className="sr-only"> {s.title}</span>
                  </button>
                </li>
              ))}
            </ol>
          </div>
        )}

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
