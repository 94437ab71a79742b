import { Link, useLocation } from 'react-router';
import { formatElapsed, useMonotonicNow } from '../../lib/countdown';
import { useHeldTicket } from './queries';
import { waitedAt, type HeldTicket } from './ticket';

function Waited({ held }: { held: HeldTicket }) {
  return <>{formatElapsed(waitedAt(held, useMonotonicNow(1000)) ?? 0)}</>;
}

/** On other pages while a ticket waits: how long, and the way back to the panel. */
export function QuickMatchBanner() {
  const held = useHeldTicket();
  const location = useLocation();
  if (held?.ticket.status !== 'waiting' || location.pathname === '/find-match') return null;
  return (
    <p className="notice live">
      Quick match: looking for a partner (<Waited held={held} />). <Link to="/find-match">View</Link>
    </p>
  );
}
