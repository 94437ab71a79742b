// "Schedule" on a partner card: a time in the user's profile zone (always shown with it), the
// duration, questions and a note; proposes it with POST /api/schedules (startsAt in UTC).
import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { FormField } from '../../components/FormField';
import { Modal } from '../../components/Modal';
import { QuestionChooser } from '../../entities/question/QuestionChooser';
import { api } from '../../lib/api';
import { describeError, fieldOfValidationError } from '../../lib/errors';
import { formatInZone, isKnownZone, zonedToUtc } from '../../lib/zonedTime';
import type { Partner, Question } from '../../types';
import {
  checkScheduleForm,
  DEFAULT_DURATION,
  defaultStart,
  MAX_DURATION,
  MIN_DURATION,
  NOTE_MAX,
  type ScheduleField,
} from './model';
import { storeSchedule } from './queries';
import { useDisplayZone } from './useZone';

const FIELDS: ScheduleField[] = ['startsAt', 'durationMinutes', 'note', 'questionIds'];
const CONTROL: Record<ScheduleField, string> = {
  startsAt: 'schedule-date',
  durationMinutes: 'schedule-duration',
  note: 'schedule-note',
  questionIds: 'schedule-q',
};

function showErrors(errors: Partial<Record<ScheduleField, string>>) {
  const first = FIELDS.find((f) => errors[f]);
  if (first) document.getElementById(CONTROL[first])?.focus();
}
const DURATIONS = Array.from({ length: (MAX_DURATION - MIN_DURATION) / 15 + 1 }, (_, i) => MIN_DURATION + 15 * i);

function durationLabel(m: number) {
  const h = Math.floor(m / 60);
  const rest = m % 60;
  return h ? (rest ? `${h} h ${rest} min` : `${h} h`) : `${m} min`;
}

export function ScheduleDialog({ partner, onClose }: { partner: Partner; onClose: () => void }) {
  const qc = useQueryClient();
  const { zone, fromProfile } = useDisplayZone();
  const [wall, setWall] = useState(() => defaultStart(Date.now(), zone));
  const [duration, setDuration] = useState(DEFAULT_DURATION);
  const [note, setNote] = useState('');
  const [questions, setQuestions] = useState<Question[]>([]);
  const [errors, setErrors] = useState<Partial<Record<ScheduleField, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  const preview = zonedToUtc(wall, zone);
  const partnerZone = partner.profile.timezone;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const checked = checkScheduleForm(
      { wall, zone, durationMinutes: duration, note, questionIds: questions.map((q) => q.id) },
      Date.now(),
    );
    if (!checked.ok) {
      setErrors(checked.errors);
      showErrors(checked.errors);
      return;
    }
    setErrors({});
    setFormError(null);
    setSending(true);
    try {
      const { schedule } = await api.proposeSchedule({
        inviteeId: partner.id,
        startsAt: checked.startsAt,
        durationMinutes: duration,
        questionIds: questions.map((q) => q.id),
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      storeSchedule(qc, schedule);
      toast.success(`Proposed to ${partner.name}: ${formatInZone(schedule.startsAt, zone)}.`, {
        id: `schedule:${schedule.id}:proposed`,
      });
      onClose();
    } catch (err) {
      const field = fieldOfValidationError(err, FIELDS) as ScheduleField | null;
      if (field) {
        setErrors({ [field]: describeError(err) });
        showErrors({ [field]: 'x' });
      } else setFormError(describeError(err));
      setSending(false);
    }
  }

  return (
    <Modal title={`Schedule an interview with ${partner.name}`} onClose={onClose} className="picker-dialog" initialFocus="#schedule-date">
      <form onSubmit={submit} noValidate>
        <fieldset>
          <legend>When (in {zone})</legend>
          <div className="filters">
            <FormField label="Date" id="schedule-date" error={errors.startsAt}>
              {(a) => <input {...a} type="date" value={wall.date} onChange={(e) => setWall({ ...wall, date: e.target.value })} />}
            </FormField>
            <FormField label="Time" id="schedule-time" hint={`${zone}${fromProfile ? '' : ' (this browser; set your time zone on your profile)'}`}>
              {(a) => <input {...a} type="time" value={wall.time} onChange={(e) => setWall({ ...wall, time: e.target.value })} />}
            </FormField>
            <FormField label="Duration" id="schedule-duration" error={errors.durationMinutes}>
              {(a) => (
                <select {...a} value={duration} onChange={(e) => setDuration(Number(e.target.value))}>
                  {DURATIONS.map((m) => (
                    <option key={m} value={m}>
                      {durationLabel(m)}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
          </div>
          {preview.ok && (
            <p className="muted small" data-testid="schedule-preview">
              Starts {formatInZone(preview.iso, zone)}
              {isKnownZone(partnerZone) && partnerZone !== zone && (
                <>; for {partner.name}: {formatInZone(preview.iso, partnerZone)}</>
              )}
              .
            </p>
          )}
        </fieldset>

        <h3 className="section-title">Questions</h3>
        <QuestionChooser selected={questions} onChange={setQuestions} idPrefix="schedule" />
        {errors.questionIds && (
          <p role="alert" className="field-error">
            {errors.questionIds}
          </p>
        )}

        <FormField label="Note" id="schedule-note" hint={`${note.length}/${NOTE_MAX}`} error={errors.note}>
          {(a) => <textarea {...a} rows={2} maxLength={NOTE_MAX} value={note} onChange={(e) => setNote(e.target.value)} />}
        </FormField>

        {formError && (
          <p role="alert" className="form-error">
            {formError}
          </p>
        )}
        <div className="modal-actions">
          <button type="button" className="btn btn-ghost" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={sending}>
            {sending ? 'Proposing…' : 'Propose interview'}
          </button>
        </div>
      </form>
    </Modal>
  );
}
