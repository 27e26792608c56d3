// Where the applicant at the counter is: data -> documents -> photo and fingerprints -> interview ->
// payment -> receipt -> finish, each step a button (and Ctrl+1..6) that goes where its work is.
import { useTranslation } from 'react-i18next';
import { COUNTER_STEPS, counterSteps } from '@common/domain/applications/counter-steps.js';
import { useShortcuts } from '@renderer/lib/keyboard.js';
import { useSessionStore } from '../session/session-store.js';
import { goToStep, STEP_KEYS } from './steps.js';
import { useVisitStore } from './visit-store.js';

export function StepBar({ onFinish }: { onFinish: () => void }) {
  const { t } = useTranslation();
  const role = useSessionStore((s) => s.session?.role ?? 'officer');
  const application = useVisitStore((s) => s.application);
  const states = counterSteps(application);
  const go = (step: (typeof COUNTER_STEPS)[number]): void => {
    if (step === 'finish') return onFinish();
    if (application) goToStep(step, role, application.id);
  };
  useShortcuts(
    Object.entries(STEP_KEYS).map(([step, keys]) => ({
      keys,
      run: () => go(step as keyof typeof STEP_KEYS),
      enabled: application !== null,
    })),
  );
  return (
    <ol className="step-bar" aria-label={t('counterFlow.steps')}>
      {COUNTER_STEPS.map((step, i) => (
        <li key={step} data-state={states[step]}>
          <button
            type="button"
            className="step-bar__step"
            disabled={step !== 'finish' && application === null}
            aria-current={states[step] === 'current' ? 'step' : undefined}
            aria-keyshortcuts={step === 'finish' ? 'F5' : STEP_KEYS[step].replace('Ctrl', 'Control')}
            onClick={() => go(step)}
          >
            <span className="step-bar__mark" aria-hidden="true">
              {states[step] === 'done' ? '✓' : i + 1}
            </span>
            {t(`counterFlow.step.${step}`)}
            <span className="visually-hidden">, {t(`counterFlow.state.${states[step]}`)}</span>
          </button>
        </li>
      ))}
    </ol>
  );
}
