import { useMutation, useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { Switch } from '../../components/Switch';
import { api } from '../../lib/api';
import { describeError } from '../../lib/errors';
import type { MeResponse } from '../../types';
import { meKey } from '../auth/session';

/** The do-not-disturb switch: saved as soon as it is flipped. */
export function AvailabilitySwitch({ available }: { available: boolean }) {
  const qc = useQueryClient();
  const m = useMutation({
    mutationFn: (next: boolean) => api.updateProfile({ available: next }),
    onMutate: (next) => {
      const prev = qc.getQueryData<MeResponse>(meKey);
      if (prev) qc.setQueryData<MeResponse>(meKey, { ...prev, profile: { ...prev.profile, available: next } });
      return { prev };
    },
    onError: (e, _next, ctx) => {
      if (ctx?.prev) qc.setQueryData(meKey, ctx.prev);
      toast.error(describeError(e));
    },
    onSuccess: (res) => {
      const prev = qc.getQueryData<MeResponse>(meKey);
      if (prev) qc.setQueryData<MeResponse>(meKey, { ...prev, profile: res.profile, profileComplete: res.profileComplete });
      toast.success(res.profile.available ? 'You are available for interviews.' : 'You will not receive invitations.');
    },
  });
  return (
    <div className="switch-row">
      <Switch
        checked={available}
        label="Available for interviews"
        describedBy="availability-hint"
        onToggle={() => m.mutate(!available)}
        disabled={m.isPending}
        id="availability-switch"
      />
      <p id="availability-hint" className="muted small">
        {available
          ? 'Others can find you in Find Match and invite you.'
          : 'You are hidden from Find Match and cannot be invited.'}
      </p>
    </div>
  );
}
