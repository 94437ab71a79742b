/// <reference lib="webworker" />
// mockmate's service worker, served at /sw.js (scope /), built by the plugin in vite.config.ts.
// It shows push notifications for people who are not on the site and opens the app where a
// click should take them. No fetch handler: the app never runs from a cache.
import { pickClient, planNotification, safePath, SW_MESSAGES, type NotificationPlan } from './notifications';

declare const self: ServiceWorkerGlobalScope;

self.addEventListener('install', () => void self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

/** Shows or closes what the plan says; resolves with the plan. */
async function carryOut(plan: NotificationPlan): Promise<NotificationPlan> {
  if (plan.kind === 'close') {
    for (const n of await self.registration.getNotifications({ tag: plan.tag })) n.close();
    return plan;
  }
  await self.registration.showNotification(plan.title, {
    body: plan.body,
    tag: plan.tag,
    data: { url: plan.url },
    requireInteraction: plan.requireInteraction,
    // `renotify` is in the spec and Chromium but not yet in TypeScript's lib.
    ...({ renotify: plan.renotify } as NotificationOptions),
  });
  return plan;
}

function handlePush(data: unknown): Promise<NotificationPlan> {
  return carryOut(planNotification(data, Date.now()));
}

function readJson(event: PushEvent): unknown {
  try {
    return event.data?.json() ?? null;
  } catch {
    return null;
  }
}

self.addEventListener('push', (event) => event.waitUntil(handlePush(readJson(event))));

/**
 * Focuses an open tab of the app and tells it to go to `path` (the page navigates itself, so
 * its connection and state stay), or opens a new tab there. `focus` and `openWindow` need the
 * user activation of a real click; from the test hook they may be refused.
 */
async function openApp(path: string): Promise<'focused' | 'opened' | 'none'> {
  const tabs = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const i = pickClient(
    tabs.map((t) => ({ url: t.url, focused: t.focused, visibilityState: t.visibilityState })),
    self.location.origin,
  );
  if (i != null) {
    const tab = tabs[i];
    tab.postMessage({ type: SW_MESSAGES.open, url: path });
    await tab.focus().catch(() => undefined);
    return 'focused';
  }
  const opened = await self.clients.openWindow(path).catch(() => null);
  return opened ? 'opened' : 'none';
}

function handleClick(notification: Notification) {
  notification.close();
  return openApp(safePath((notification.data as { url?: unknown } | null)?.url));
}

self.addEventListener('notificationclick', (event) => event.waitUntil(handleClick(event.notification)));

// Test hook (docs/web.md): a page of this origin posts {type: 'mm:test-push', payload} to run
// the push handler on a payload, or {type: 'mm:test-click', tag} to run the click handler on
// the notification with that tag; the answer goes to the message's port. It grants nothing a
// page of the origin cannot do itself (registration.showNotification).
self.addEventListener('message', (event) => {
  const msg = event.data as { type?: unknown; payload?: unknown; tag?: unknown } | null;
  const reply = (answer: unknown) => event.ports[0]?.postMessage(answer);
  if (msg?.type === SW_MESSAGES.testPush) {
    event.waitUntil(handlePush(msg.payload).then((plan) => reply({ ok: true, plan }), (e) => reply({ ok: false, error: String(e) })));
  } else if (msg?.type === SW_MESSAGES.testClick && typeof msg.tag === 'string') {
    const tag = msg.tag;
    event.waitUntil(
      self.registration.getNotifications({ tag }).then(async (list) => {
        if (!list[0]) return reply({ ok: false, error: `no notification tagged ${tag}` });
        reply({ ok: true, result: await handleClick(list[0]) });
      }),
    );
  }
});

// The push service replaced the subscription: register the new one with the server (the old
// one is deleted there when the push service answers 404 or 410 for it).
self.addEventListener('pushsubscriptionchange', (event) => {
  const e = event as PushSubscriptionChangeEvent;
  e.waitUntil(
    (async () => {
      const key = e.oldSubscription?.options.applicationServerKey;
      const next = e.newSubscription ?? (key ? await self.registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key }) : null);
      if (!next) return;
      await fetch('/api/push/subscriptions', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(next.toJSON()),
      });
    })().catch(() => undefined),
  );
});
