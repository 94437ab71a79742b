// What this browser can do about push, and what to tell the user, as pure functions of what
// it reports (shared/API.md v2, "Push notifications").

export type PushSupport = 'supported' | 'insecure' | 'unsupported';

export function pushSupportOf(env: {
  secureContext: boolean;
  serviceWorker: boolean;
  pushManager: boolean;
  notification: boolean;
}): PushSupport {
  if (!env.secureContext) return 'insecure';
  return env.serviceWorker && env.pushManager && env.notification ? 'supported' : 'unsupported';
}

export function browserPushSupport(): PushSupport {
  return pushSupportOf({
    secureContext: typeof window !== 'undefined' && window.isSecureContext,
    serviceWorker: typeof navigator !== 'undefined' && 'serviceWorker' in navigator,
    pushManager: typeof window !== 'undefined' && 'PushManager' in window,
    notification: typeof window !== 'undefined' && 'Notification' in window,
  });
}

export const SUPPORT_MESSAGE: Record<Exclude<PushSupport, 'supported'>, string> = {
  insecure: 'Notifications need a secure (https) connection to this site.',
  unsupported: 'This browser cannot receive push notifications. Try a recent Chrome, Edge, Firefox or Safari.',
};

/** Why notifications cannot be turned on after asking, or null when they can. */
export function permissionProblem(permission: NotificationPermission): string | null {
  switch (permission) {
    case 'granted':
      return null;
    case 'denied':
      return 'Your browser blocks notifications from this site. Allow them in the site settings (the icon left of the address), then try again.';
    default:
      return 'Notifications were not allowed. Choose “Allow” when the browser asks.';
  }
}
