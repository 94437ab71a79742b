// Choose 1 to 5 questions, filtered by the server: what an invitation and a scheduled
// interview both carry (`questionIds`, shared/API.md). The caller keeps the selection.
import { useId, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { DifficultyBadge } from '../../components/DifficultyBadge';
import { api } from '../../lib/api';
import { describeError } from '../../lib/errors';
import { useDebounced } from '../../lib/useDebounced';
import { DIFFICULTIES, type Difficulty, type Question } from '../../types';

export const MAX_QUESTIONS = 5;

interface Props {
  selected: Question[];
  onChange: (next: Question[]) => void;
  /** Prefix of the controls' ids (the search box is `${idPrefix}-q`). */
  idPrefix?: string;
}

export function QuestionChooser({ selected, onChange, idPrefix = 'picker' }: Props) {
  const [category, setCategory] = useState('');
  const [difficulty, setDifficulty] = useState<Difficulty | ''>('');
  const [q, setQ] = useState('');
  const debouncedQ = useDebounced(q.trim(), 250);
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
    if (selectedIds.has(question.id)) onChange(selected.filter((s) => s.id !== question.id));
    else if (!full) onChange([...selected, question]);
  }

  const questions = filtered.data?.questions ?? [];
  return (
    <>
      <fieldset className="filters">
        <legend className="sr-only">Filter questions</legend>
        <div className="field">
          <label htmlFor={`${idPrefix}-q`}>Search questions</label>
          <input id={`${idPrefix}-q`} type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${idPrefix}-category`}>Category</label>
          <select id={`${idPrefix}-category`} value={category} onChange={(e) => setCategory(e.target.value)}>
            <option value="">All categories</option>
            {categories.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${idPrefix}-difficulty`}>Difficulty</label>
          <select
            id={`${idPrefix}-difficulty`}
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
                  <input type="checkbox" checked={checked} disabled={!checked && full} onChange={() => toggle(question)} />
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
    </>
  );
}
