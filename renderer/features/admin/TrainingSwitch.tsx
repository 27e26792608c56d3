import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorBody } from '@common/contract/index.js';
import { Notice } from '@renderer/components/Notice.js';
import { describeError } from '@renderer/lib/errors.js';
import { useAppStore } from '@renderer/shell/app-store.js';

/** An admin may take this workstation into training mode (everyone is logged out). */
export function TrainingSwitch() {
  const { t } = useTranslation();
  const training = useAppStore((s) => s.status?.training ?? false);
  const enterTraining = useAppStore((s) => s.enterTraining);
  const [error, setError] = useState<ErrorBody | null>(null);
  if (training) return null;
  return (
    <div className="card" aria-labelledby="training-title">
      <h2 id="training-title">{t('training.enter')}</h2>
      <p className="muted">{t('training.enterHint')}</p>
      {error && <Notice tone="error">{describeError(t, error)}</Notice>}
      <div className="form-actions">
        <button
          type="button"
          className="btn btn--secondary"
          onClick={() => void enterTraining().then((result) => setError(result.ok ? null : result.error))}
        >
          {t('training.enter')}
        </button>
      </div>
    </div>
  );
}
