import { partnerOf } from '../../../entities/interview/model';
import type { Interview } from '../../../types';
import { describeMediaProblem } from '../media/media';
import { useLocalMedia } from '../media/useLocalMedia';
import { RoomSession } from './RoomSession';

interface Props {
  interview: Interview;
  meId: string;
}

/** An accepted or in-progress interview: first the camera and microphone (or why not), then the room. */
export function LiveRoom({ interview, meId }: Props) {
  const media = useLocalMedia();
  const partner = partnerOf(interview, meId);

  if (media.state.kind === 'ready')
    return <RoomSession interview={interview} meId={meId} stream={media.state.stream} audioOnly={media.state.choice !== 'full'} />;

  const wanted = media.state.choice === 'full' ? 'camera and microphone' : 'microphone';
  return (
    <div className="page narrow room-gate">
      <h1>Interview with {partner.name}</h1>
      {media.state.kind === 'pending' ? (
        <p role="status">Starting your {wanted}… Your browser may ask for permission.</p>
      ) : (
        <div className="card media-problem" role="alert">
          <h2>Your {wanted} could not be used</h2>
          <p>{describeMediaProblem(media.state.problem, wanted)}</p>
          <div className="actions">
            <button type="button" className="btn btn-primary" onClick={() => media.request('full')}>
              Try again
            </button>
            {media.state.choice === 'full' && (
              <button type="button" className="btn" onClick={() => media.request('audio')}>
                Join audio-only
              </button>
            )}
            <button type="button" className="btn btn-ghost" onClick={() => media.request('none')}>
              Join without camera or microphone
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
