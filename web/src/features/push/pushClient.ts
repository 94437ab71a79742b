// This browser's push subscription and the server's record of it: subscribe with the server's
// key and register it, or unsubscribe and delete it (shared/API.md v2).
import { api, ApiError } from '../../lib/api';
import { base64UrlToBytes, sameBytes } from '../../lib/base64url';
import type { PushSubscriptionInput, StoredPushSubscription } from '../../types';
import { workerRegistration } from './serviceWorker';

export async function browserSubscription(): Promise<PushSubscription | null> {
  const reg = await navigator.serviceWorker.getRegistration('/');
  return (await reg?.pushManager.getSubscription()) ?? null;
}

/** Subscribes this browser (replacing a subscription made with another key) and registers it. */
export async function subscribe(publicKey: string): Promise<StoredPushSubscription> {
  const reg = await workerRegistration();
  if (!reg) throw new Error('The service worker could not be installed.');
  const key = base64UrlToBytes(publicKey);
  let sub = await reg.pushManager.getSubscription();
  if (sub && !sameBytes(sub.options.applicationServerKey, key)) {
    await sub.unsubscribe();
    sub = null;
  }
  sub ??= await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
  const { subscription } = await api.addPushSubscription(sub.toJSON() as PushSubscriptionInput);
  return subscription;
}

/**
 * Deletes the server's record of this browser's subscription (`stored`, when known), then
 * unsubscribes the browser: a failure on the server leaves push on, as the user sees it.
 */
export async function unsubscribe(stored: StoredPushSubscription | null): Promise<void> {
  if (stored) {
    try {
      await api.deletePushSubscription(stored.id);
    } catch (e) {
      if (!(e instanceof ApiError && e.code === 'not_found')) throw e;
    }
  }
  const sub = await browserSubscription();
  if (sub) await sub.unsubscribe();
}
