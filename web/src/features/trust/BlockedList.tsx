import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { api } from '../../lib/api';
import { describeError } from '../../lib/errors';
import type { Block } from '../../types';
import { refreshAfterBlock, useBlocks } from './queries';

function BlockedRow({ block }: { block: Block }) {
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  async function unblock() {
    setBusy(true);
    try {
      await api.unblock(block.user.id);
      refreshAfterBlock(qc);
      toast.success(`You unblocked ${block.user.name}.`);
    } catch (e) {
      toast.error(describeError(e));
      setBusy(false);
    }
  }
  return (
    <li className="pending-row">
      <div>
        <strong>{block.user.name}</strong>{' '}
        <span className="muted small">
          since <time dateTime={block.createdAt}>{new Date(block.createdAt).toLocaleDateString()}</time>
        </span>
      </div>
      <button type="button" className="btn btn-small" onClick={unblock} disabled={busy}>
        {busy ? 'Unblocking…' : 'Unblock'}
        <span className="sr-only"> {block.user.name}</span>
      </button>
    </li>
  );
}

/** The profile's "Blocked people" (GET /api/blocks), each with Unblock. */
export function BlockedList() {
  const blocks = useBlocks();
  return (
    <section className="card" aria-labelledby="blocked-title">
      <h2 id="blocked-title">Blocked people</h2>
      {blocks.isPending && <p role="status">Loading…</p>}
      {blocks.isError && <p role="alert">{describeError(blocks.error)}</p>}
      {blocks.data && blocks.data.blocks.length === 0 && <p className="muted">You have not blocked anyone.</p>}
      {blocks.data && blocks.data.blocks.length > 0 && (
        <ul className="pending-list">
          {blocks.data.blocks.map((b) => (
            <BlockedRow key={b.user.id} block={b} />
          ))}
        </ul>
      )}
    </section>
  );
}
