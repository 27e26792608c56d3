import { useTranslation } from 'react-i18next';
import { useShortcuts } from '@renderer/lib/keyboard.js';
import { replaceHash } from '@renderer/lib/route.js';
import { useSessionStore } from '../session/session-store.js';
import { adjudicationRoute, handOverRoute, newRoute, searchRoute } from './route.js';
import { HANDOVER_KEYS, NEW_KEYS } from './keys.js';

/** The home screens' way into application work (officer and supervisor). */
export function ApplicationsLauncher() {
  const { t } = useTranslation();
  const role = useSessionStore((s) => s.session?.role ?? 'officer');
  // The same keys as on the search screen: a new applicant at the counter is one chord from the home.
  useShortcuts([
    { keys: NEW_KEYS, run: () => replaceHash(newRoute(role)) },
    { keys: HANDOVER_KEYS, run: () => replaceHash(handOverRoute(role)) },
  ]);
  return (
    <nav className="card" aria-labelledby="apps-launch-title">
      <h2 id="apps-launch-title">{t('applications.launcher.title')}</h2>
      <div className="form-actions">
        <button type="button" className="btn btn--primary" onClick={() => replaceHash(newRoute(role))} aria-keyshortcuts="Alt+N">
          {t('applications.new.open')} <kbd>{NEW_KEYS}</kbd>
        </button>
        <button type="button" className="btn" onClick={() => replaceHash(searchRoute(role))}>
          {t('applications.search.title')}
        </button>
        <button type="button" className="btn" onClick={() => replaceHash(handOverRoute(role))} aria-keyshortcuts="Alt+H">
          {t('applications.handOver.open')} <kbd>{HANDOVER_KEYS}</kbd>
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
