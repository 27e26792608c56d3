// The application's next step: each step its status offers, ready or with the reason core would refuse
// it with, said beside the button before any click. The availability comes with the view, computed by
// core from the transition table and the same guard checks that refuse a transition.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '@renderer/components/Field.js';
import { hasProblems, reasonWords, type FieldProblems } from '@renderer/lib/errors.js';
import { replaceHash } from '@renderer/lib/route.js';
import { useSessionStore } from '../session/session-store.js';
import { captureRoute } from '../capture/route.js';
import type { ApplicationView } from './applications-store.js';
import { fieldLabel, problemPaths } from './field-problems.js';

/** Steps with their own screens or forms. */
const ELSEWHERE = new Set(['approve', 'reject', 'handOver', 'expire']);
export type CounterAction =
  'verify' | 'markIncomplete' | 'captureBiometrics' | 'interview' | 'pay' | 'submit' | 'print' | 'markReady' | 'cancel';

/** The steps offered here: those the role may take that have no screen or form of their own. */
const offered = (app: Pick<ApplicationView, 'availability'>) =>
  app.availability.filter((s) => !ELSEWHERE.has(s.action) && s.action !== 'cancel' && s.reason !== 'transition.role');

/** The step that can be taken now, if any: what the primary button (and Ctrl+Enter) does. */
export const readyStep = (app: Pick<ApplicationView, 'availability'>): CounterAction | null =>
  (offered(app).find((s) => s.reason === null)?.action as CounterAction | undefined) ?? null;

interface Props {
  app: ApplicationView;
  busy: boolean;
  onAct: (action: CounterAction, reason?: string) => void;
  /** Opens the applicant's data at the first of these fields. */
  onFix: (fields: FieldProblems) => void;
}

export function NextStepPanel({ app, busy, onAct, onFix }: Props) {
  const { t } = useTranslation();
  const role = useSessionStore((s) => s.session?.role ?? 'officer');
  const id = useId();
  const [reason, setReason] = useState('');
  // A step the role may never take is not offered at all; the others say why they wait.
  const steps = offered(app);
  const ready = steps.find((s) => s.reason === null);
  const canCancel = app.availability.some((s) => s.action === 'cancel' && s.reason === null);
  // Once verified, the capture screen is where the work is until photo and fingerprints are in.
  const capture = app.status === 'verified';
  return (
    <div className="card" aria-labelledby="next-title">
      <h2 id="next-title">{t('applications.next.title')}</h2>
      <ul className="next-steps">
        {steps.map((s) => {
          const why = s.reason ? `${id}-${s.action}-why` : undefined;
          const fields = s.fields && hasProblems(s.fields) ? s.fields : null;
          return (
            <li key={s.action} className="next-steps__step" data-step={s.action} data-ready={s.reason === null}>
              <button
                type="button"
                className={`btn${s === ready ? ' btn--primary' : ''}`}
                disabled={busy || s.reason !== null}
                aria-describedby={why}
                onClick={() => onAct(s.action as CounterAction)}
                data-action={s.action}
                aria-keyshortcuts={s === ready ? 'Control+Enter' : undefined}
              >
                {t(`applications.action.${s.action}`)}
                {s === ready && <kbd>Ctrl+Enter</kbd>}
              </button>
              {s.reason && (
                <p className="next-steps__why" id={why}>
                  {reasonWords(t, s.reason) ?? t('errors.CONFLICT')}
                  {fields && (
                    <>
                      {' '}
                      {t('applications.next.fields', {
                        fields: problemPaths(fields)
                          .map((p) => fieldLabel(t, p))
                          .join(', '),
                      })}
                    </>
                  )}
                </p>
              )}
              {fields && (
                <button type="button" className="btn btn--small" onClick={() => onFix(fields)}>
                  {t('applications.next.fix')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {capture && (
        <div className="form-actions">
          <button type="button" className={`btn${ready ? '' : ' btn--primary'}`} onClick={() => replaceHash(captureRoute(role, app.id))}>
            {t('applications.next.capture')}
          </button>
        </div>
      )}
      {canCancel && (
        // Cancelling is rare and needs a reason: folded until asked for, so the steps stay in view.
        <details className="next-steps__cancel">
          <summary>{t('applications.action.cancel')}</summary>
          <div className="form-row">
            <TextField label={t('applications.next.cancelReason')} value={reason} onValue={setReason} />
            <div className="field field--button">
              <button
                type="button"
                className="btn btn--danger"
                disabled={busy || reason.trim().length < 3}
                onClick={() => onAct('cancel', reason)}
              >
                {t('applications.action.cancel')}
              </button>
            </div>
          </div>
        </details>
      )}
    </div>
  );
}
