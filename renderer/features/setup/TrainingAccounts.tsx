import { useTranslation } from 'react-i18next';
import { TRAINING_PASSWORD } from '@common/domain/shared/training.js';
import { Notice } from '@renderer/components/Notice.js';

/** Training data is fictitious: its accounts and shared password are no secret. */

export function TrainingAccounts() {
  const { t } = useTranslation();
  return (
    <Notice tone="info">
      <p>{t('training.accounts', { password: TRAINING_PASSWORD })}</p>
    </Notice>
  );
}
