import { NavLink, Navigate, Outlet, Route, Routes, useLocation, Link } from 'react-router';
import { useLogout, useMe, useCurrentUser } from './features/auth/session';
import { RedirectIfSignedIn, RequireAuth } from './features/auth/RequireAuth';
import { LoginPage, RegisterPage } from './features/auth/AuthPages';
import { SessionBridge } from './features/auth/SessionBridge';
import { InvitationsProvider, useInvitations } from './features/invitations/InvitationsProvider';
import { DashboardPage } from './features/dashboard/DashboardPage';
import { FindMatchPage } from './features/match/FindMatchPage';
import { ProfilePage } from './features/profile/ProfilePage';
import { HistoryDetailPage, HistoryPage } from './features/history/HistoryPage';
import { InterviewRoomPage } from './features/interview/InterviewRoomPage';
import { useInterviewEvents } from './features/interview/interviewEvents';
import { useQuickMatchEvents } from './features/quickmatch/quickMatchEvents';
import { QuickMatchBanner } from './features/quickmatch/QuickMatchBanner';
import { useScheduleEvents } from './features/schedule/scheduleEvents';
import { ScheduleLinkPage } from './features/schedule/ScheduleLinkPage';
import { InvitationLinkPage } from './features/invitations/InvitationLinkPage';
import { useServiceWorker } from './features/push/serviceWorker';
import { partnerOf, roomPath } from './entities/interview/model';
import { useActiveInterview } from './entities/interview/queries';
import { useSocketState } from './lib/socket';
import { formatCountdown, useRemaining } from './lib/countdown';
import { toast } from 'sonner';
import { describeError } from './lib/errors';

function ConnectionBanner() {
  const s = useSocketState();
  return (
    <div role="status" className={s === 'connected' ? 'sr-only' : 'conn-banner'}>
      {s === 'connected' ? '' : s === 'connecting' ? 'Reconnecting to the server…' : 'Offline. Not connected to the server.'}
    </div>
  );
}

function InvitationsIndicator() {
  const { state, reopen } = useInvitations();
  const hidden = state.incoming.filter((x) => state.dismissed.includes(x.interview.roomId));
  if (state.incoming.length === 0) return null;
  return (
    <button
      type="button"
      className="btn btn-small btn-accent"
      onClick={() => hidden[0] && reopen(hidden[0].interview.roomId)}
      disabled={hidden.length === 0}
    >
      Invitations ({state.incoming.length})
    </button>
  );
}

function OutgoingBanner() {
  const { state } = useInvitations();
  const location = useLocation();
  const remaining = useRemaining(state.outgoing?.deadline ?? null, 1000);
  if (!state.outgoing || location.pathname === '/find-match') return null;
  const name = state.outgoing.invitee?.name ?? state.outgoing.interview.invitee.name;
  return (
    <p className="notice live">
      Waiting for {name} to answer your invitation ({formatCountdown(remaining)} left).{' '}
      <Link to="/find-match">View</Link>
    </p>
  );
}

function ActiveInterviewBanner() {
  const active = useActiveInterview();
  const location = useLocation();
  const { user } = useCurrentUser();
  if (!active || location.pathname.startsWith('/interview/') || location.pathname === '/dashboard') return null;
  return (
    <p className="notice live">
      Your interview with {partnerOf(active, user.id).name} is on. <Link to={roomPath(active.roomId)}>Rejoin interview</Link>
    </p>
  );
}

function SignedInShell() {
  const { user } = useCurrentUser();
  const logout = useLogout();
  useInterviewEvents(user.id);
  useQuickMatchEvents(user.id);
  useScheduleEvents(user.id);
  return (
    <InvitationsProvider>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <header className="topbar">
        <Link to="/dashboard" className="brand" aria-label="mockmate home">
          <span className="brand-mark" aria-hidden="true">
            mm
          </span>
          mockmate
        </Link>
        <nav aria-label="Main">
          <ul>
            <li>
              <NavLink to="/dashboard">Dashboard</NavLink>
            </li>
            <li>
              <NavLink to="/find-match">Find Match</NavLink>
            </li>
            <li>
              <NavLink to="/history">History</NavLink>
            </li>
            <li>
              <NavLink to="/profile">Profile</NavLink>
            </li>
          </ul>
        </nav>
        <div className="topbar-end">
          <InvitationsIndicator />
          <span className="user-name">{user.name}</span>
          <button
            type="button"
            className="btn btn-small btn-ghost"
            onClick={() => logout.mutate(undefined, { onError: (e) => toast.error(describeError(e)) })}
          >
            Log out
          </button>
        </div>
      </header>
      <ConnectionBanner />
      <main id="main" tabIndex={-1}>
        <OutgoingBanner />
        <ActiveInterviewBanner />
        <QuickMatchBanner />
        <Outlet />
      </main>
    </InvitationsProvider>
  );
}

function Home() {
  const me = useMe();
  if (me.isPending) return <p className="page-loading" role="status">Loading…</p>;
  if (!me.data) return <Navigate to="/login" replace />;
  return <Navigate to={me.data.profileComplete ? '/dashboard' : '/profile'} replace />;
}

export function App() {
  const me = useMe();
  useServiceWorker();
  return (
    <>
      <SessionBridge signedIn={!!me.data} />
      <Routes>
        <Route path="/" element={<Home />} />
        <Route
          path="/login"
          element={
            <RedirectIfSignedIn>
              <LoginPage />
            </RedirectIfSignedIn>
          }
        />
        <Route
          path="/register"
          element={
            <RedirectIfSignedIn>
              <RegisterPage />
            </RedirectIfSignedIn>
          }
        />
        <Route
          element={
            <RequireAuth>
              <SignedInShell />
            </RequireAuth>
          }
        >
          <Route path="/dashboard" element={<DashboardPage />} />
          <Route path="/find-match" element={<FindMatchPage />} />
          <Route path="/profile" element={<ProfilePage />} />
          <Route path="/history" element={<HistoryPage />} />
          <Route path="/history/:roomId" element={<HistoryDetailPage />} />
          <Route path="/interview/:roomId" element={<InterviewRoomPage />} />
          <Route path="/schedules/:id" element={<ScheduleLinkPage />} />
          <Route path="/invitations/:roomId" element={<InvitationLinkPage />} />
        </Route>
        <Route
          path="*"
          element={
            <main className="page narrow" id="main">
              <h1>Page not found</h1>
              <Link to="/">Go home</Link>
            </main>
          }
        />
      </Routes>
    </>
  );
}
