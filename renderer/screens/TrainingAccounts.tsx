import { useTranslation } from 'react-i18next';
import { Notice } from '../components/Notice.js';

/** Training data is fictitious: its accounts and shared password are no secret. */
export const TRAINING_PASSWORD = 'Latihan2026';

export function TrainingAccounts() {
  const { t } = useTranslation();
  return (
    <Notice tone="info">
      <p>{t('training.accounts', { password: TRAINING_PASSWORD })}</p>
    </Notice>
  );
}
