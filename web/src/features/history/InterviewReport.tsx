import { InterviewSummary } from '../../entities/interview/InterviewSummary';
import type { Feedback, Interview } from '../../types';
import { FeedbackSection } from '../feedback/FeedbackSection';

/**
 * What a participant reads about an interview that is over, on its history
 * page and in the room once it ends: the summary, then each feature's section.
 */
export function InterviewReport({ interview, feedback, meId }: { interview: Interview; feedback: Feedback[]; meId: string }) {
  return (
    <InterviewSummary interview={interview} meId={meId}>
      <FeedbackSection interview={interview} feedback={feedback} meId={meId} />
    </InterviewSummary>
  );
}
