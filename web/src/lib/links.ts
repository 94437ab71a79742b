// The app's own addresses that something outside a page opens: a push notification (the
// service worker, src/sw) and a calendar entry. App.tsx routes them.

/** An invitation: shows it to its invitee (accept or decline), or where it stands. */
export const invitationPath = (roomId: string) => `/invitations/${encodeURIComponent(roomId)}`;

/** A scheduled interview: its details and what the user may do with it. */
export const schedulePath = (scheduleId: string) => `/schedules/${encodeURIComponent(scheduleId)}`;
