import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useInfiniteQuery } from '@tanstack/react-query';
import { toast } from 'sonner';
import { api } from '../../lib/api';
import { describeError } from '../../lib/errors';
import { useDebounced } from '../../lib/useDebounced';
import { EXPERIENCE_LEVELS, type ExperienceLevel, type Partner } from '../../types';
import { levelLabel } from '../../components/PersonSummary';
import { useCurrentUser } from '../auth/session';
import { useInvitations } from '../invitations/InvitationsProvider';
import { WaitingPanel } from '../invitations/WaitingPanel';
import { PartnerCard } from './PartnerCard';
import { statusOf, usePresence } from './presence';
import { useActiveInterview } from '../../entities/interview/queries';
import { QuickMatch } from '../quickmatch/QuickMatch';
import { ScheduleDialog } from '../schedule/ScheduleDialog';
import { QuestionPicker } from '../../entities/question/QuestionPicker';

const PAGE_SIZE = 24;

export function FindMatchPage() {
  const me = useCurrentUser();
  const invitations = useInvitations();
  const active = useActiveInterview();
  const [topic, setTopic] = useState('');
  const [level, setLevel] = useState<ExperienceLevel | ''>('');
  const [q, setQ] = useState('');
  const filters = { topic: useDebounced(topic.trim()), level, q: useDebounced(q.trim()) };
  const [picking, setPicking] = useState<Partner | null>(null);
  const [scheduling, setScheduling] = useState<Partner | null>(null);

  const partners = useInfiniteQuery({
    queryKey: ['partners', filters],
    queryFn: ({ pageParam }) => api.partners({ ...filters, limit: PAGE_SIZE, cursor: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? null,
    placeholderData: (prev) => prev,
    refetchInterval: 30_000,
  });
  const list = useMemo(() => (partners.data?.pages ?? []).flatMap((p) => p.users), [partners.data]);
  const presence = usePresence(list.map((p) => p.id));
  const outgoing = invitations.state.outgoing;

  const blockedReason = outgoing
    ? 'You are waiting for an answer to your invitation.'
    : active
      ? 'You are in an interview right now.'
      : null;

  async function send(partner: Partner, questionIds: string[]) {
    await invitations.send(partner, questionIds);
    setPicking(null);
  }

  return (
    <div className="page">
      <div className="page-head">
        <h1>Find Match</h1>
        <p className="muted">
          People who are available for a mock interview, best matches first.{' '}
          <button type="button" className="link-button" onClick={() => partners.refetch()} disabled={partners.isFetching}>
            Refresh list
          </button>
        </p>
      </div>

      {!me.profileComplete && (
        <p className="notice">
          Your profile is not complete yet, so others cannot find you. <Link to="/profile">Complete your profile</Link>
        </p>
      )}

      <QuickMatch disabledReason={active ? 'You are in an interview right now.' : null} />

      {outgoing ? (
        <WaitingPanel outgoing={outgoing} onCancel={() => invitations.cancel(outgoing.interview.roomId)} />
      ) : (
        <>
          <form className="filters card" role="search" aria-label="Filter partners" onSubmit={(e) => e.preventDefault()}>
            <div className="field">
              <label htmlFor="filter-topic">Topic</label>
              <input id="filter-topic" value={topic} onChange={(e) => setTopic(e.target.value)} placeholder="e.g. graphs" />
            </div>
            <div className="field">
              <label htmlFor="filter-level">Experience level</label>
              <select id="filter-level" value={level} onChange={(e) => setLevel(e.target.value as ExperienceLevel | '')}>
                <option value="">Any level</option>
                {EXPERIENCE_LEVELS.map((l) => (
                  <option key={l} value={l}>
                    {levelLabel(l)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="filter-q">Name</label>
              <input id="filter-q" type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="Search by name" />
            </div>
          </form>

          <section aria-labelledby="partners-title" aria-busy={partners.isFetching}>
            <h2 id="partners-title" className="sr-only">
              Partners
            </h2>
            {partners.isPending && <p role="status">Looking for partners…</p>}
            {partners.isError && (
              <div role="alert" className="notice error">
                {describeError(partners.error)}{' '}
                <button type="button" className="btn btn-small" onClick={() => partners.refetch()}>
                  Try again
                </button>
              </div>
            )}
            {partners.isSuccess && list.length === 0 && (
              <p className="empty">
                Nobody matches right now. Try other filters, or come back later — new people become available all the
                time.
              </p>
            )}
            <div className="partner-grid">
              {list.map((p) => (
                <PartnerCard
                  key={p.id}
                  partner={p}
                  status={statusOf(p, presence[p.id])}
                  blockedReason={blockedReason}
                  onInvite={() => setPicking(p)}
                  onSchedule={() => setScheduling(p)}
                />
              ))}
            </div>
            {partners.hasNextPage && (
              <button
                type="button"
                className="btn btn-block"
                onClick={() => partners.fetchNextPage()}
                disabled={partners.isFetchingNextPage}
              >
                {partners.isFetchingNextPage ? 'Loading…' : 'Show more partners'}
              </button>
            )}
          </section>
        </>
      )}

      {scheduling && <ScheduleDialog partner={scheduling} onClose={() => setScheduling(null)} />}
      {picking && (
        <QuestionPicker
          title={`Choose questions for ${picking.name}`}
          sendLabel="Send Invitation"
          onClose={() => setPicking(null)}
          onSend={async (ids) => {
            try {
              await send(picking, ids);
            } catch (e) {
              toast.error(describeError(e));
              throw e;
            }
          }}
        />
      )}
    </div>
  );
}
