import { useTranslation } from 'react-i18next';

/** On every screen while the workstation runs on its training database. */
export function TrainingBanner() {
  const { t } = useTranslation();
  return (
    <div className="training-banner" role="note" aria-label={t('training.banner')}>
      <strong>{t('training.banner')}</strong>
    </div>
  );
}
