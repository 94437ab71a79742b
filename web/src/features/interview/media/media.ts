// Getting the camera and microphone, and saying clearly what went wrong.

export type MediaProblem = 'denied' | 'missing' | 'in-use' | 'insecure' | 'unsupported' | 'unknown';

export function classifyMediaError(err: unknown): MediaProblem {
  const name = err && typeof err === 'object' && 'name' in err ? String((err as { name: unknown }).name) : '';
  switch (name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      return 'denied';
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return 'missing';
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return 'in-use';
    case 'TypeError':
      return 'unsupported';
    case 'InsecureContext':
      return 'insecure';
    default:
      return 'unknown';
  }
}

export function describeMediaProblem(p: MediaProblem, wanted: 'camera and microphone' | 'microphone'): string {
  switch (p) {
    case 'denied':
      return `Access to your ${wanted} was blocked. Allow it in your browser's site settings (the icon left of the address), then try again — or join with audio only.`;
    case 'missing':
      return `No ${wanted} was found. Plug one in and try again, or join with audio only.`;
    case 'in-use':
      return `Your ${wanted} could not be started; another application may be using it. Close it and try again, or join with audio only.`;
    case 'insecure':
      return 'The camera and microphone are only available on a secure (https) page.';
    case 'unsupported':
      return 'This browser cannot share a camera or microphone here.';
    default:
      return `Your ${wanted} could not be started. Try again, or join with audio only.`;
  }
}

export type MediaChoice = 'full' | 'audio' | 'none';

export function constraintsFor(choice: MediaChoice): MediaStreamConstraints | null {
  switch (choice) {
    case 'full':
      return { audio: true, video: { width: { ideal: 1280 }, height: { ideal: 720 } } };
    case 'audio':
      return { audio: true, video: false };
    case 'none':
      return null;
  }
}

export async function acquireMedia(choice: MediaChoice): Promise<MediaStream> {
  const c = constraintsFor(choice);
  if (!c) return new MediaStream();
  if (!window.isSecureContext) throw Object.assign(new Error('insecure'), { name: 'InsecureContext' });
  if (!navigator.mediaDevices?.getUserMedia) throw new TypeError('getUserMedia is not available');
  return navigator.mediaDevices.getUserMedia(c);
}
