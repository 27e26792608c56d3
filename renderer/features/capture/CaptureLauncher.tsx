import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { applicationNumberIn } from '@common/domain/applications/number.js';
import { call } from '@renderer/api/client.js';
import { CodeField } from '@renderer/components/Field.js';
import { FormActions } from '@renderer/components/FormActions.js';
import { replaceHash } from '@renderer/lib/route.js';
import { useAppStore } from '@renderer/shell/app-store.js';
import { useSessionStore } from '../session/session-store.js';
import { captureRoute, isUuid } from './route.js';

type Problem = 'invalid' | 'notFound' | null;

/**
 * The officer home's way into capture: the application number from the receipt (typed or scanned), or
 * the application's id, then the capture screen for it.
 */
export function CaptureLauncher() {
  const { t } = useTranslation();
  const role = useSessionStore((s) => s.session?.role ?? 'officer');
  const training = useAppStore((s) => s.status?.training ?? false);
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<Problem>(null);
  const [busy, setBusy] = useState(false);
  const open = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (isUuid(value)) return replaceHash(captureRoute(role, value.trim().toLowerCase()));
    const number = applicationNumberIn(value, training);
    if (!number) return setProblem('invalid');
    setBusy(true);
    const found = await call('applications.search', { query: number, limit: 5 });
    setBusy(false);
    const app = found.ok ? found.value.results.find((r) => r.number === number) : undefined;
    if (!app) return setProblem('notFound');
    replaceHash(captureRoute(role, app.id));
  };
  return (
    <form className="card" aria-labelledby="capture-launch-title" onSubmit={(e) => void open(e)}>
      <h2 id="capture-launch-title">{t('capture.launcher.title')}</h2>
      <CodeField
        label={t('capture.launcher.label')}
        hint={t('capture.launcher.hint')}
        value={value}
        onValue={(v) => (setValue(v), setProblem(null))}
        invalid={problem !== null}
      />
      {problem && (
        <p className="field__problems" role="alert">
          {t(problem === 'invalid' ? 'capture.launcher.invalid' : 'capture.launcher.notFound')}
        </p>
      )}
      <FormActions submit={t('capture.launcher.open')} busy={busy} />
    </form>
  );
}
