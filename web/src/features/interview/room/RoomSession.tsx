import { TrustMenu } from '../../trust/TrustMenu';
import { isLive, myRole, partnerOf } from '../../../entities/interview/model';
import type { RoomPanelProps } from '../../../entities/interview/room';
import { useSocketState } from '../../../lib/socket';
import type { Interview } from '../../../types';
import { roomStatus } from '../connection/status';
import { CallControls } from './CallControls';
import { QuestionsPanel } from './QuestionsPanel';
import { RoomHeader } from './RoomHeader';
import { RoomNotices } from './RoomNotices';
import { RoundBar } from './RoundBar';
import { ChatPanel } from '../../chat/ChatPanel';
import { WorkspaceArea } from './WorkspaceArea';
import { useCallControls } from './useCallControls';
import { useRoomConnection } from './useRoomConnection';
import { VideoStage } from './VideoStage';

/**
 * The room once the camera and microphone are settled: the header, the round
 * bar, the connection status, the shared code with its runs and beside it the
 * video and the panels (each a component taking RoomPanelProps: questions,
 * chat), and the call controls.
 */
export function RoomSession({
  interview,
  meId,
  stream,
  audioOnly,
}: {
  interview: Interview;
  meId: string;
  stream: MediaStream;
  audioOnly: boolean;
}) {
  const roomId = interview.roomId;
  const partner = partnerOf(interview, meId);
  const role = myRole(interview, meId);
  const socketState = useSocketState();
  const { conn, snap } = useRoomConnection(roomId, meId, stream);
  const controls = useCallControls(stream, conn);
  const panel: RoomPanelProps = { interview, meId, role, joins: snap?.joins ?? 0 };

  const status = roomStatus({
    socketConnected: socketState === 'connected',
    state: snap?.state ?? 'joining',
    peerConnectionState: snap?.peerConnectionState ?? null,
    relayed: snap?.relayed ?? false,
    restarts: snap?.restarts ?? 0,
    failureReason: snap?.failureReason ?? null,
    partnerName: partner.name,
  });

  return (
    <div className="room">
      <RoomHeader interview={interview} partnerName={partner.name} role={role} audioOnly={audioOnly} />
      <div className="room-trust">
        <TrustMenu user={partner} roomId={roomId} inRoom />
      </div>
      <p role="status" className={`conn-status conn-${status.kind}`} data-status={status.kind}>
        <span className="dot" aria-hidden="true" />
        {status.text}
      </p>
      <RoomNotices roomId={roomId} snap={snap} conn={conn} />
      <RoundBar {...panel} />
      <div className="room-body">
        <WorkspaceArea {...panel} />
        <div className="room-side">
          <VideoStage stream={stream} remoteStream={snap?.remoteStream ?? null} partnerName={partner.name} controls={controls} />
          <QuestionsPanel {...panel} />
          <ChatPanel {...panel} live={isLive(interview.status)} />
        </div>
      </div>
      <CallControls roomId={roomId} controls={controls} />
    </div>
  );
}
