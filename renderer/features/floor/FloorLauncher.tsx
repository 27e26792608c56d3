import { useTranslation } from 'react-i18next';
import { replaceHash } from '@renderer/lib/route.js';
import { FLOOR_ROUTE } from './route.js';

/** The supervisor desk's way into the live floor. */
export function FloorLauncher() {
  const { t } = useTranslation();
  return (
    <nav className="card card--queue" aria-labelledby="floor-launch-title">
      <h2 id="floor-launch-title">{t('floor.title')}</h2>
      <p className="muted">{t('floor.launcherText')}</p>
      <div className="form-actions">
        <button type="button" className="btn btn--primary" onClick={() => replaceHash(FLOOR_ROUTE)}>
          {t('floor.open')}
        </button>
      </div>
    </nav>
  );
}
