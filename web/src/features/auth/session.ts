// Who is signed in: the `me` query is the single source of truth.
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../lib/api';
import { disconnectSocket } from '../../lib/socket';
import type { MeResponse } from '../../types';

export const meKey = ['me'] as const;

/** `null` when signed out. */
export function useMe() {
  return useQuery<MeResponse | null>({
    queryKey: meKey,
    queryFn: async () => {
      try {
        return await api.me();
      } catch (e) {
        if (e instanceof ApiError && e.code === 'unauthorized') return null;
        throw e;
      }
    },
    staleTime: 60_000,
    retry: (count, e) => !(e instanceof ApiError && e.status !== null && e.status < 500) && count < 2,
  });
}

/** The signed-in user; only for components under RequireAuth. */
export function useCurrentUser(): MeResponse {
  const { data } = useMe();
  if (!data) throw new Error('useCurrentUser outside RequireAuth');
  return data;
}

/** Drops every cached query but `me` (whose observers must stay attached), then sets `me`. */
function resetSession(qc: QueryClient, me: MeResponse | null) {
  qc.removeQueries({ predicate: (q) => q.queryKey[0] !== meKey[0] });
  qc.setQueryData(meKey, me);
}

export function signedOut(qc: QueryClient) {
  disconnectSocket();
  resetSession(qc, null);
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: api.login,
    onSuccess: async () => resetSession(qc, await api.me()),
  });
}

export function useRegister() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: api.register,
    onSuccess: async () => resetSession(qc, await api.me()),
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      try {
        await api.logout();
      } catch (e) {
        // Signed out either way when the session is already gone.
        if (!(e instanceof ApiError && e.code === 'unauthorized')) throw e;
      }
    },
    onSuccess: () => signedOut(qc),
  });
}
