import { effectiveZone } from '../../lib/zonedTime';
import { useCurrentUser } from '../auth/session';

/** The zone this user's times are shown in: the profile's, else this browser's. */
export function useDisplayZone(): { zone: string; fromProfile: boolean } {
  return effectiveZone(useCurrentUser().profile.timezone);
}
