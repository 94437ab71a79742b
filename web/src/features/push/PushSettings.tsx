// "Notify me when I'm not on the site" on the profile: asks the browser's permission only when
// the user turns it on, subscribes with the server's VAPID key, and can be turned off.
import { useEffect, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { Switch } from '../../components/Switch';
import { api } from '../../lib/api';
import { describeError } from '../../lib/errors';
import { browserSubscription, subscribe, unsubscribe } from './pushClient';
import { browserPushSupport, permissionProblem, SUPPORT_MESSAGE } from './support';

const pushKeys = { config: ['push', 'config'] as const, subscriptions: ['push', 'subscriptions'] as const };

export function PushSettings() {
  const qc = useQueryClient();
  const [support] = useState(browserPushSupport);
  const supported = support === 'supported';
  const config = useQuery({ queryKey: pushKeys.config, queryFn: api.pushConfig, staleTime: Infinity, enabled: supported });
  const stored = useQuery({ queryKey: pushKeys.subscriptions, queryFn: api.pushSubscriptions, enabled: supported });
  /** This browser's subscription endpoint: undefined while looking, null when none. */
  const [endpoint, setEndpoint] = useState<string | null | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (!supported) return;
    let alive = true;
    browserSubscription()
      .then((s) => alive && setEndpoint(s?.endpoint ?? null))
      .catch(() => alive && setEndpoint(null));
    return () => {
      alive = false;
    };
  }, [supported]);

  const mine = endpoint ? (stored.data?.subscriptions.find((s) => s.endpoint === endpoint) ?? null) : null;
  const on = mine !== null && supported && Notification.permission === 'granted';
  const publicKey = config.data?.publicKey ?? null;

  async function turnOn() {
    if (!publicKey) return;
    setProblem(null);
    setBusy(true);
    try {
      // Asked here, on the user's click, and nowhere else.
      const refused = permissionProblem(await Notification.requestPermission());
      if (refused) {
        setProblem(refused);
        return;
      }
      const saved = await subscribe(publicKey);
      setEndpoint(saved.endpoint);
      await qc.invalidateQueries({ queryKey: pushKeys.subscriptions });
      toast.success('This browser will notify you of invitations and scheduled interviews while you are away.');
    } catch (e) {
      setProblem(e instanceof DOMException ? `The browser refused to subscribe: ${e.message}` : describeError(e));
    } finally {
      setBusy(false);
    }
  }

  async function turnOff() {
    setProblem(null);
    setBusy(true);
    try {
      await unsubscribe(mine);
      setEndpoint(null);
      await qc.invalidateQueries({ queryKey: pushKeys.subscriptions });
      toast.success('Notifications are off for this browser.');
    } catch (e) {
      setProblem(describeError(e));
    } finally {
      setBusy(false);
    }
  }

  let body;
  if (!supported) {
    body = <p data-testid="push-unavailable">{SUPPORT_MESSAGE[support]}</p>;
  } else if (config.isPending || stored.isPending || endpoint === undefined) {
    body = <p role="status">Loading…</p>;
  } else if (config.isError || stored.isError) {
    body = <p role="alert">{describeError(config.error ?? stored.error)}</p>;
  } else if (!publicKey) {
    body = <p data-testid="push-unavailable">Push notifications are turned off on this server.</p>;
  } else {
    body = (
      <div className="switch-row">
        <Switch
          checked={on}
          label="Notify me when I'm not on the site"
          describedBy="push-hint"
          onToggle={on ? turnOff : turnOn}
          disabled={busy}
        />
        <p id="push-hint" className="muted small">
          {on
            ? 'This browser shows invitations, proposed interviews and reminders while no mockmate tab is open.'
            : 'Get invitations, proposed interviews and reminders in this browser while no mockmate tab is open. The browser asks for your permission.'}
        </p>
      </div>
    );
  }

  return (
    <section className="card" aria-labelledby="notifications-title">
      <h2 id="notifications-title">Push notifications</h2>
      {body}
      {problem && (
        <p role="alert" className="form-error">
          {problem}
        </p>
      )}
    </section>
  );
}
