import { useTranslation } from 'react-i18next';
import { replaceHash } from '@renderer/lib/route.js';
import { useSessionStore } from '../session/session-store.js';
import { adjudicationRoute, handOverRoute, newRoute, searchRoute } from './route.js';

/** The home screens' way into application work (officer and supervisor). */
export function ApplicationsLauncher() {
  const { t } = useTranslation();
  const role = useSessionStore((s) => s.session?.role ?? 'officer');
  return (
    <nav className="card" aria-labelledby="apps-launch-title">
      <h2 id="apps-launch-title">{t('applications.launcher.title')}</h2>
      <div className="form-actions">
        <button type="button" className="btn btn--primary" onClick={() => replaceHash(newRoute(role))}>
          {t('applications.new.open')}
        </button>
        <button type="button" className="btn" onClick={() => replaceHash(searchRoute(role))}>
          {t('applications.search.title')}
        </button>
        <button type="button" className="btn" onClick={() => replaceHash(handOverRoute(role))}>
          {t('applications.handOver.open')}
        </button>
        {role === 'supervisor' && (
          <button type="button" className="btn" onClick={() => replaceHash(adjudicationRoute(role))}>
            {t('applications.adjudication.title')}
          </button>
        )}
      </div>
    </nav>
  );
}
