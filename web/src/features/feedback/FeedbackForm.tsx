import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { interviewKeys, reloadInterview } from '../../entities/interview/queries';
import { api } from '../../lib/api';
import { describeError } from '../../lib/errors';
import type { Rubric } from '../../types';

const RUBRIC: Array<{ key: keyof Rubric; label: string }> = [
  { key: 'problemSolving', label: 'Problem solving' },
  { key: 'communication', label: 'Communication' },
  { key: 'codeQuality', label: 'Code quality' },
];

const RATING_WORDS = ['Poor', 'Fair', 'Good', 'Very good', 'Excellent'];

export function FeedbackForm({ roomId, partnerName }: { roomId: string; partnerName: string }) {
  const qc = useQueryClient();
  const [rating, setRating] = useState<number | null>(null);
  const [rubric, setRubric] = useState<Record<keyof Rubric, string>>({
    problemSolving: '',
    communication: '',
    codeQuality: '',
  });
  const [comments, setComments] = useState('');
  const [missingRating, setMissingRating] = useState(false);
  const send = useMutation({
    mutationFn: () =>
      api.sendFeedback(roomId, {
        rating: rating!,
        rubric: {
          problemSolving: rubric.problemSolving ? (Number(rubric.problemSolving) as 1) : null,
          communication: rubric.communication ? (Number(rubric.communication) as 1) : null,
          codeQuality: rubric.codeQuality ? (Number(rubric.codeQuality) as 1) : null,
        },
        comments: comments.trim() || undefined,
      }),
    onSuccess: () => {
      toast.success('Thanks! Your feedback was saved.');
      reloadInterview(qc, roomId);
      void qc.invalidateQueries({ queryKey: interviewKeys.lists });
    },
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    if (rating == null) {
      setMissingRating(true);
      document.querySelector<HTMLInputElement>('input[name="rating"]')?.focus();
      return;
    }
    send.mutate();
  }

  return (
    <form className="card feedback-form" onSubmit={submit} aria-labelledby="feedback-title" noValidate>
      <h2 id="feedback-title">Feedback for {partnerName}</h2>
      <fieldset className="rating" aria-describedby={missingRating ? 'rating-error' : undefined}>
        <legend>Overall rating</legend>
        <div className="rating-options">
          {[1, 2, 3, 4, 5].map((n) => (
            <label key={n} className={`rating-option${rating === n ? ' selected' : ''}`}>
              <input
                type="radio"
                name="rating"
                value={n}
                checked={rating === n}
                onChange={() => {
                  setRating(n);
                  setMissingRating(false);
                }}
                aria-label={`${n} out of 5 (${RATING_WORDS[n - 1]})`}
              />
              <span aria-hidden="true">{n}</span>
            </label>
          ))}
        </div>
        {missingRating && (
          <p id="rating-error" className="field-error">
            Choose a rating from 1 to 5.
          </p>
        )}
      </fieldset>

      <fieldset className="rubric">
        <legend>Rubric (optional)</legend>
        {RUBRIC.map(({ key, label }) => (
          <div className="field inline" key={key}>
            <label htmlFor={`rubric-${key}`}>{label}</label>
            <select
              id={`rubric-${key}`}
              value={rubric[key]}
              onChange={(e) => setRubric((r) => ({ ...r, [key]: e.target.value }))}
            >
              <option value="">Not rated</option>
              {[1, 2, 3, 4, 5].map((n) => (
                <option key={n} value={n}>
                  {n} — {RATING_WORDS[n - 1]}
                </option>
              ))}
            </select>
          </div>
        ))}
      </fieldset>

      <div className="field">
        <label htmlFor="feedback-comments">Comments</label>
        <textarea
          id="feedback-comments"
          rows={4}
          maxLength={4000}
          value={comments}
          onChange={(e) => setComments(e.target.value)}
          placeholder="What went well? What could be better?"
        />
      </div>
      {send.isError && (
        <p role="alert" className="form-error">
          {describeError(send.error)}
        </p>
      )}
      <button type="submit" className="btn btn-primary" disabled={send.isPending}>
        {send.isPending ? 'Sending…' : 'Submit feedback'}
      </button>
    </form>
  );
}
