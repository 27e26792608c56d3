import { useTranslation } from 'react-i18next';
import { replaceHash } from '@renderer/lib/route.js';
import { endOfDayRoute } from './route.js';

/** The supervisor desk's way into the end-of-day report and sign-off. */
export function EndOfDayLauncher() {
  const { t } = useTranslation();
  return (
    <nav className="card" aria-labelledby="eod-launch-title">
      <h2 id="eod-launch-title">{t('endOfDay.title')}</h2>
      <p className="muted">{t('endOfDay.launcherText')}</p>
      <div className="form-actions">
        <button type="button" className="btn btn--primary" onClick={() => replaceHash(endOfDayRoute())}>
          {t('endOfDay.open')}
        </button>
      </div>
    </nav>
  );
}
