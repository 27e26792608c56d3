import { useTranslation } from 'react-i18next';
import { useAppStore } from '../stores/app-store.js';

/** The bottom line: sync state (local only until the sync client lands) and the version. */
export function StatusBar() {
  const { t } = useTranslation();
  const version = useAppStore((s) => s.status?.version);
  return (
    <footer className="status-bar" role="contentinfo">
      <span className="status-bar__item" data-testid="sync-status">
        <span className="status-dot status-dot--local" aria-hidden="true" />
        {t('statusBar.sync')}: <strong>{t('statusBar.local')}</strong>
      </span>
      {version && <span className="status-bar__item">{t('statusBar.version', { version })}</span>}
    </footer>
  );
}
