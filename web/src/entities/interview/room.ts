import type { Id, Interview } from '../../types';
import type { InterviewRole } from './model';

/**
 * What the interview room gives each panel beside the video: the questions
 * today, the editor, runs and chat next. A panel that needs this socket to be
 * in the room (room events such as workspace-open) loads again whenever
 * `joins` changes: every join-room (after a reconnect, a reload, another tab
 * handing the room back) starts a new membership on the server.
 */
export interface RoomPanelProps {
  interview: Interview;
  meId: Id;
  role: InterviewRole;
  /** Successful join-room acks of this page so far; 0 until the first. */
  joins: number;
}
