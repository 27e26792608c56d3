import { useTranslation } from 'react-i18next';
import { replaceHash } from '@renderer/lib/route.js';
import { analyticsRoute } from './route.js';

/** The supervisor desk's way into the analytics screens. */
export function AnalyticsLauncher() {
  const { t } = useTranslation();
  return (
    <nav className="card" aria-labelledby="analytics-launch-title">
      <h2 id="analytics-launch-title">{t('analytics.launcherTitle')}</h2>
      <p className="muted">{t('analytics.launcherText')}</p>
      <div className="form-actions">
        <button type="button" className="btn btn--primary" onClick={() => replaceHash(analyticsRoute())}>
          {t('analytics.open')}
        </button>
      </div>
    </nav>
  );
}
