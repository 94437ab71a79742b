import { InterviewSummary } from '../../entities/interview/InterviewSummary';
import type { Feedback, Interview, Workspace } from '../../types';
import { ChatHistory } from '../chat/ChatHistory';
import { FeedbackSection } from '../feedback/FeedbackSection';
import { RoundsReport } from './RoundsReport';

/**
 * What a participant reads about an interview that is over, on its history
 * page and in the room once it ends: the summary, then each feature's section
 * (each round's code and runs, and the chat, for an interview that took place).
 */
export function InterviewReport({
  interview,
  feedback,
  workspaces = [],
  meId,
}: {
  interview: Interview;
  feedback: Feedback[];
  workspaces?: Workspace[];
  meId: string;
}) {
  const tookPlace = interview.startedAt != null || (interview.rounds ?? []).length > 0 || workspaces.length > 0;
  return (
    <InterviewSummary interview={interview} meId={meId}>
      {tookPlace && <RoundsReport interview={interview} workspaces={workspaces} meId={meId} />}
      {tookPlace && <ChatHistory roomId={interview.roomId} meId={meId} />}
      <FeedbackSection interview={interview} feedback={feedback} meId={meId} />
    </InterviewSummary>
  );
}
