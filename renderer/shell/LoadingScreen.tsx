import { useTranslation } from 'react-i18next';
import { Notice } from '../components/Notice.js';
import { describeError } from '../lib/errors.js';
import { useAppStore } from './app-store.js';

/** Until app.status answers; says so plainly when the Loket service cannot be reached. */
export function LoadingScreen() {
  const { t } = useTranslation();
  const error = useAppStore((s) => s.loadError);
  const load = useAppStore((s) => s.load);
  return (
    <section className="screen screen--loading" aria-busy={!error}>
      <div className="panel panel--narrow">
        {error ? (
          <>
            <Notice tone="error" title={t('app.unreachable')}>
              {describeError(t, error)}
            </Notice>
            <button type="button" className="btn btn--primary" onClick={() => void load()}>
              {t('app.retry')}
            </button>
          </>
        ) : (
          <p className="lead">{t('app.loading')}</p>
        )}
      </div>
    </section>
  );
}
