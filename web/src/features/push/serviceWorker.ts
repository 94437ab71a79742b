// The app's side of the service worker (src/sw): registered on load (which asks nothing of the
// user), and its "open this page" messages, sent when a notification is clicked, become
// in-app navigation.
import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { safePath, SW_MESSAGES } from '../../sw/notifications';

export const SW_URL = '/sw.js';

export function registerServiceWorker(): Promise<ServiceWorkerRegistration | null> {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return Promise.resolve(null);
  return navigator.serviceWorker.register(SW_URL, { scope: '/' }).catch(() => null);
}

/** The registration, registering the worker if it is not yet. */
export async function workerRegistration(): Promise<ServiceWorkerRegistration | null> {
  const existing = await navigator.serviceWorker.getRegistration('/');
  return existing ?? (await registerServiceWorker());
}

export function useServiceWorker() {
  const navigate = useNavigate();
  useEffect(() => {
    if (!('serviceWorker' in navigator)) return;
    void registerServiceWorker();
    const container = navigator.serviceWorker;
    const onMessage = (e: MessageEvent) => {
      const msg = e.data as { type?: unknown; url?: unknown } | null;
      if (msg?.type === SW_MESSAGES.open) navigate(safePath(msg.url));
    };
    container.addEventListener('message', onMessage);
    container.startMessages();
    return () => container.removeEventListener('message', onMessage);
  }, [navigate]);
}
