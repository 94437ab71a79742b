// Invitation commands: over the socket when it is connected (the real-time path
// of the contract), over REST otherwise. Both answer with the same interview.
import { api } from '../../lib/api';
import { emitRequest, socket } from '../../lib/socket';
import type { CreateInterviewResponse, Id, Interview } from '../../types';

export async function sendInvitation(inviteeId: Id, questionIds: Id[]): Promise<CreateInterviewResponse> {
  if (socket.connected) {
    const r = await emitRequest('send-interview-invitation', { inviteeId, questionIds });
    return { interview: r.interview, inviteeOnline: r.inviteeOnline };
  }
  return api.invite({ inviteeId, questionIds });
}

export async function respondToInvitation(roomId: Id, accept: boolean): Promise<Interview> {
  if (socket.connected) return (await emitRequest('respond-to-invitation', { roomId, accept })).interview;
  return (accept ? await api.accept(roomId) : await api.reject(roomId)).interview;
}

export async function cancelInvitation(roomId: Id): Promise<Interview> {
  if (socket.connected) return (await emitRequest('cancel-interview-invitation', { roomId })).interview;
  return (await api.cancel(roomId)).interview;
}
