import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CodeField } from '@renderer/components/Field.js';
import { FormActions } from '@renderer/components/FormActions.js';
import { replaceHash } from '@renderer/lib/route.js';
import { useSessionStore } from '../session/session-store.js';
import { captureRoute, isUuid } from './route.js';

/**
 * The officer home's way into capture until the application screens link to it: an application id,
 * then the capture screen for it.
 */
export function CaptureLauncher() {
  const { t } = useTranslation();
  const role = useSessionStore((s) => s.session?.role ?? 'officer');
  const [id, setId] = useState('');
  const [invalid, setInvalid] = useState(false);
  const open = (event: FormEvent): void => {
    event.preventDefault();
    if (!isUuid(id)) return setInvalid(true);
    replaceHash(captureRoute(role, id.trim().toLowerCase()));
  };
  return (
    <form className="card" aria-labelledby="capture-launch-title" onSubmit={open}>
      <h2 id="capture-launch-title">{t('capture.launcher.title')}</h2>
      <CodeField
        label={t('capture.launcher.label')}
        hint={t('capture.launcher.hint')}
        value={id}
        onValue={(v) => (setId(v), setInvalid(false))}
        invalid={invalid}
      />
      {invalid && (
        <p className="field__problems" role="alert">
          {t('capture.launcher.invalid')}
        </p>
      )}
      <FormActions submit={t('capture.launcher.open')} />
    </form>
  );
}
