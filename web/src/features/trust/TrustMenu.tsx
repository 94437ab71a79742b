// Block and Report for one person, wherever they appear (partner card, invitation dialog, room,
// history entry): a disclosure button that shows the two actions, each opening its dialog.
import { useEffect, useId, useRef, useState } from 'react';
import type { Id, Participant } from '../../types';
import { BlockDialog } from './BlockDialog';
import { ReportDialog } from './ReportDialog';

export function TrustMenu({
  user,
  roomId,
  inRoom,
  onBlocked,
}: {
  user: Participant;
  /** The interview to name in a report (from a room or a history entry). */
  roomId?: Id;
  inRoom?: boolean;
  onBlocked?: () => void;
}) {
  const [open, setOpen] = useState(false);
  const [dialog, setDialog] = useState<'block' | 'report' | null>(null);
  const listId = useId();
  const rootRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (!rootRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  const choose = (d: 'block' | 'report') => {
    setOpen(false);
    setDialog(d);
  };

  return (
    <div
      className="trust-menu"
      ref={rootRef}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          // Close the disclosure only, not a dialog around it.
          e.preventDefault();
          e.stopPropagation();
          setOpen(false);
        }
      }}
    >
      <button
        type="button"
        className="btn btn-small btn-ghost"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((v) => !v)}
      >
        Block or report<span className="sr-only"> options for {user.name}</span>
      </button>
      <div id={listId} className="trust-actions" hidden={!open}>
        <button type="button" className="btn btn-small" onClick={() => choose('report')}>
          Report<span className="sr-only"> {user.name}</span>
        </button>
        <button type="button" className="btn btn-small btn-warn" onClick={() => choose('block')}>
          Block<span className="sr-only"> {user.name}</span>
        </button>
      </div>
      {dialog === 'block' && <BlockDialog user={user} inRoom={inRoom} onClose={() => setDialog(null)} onBlocked={onBlocked} />}
      {dialog === 'report' && <ReportDialog user={user} roomId={roomId} onClose={() => setDialog(null)} />}
    </div>
  );
}
