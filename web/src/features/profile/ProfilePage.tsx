import { useMemo, useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { FormField } from '../../components/FormField';
import { levelLabel } from '../../components/PersonSummary';
import { api } from '../../lib/api';
import { describeError, fieldOfValidationError } from '../../lib/errors';
import { EXPERIENCE_LEVELS, type ExperienceLevel, type MeResponse } from '../../types';
import { meKey, useCurrentUser } from '../auth/session';
import { AvailabilitySwitch } from './AvailabilitySwitch';
import { BlockedList } from '../trust/BlockedList';
import { PushSettings } from '../push/PushSettings';
import { LIMITS, missingForComplete, parseList, validateProfile } from './profileForm';

const FIELDS = ['headline', 'targetRole', 'experienceLevel', 'topics', 'languages', 'timezone', 'bio'] as const;
type Field = (typeof FIELDS)[number];

function timezones(): string[] {
  try {
    return (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
  } catch {
    return [];
  }
}

export function ProfilePage() {
  const me = useCurrentUser();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const welcome = params.get('welcome') === '1' || !me.profileComplete;
  const p = me.profile;

  const [headline, setHeadline] = useState(p.headline ?? '');
  const [targetRole, setTargetRole] = useState(p.targetRole ?? '');
  const [level, setLevel] = useState<ExperienceLevel | ''>(p.experienceLevel ?? '');
  const [topics, setTopics] = useState(p.topics.join(', '));
  const [languages, setLanguages] = useState(p.languages.join(', '));
  const [timezone, setTimezone] = useState(p.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? '');
  const [bio, setBio] = useState(p.bio ?? '');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const tzList = useMemo(timezones, []);

  const topicList = parseList(topics);
  const missing = missingForComplete({ targetRole, experienceLevel: level || null, topics: topicList });

  const save = useMutation({
    mutationFn: () =>
      api.updateProfile({
        headline: headline.trim(),
        targetRole: targetRole.trim(),
        experienceLevel: level || null,
        topics: topicList,
        languages: parseList(languages),
        timezone: timezone.trim() || null,
        bio: bio.trim(),
      }),
    onSuccess: (res) => {
      const prev = qc.getQueryData<MeResponse>(meKey);
      if (prev) qc.setQueryData<MeResponse>(meKey, { ...prev, profile: res.profile, profileComplete: res.profileComplete });
      void qc.invalidateQueries({ queryKey: ['partners'] });
      if (res.profileComplete && !me.profileComplete) {
        toast.success('Your profile is complete. Find a partner to practise with!');
        navigate('/find-match');
      } else {
        toast.success('Profile saved.');
      }
    },
    onError: (e) => {
      const f = fieldOfValidationError(e, FIELDS);
      if (f) {
        setErrors({ [f]: describeError(e) });
        document.getElementById(`profile-${f}`)?.focus();
      }
    },
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    const errs = validateProfile({ headline, targetRole, bio, topics: topicList, languages: parseList(languages) });
    setErrors(errs);
    const first = FIELDS.find((f) => errs[f as keyof typeof errs]);
    if (first) {
      document.getElementById(`profile-${first}`)?.focus();
      return;
    }
    save.mutate();
  }

  return (
    <div className="page narrow">
      <div className="page-head">
        <h1>Your profile</h1>
        <p className="muted">Signed in as {me.user.name}{me.user.email ? ` (${me.user.email})` : ''}</p>
      </div>

      {welcome && (
        <section className="card checklist" aria-labelledby="checklist-title">
          <h2 id="checklist-title">{missing.length ? 'Complete your profile to get matched' : 'Your profile is ready'}</h2>
          <p className="muted">Partners are matched on role, level and topics. Three things are required:</p>
          <ul>
            <li className={targetRole.trim() ? 'done' : ''}>
              <span aria-hidden="true">{targetRole.trim() ? '✓' : '○'}</span> Target role
              <span className="sr-only">{targetRole.trim() ? ' (done)' : ' (missing)'}</span>
            </li>
            <li className={level ? 'done' : ''}>
              <span aria-hidden="true">{level ? '✓' : '○'}</span> Experience level
              <span className="sr-only">{level ? ' (done)' : ' (missing)'}</span>
            </li>
            <li className={topicList.length ? 'done' : ''}>
              <span aria-hidden="true">{topicList.length ? '✓' : '○'}</span> At least one topic
              <span className="sr-only">{topicList.length ? ' (done)' : ' (missing)'}</span>
            </li>
          </ul>
        </section>
      )}

      <section className="card">
        <h2>Availability</h2>
        <AvailabilitySwitch available={p.available} />
      </section>

      <form className="card profile-form" onSubmit={submit} noValidate aria-labelledby="profile-form-title">
        <h2 id="profile-form-title">Details</h2>
        <FormField label="Target role" id="profile-targetRole" required hint="The job you are preparing for, e.g. Backend engineer." error={errors.targetRole}>
          {(a) => <input {...a} value={targetRole} maxLength={LIMITS.targetRole} onChange={(e) => setTargetRole(e.target.value)} />}
        </FormField>
        <FormField label="Experience level" id="profile-experienceLevel" required error={errors.experienceLevel}>
          {(a) => (
            <select {...a} value={level} onChange={(e) => setLevel(e.target.value as ExperienceLevel | '')}>
              <option value="">Choose a level</option>
              {EXPERIENCE_LEVELS.map((l) => (
                <option key={l} value={l}>
                  {levelLabel(l)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField
          label="Topics"
          id="profile-topics"
          required
          hint={`Separate with commas, e.g. arrays, graphs, system design (up to ${LIMITS.topics}).`}
          error={errors.topics}
        >
          {(a) => <input {...a} value={topics} onChange={(e) => setTopics(e.target.value)} />}
        </FormField>
        {topicList.length > 0 && (
          <ul className="chips" aria-label="Your topics">
            {topicList.map((t) => (
              <li key={t} className="chip">
                {t}
              </li>
            ))}
          </ul>
        )}
        <FormField label="Headline" id="profile-headline" hint="One line about you." error={errors.headline}>
          {(a) => <input {...a} value={headline} maxLength={LIMITS.headline} onChange={(e) => setHeadline(e.target.value)} />}
        </FormField>
        <FormField label="Languages" id="profile-languages" hint="Programming or spoken languages, separated by commas." error={errors.languages}>
          {(a) => <input {...a} value={languages} onChange={(e) => setLanguages(e.target.value)} />}
        </FormField>
        <FormField label="Time zone" id="profile-timezone" error={errors.timezone}>
          {(a) => (
            <>
              <input {...a} list="timezone-list" value={timezone} onChange={(e) => setTimezone(e.target.value)} />
              <datalist id="timezone-list">
                {tzList.map((z) => (
                  <option key={z} value={z} />
                ))}
              </datalist>
            </>
          )}
        </FormField>
        <FormField label="About you" id="profile-bio" hint={`${bio.length}/${LIMITS.bio}`} error={errors.bio}>
          {(a) => <textarea {...a} rows={4} value={bio} maxLength={LIMITS.bio} onChange={(e) => setBio(e.target.value)} />}
        </FormField>
        {missing.length > 0 && (
          <p className="muted">Still needed for a complete profile: {missing.map((m) => m.label).join(', ')}.</p>
        )}
        {save.isError && !fieldOfValidationError(save.error, FIELDS) && (
          <p role="alert" className="form-error">
            {describeError(save.error)}
          </p>
        )}
        <button type="submit" className="btn btn-primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save profile'}
        </button>
      </form>

      <PushSettings />
      <BlockedList />
    </div>
  );
}
