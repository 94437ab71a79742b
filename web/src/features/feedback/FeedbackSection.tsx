import { acceptsFeedback, partnerOf } from '../../entities/interview/model';
import type { Feedback, Interview } from '../../types';
import { FeedbackForm } from './FeedbackForm';
import { FeedbackList } from './FeedbackList';

/** Both participants' feedback once the interview is over, and the form until this user gave theirs. */
export function FeedbackSection({ interview, feedback, meId }: { interview: Interview; feedback: Feedback[]; meId: string }) {
  if (!acceptsFeedback(interview.status)) return null;
  const given = feedback.some((f) => f.from.id === meId);
  return (
    <>
      <h2 className="section-title">Feedback</h2>
      <FeedbackList feedback={feedback} meId={meId} />
      {!given && <FeedbackForm roomId={interview.roomId} partnerName={partnerOf(interview, meId).name} />}
    </>
  );
}
