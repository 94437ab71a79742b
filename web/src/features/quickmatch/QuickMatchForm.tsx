import { useMemo, useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { FormField } from '../../components/FormField';
import { levelLabel } from '../../components/PersonSummary';
import { api } from '../../lib/api';
import { describeError, fieldOfValidationError } from '../../lib/errors';
import { EXPERIENCE_LEVELS, type ExperienceLevel, type MatchCriteriaInput } from '../../types';
import { useCurrentUser } from '../auth/session';
import { parseList } from '../profile/profileForm';
import { joinedHere, storeTicket } from './queries';
import { MAX_TOPICS } from './ticket';

/** The criteria of a quick match, filled from the profile; joins the queue. */
export function QuickMatchForm({ disabledReason }: { disabledReason: string | null }) {
  const { profile } = useCurrentUser();
  const qc = useQueryClient();
  const [topics, setTopics] = useState(profile.topics.slice(0, MAX_TOPICS).join(', '));
  const [level, setLevel] = useState<ExperienceLevel | ''>(profile.experienceLevel ?? '');
  const [category, setCategory] = useState('');
  const [error, setError] = useState<{ field: 'topics' | 'category' | null; message: string } | null>(null);
  const [joining, setJoining] = useState(false);

  const questions = useQuery({ queryKey: ['questions', {}], queryFn: () => api.questions(), staleTime: 5 * 60_000 });
  const categories = useMemo(
    () => Array.from(new Set((questions.data?.questions ?? []).map((x) => x.category))).sort(),
    [questions.data],
  );
  const topicList = parseList(topics);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (topicList.length > MAX_TOPICS) {
      setError({ field: 'topics', message: `Give at most ${MAX_TOPICS} topics.` });
      document.getElementById('quick-match-topics')?.focus();
      return;
    }
    const criteria: MatchCriteriaInput = {};
    if (topicList.length) criteria.topics = topicList;
    if (level) criteria.level = level;
    if (category) criteria.category = category;
    setJoining(true);
    setError(null);
    try {
      const { ticket } = await api.joinQueue(criteria);
      joinedHere.add(ticket.id);
      storeTicket(qc, ticket);
    } catch (err) {
      const field = fieldOfValidationError(err, ['topics', 'category']) as 'topics' | 'category' | null;
      setError({ field, message: describeError(err) });
    } finally {
      setJoining(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-describedby="quick-match-about">
      <p id="quick-match-about" className="muted">
        Join the queue and get paired with the next person who fits. The criteria widen after 15 and 30
        seconds, so nobody waits long.
      </p>
      <div className="filters">
        <FormField
          label="Topics"
          id="quick-match-topics"
          hint={`Up to ${MAX_TOPICS}, separated by commas.`}
          error={error?.field === 'topics' ? error.message : null}
        >
          {(a) => <input {...a} value={topics} onChange={(e) => setTopics(e.target.value)} />}
        </FormField>
        <FormField label="Level" id="quick-match-level">
          {(a) => (
            <select {...a} value={level} onChange={(e) => setLevel(e.target.value as ExperienceLevel | '')}>
              <option value="">Any level</option>
              {EXPERIENCE_LEVELS.map((l) => (
                <option key={l} value={l}>
                  {levelLabel(l)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label="Question category" id="quick-match-category" error={error?.field === 'category' ? error.message : null}>
          {(a) => (
            <select {...a} value={category} onChange={(e) => setCategory(e.target.value)}>
              <option value="">Any category</option>
              {categories.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      {error && !error.field && (
        <p role="alert" className="form-error">
          {error.message}
        </p>
      )}
      <button
        type="submit"
        className="btn btn-primary"
        disabled={joining || disabledReason !== null}
        aria-describedby={disabledReason ? 'quick-match-disabled' : undefined}
      >
        {joining ? 'Joining…' : 'Find me a partner now'}
      </button>
      {disabledReason && (
        <p id="quick-match-disabled" className="muted small">
          {disabledReason}
        </p>
      )}
    </form>
  );
}
