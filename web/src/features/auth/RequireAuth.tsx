import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useMe } from './session';
import { describeError } from '../../lib/errors';

export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <p className="page-loading" role="status">Loading…</p>;
  if (me.isError)
    return (
      <div className="page narrow">
        <p role="alert">{describeError(me.error)}</p>
        <button type="button" className="btn" onClick={() => me.refetch()}>
          Try again
        </button>
      </div>
    );
  if (!me.data) {
    const next = location.pathname + location.search;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return <>{children}</>;
}

/** Pages for signed-out people only (log in, register) send signed-in ones on. */
export function RedirectIfSignedIn({ children }: { children: ReactNode }) {
  const me = useMe();
  if (me.data) return <Navigate to={me.data.profileComplete ? '/dashboard' : '/profile'} replace />;
  return <>{children}</>;
}
