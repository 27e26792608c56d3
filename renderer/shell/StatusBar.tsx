import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '@common/contract/sync.js';
import { currentLanguage } from '../i18n/index.js';
import { useShortcuts } from '../lib/keyboard.js';
import { replaceHash } from '../lib/route.js';
import { formatAge, useNow } from '../features/sync/age.js';
import { maySync, SYNC_KEYS, syncRoute } from '../features/sync/route.js';
import { useAppStore } from './app-store.js';
import { useSessionStore } from '../features/session/session-store.js';
import { useSyncStore } from '../features/sync/sync-store.js';
import './status-bar.css';

type Tone = 'online' | 'offline' | 'local' | 'busy' | 'problem';

/** The dot's colour: what an officer needs at a glance (connected, working alone, or stuck). */
export function syncTone(status: SyncStatus): Tone {
  if (status.state === 'revoked' || status.state === 'updateRequired' || status.state === 'error') return 'problem';
  if (status.state === 'disabled' || status.state === 'training' || status.state === 'notEnrolled') return 'local';
  if (status.state === 'syncing') return 'busy';
  // Connected at the socket level is not online: a hung central answers nothing.
  if (status.state === 'notAnswering' || status.state === 'offline') return 'offline';
  return status.state === 'idle' || status.online ? 'online' : 'offline';
}

/**
 * Which label names the state. The client reports a failed request as 'offline' (or 'error'), so
 * 'idle' is a connected client even before its first round has set `online`.
 */
export const stateKey = (status: SyncStatus): string => (status.state === 'idle' ? 'online' : status.state);

/**
 * The bottom line on every screen: online or offline, pending ops, problems, the age of the last
 * successful sync (ticking), and the version. Logged-in users who may read it open the Sync screen from here.
 */
export function StatusBar() {
  const { t } = useTranslation();
  const version = useAppStore((s) => s.status?.version);
  const role = useSessionStore((s) =>
    s.session && !s.session.locked && !s.session.mustChangePassword && maySync(s.session.role) ? s.session.role : null,
  );
  const status = useSyncStore((s) => s.status);
  const now = useNow(10_000);
  useEffect(() => useSyncStore.getState().follow(), []);
  const open = (): void => {
    if (role) replaceHash(syncRoute(role));
  };
  useShortcuts([{ keys: SYNC_KEYS, run: open, enabled: role !== null }]);
  const language = currentLanguage();

  const content = status ? (
    <>
      <span className={`status-dot status-dot--${syncTone(status)}`} aria-hidden="true" />
      {t('statusBar.sync')}: <strong>{t(`sync.state.${stateKey(status)}`)}</strong>
      {status.state !== 'disabled' && status.state !== 'training' && (
        <>
          <span className="status-bar__sep" aria-hidden="true">
            ·
          </span>
          <span data-testid="sync-pending">{t('sync.bar.pending', { count: status.pendingOps })}</span>
          {status.rejected > 0 && <span className="badge badge--danger">{t('sync.bar.rejected', { count: status.rejected })}</span>}
          {status.held > 0 && <span className="badge badge--warning">{t('sync.bar.held', { count: status.held })}</span>}
          {status.conflicts > 0 && <span className="badge badge--warning">{t('sync.bar.conflicts', { count: status.conflicts })}</span>}
          <span className="status-bar__sep" aria-hidden="true">
            ·
          </span>
          <span data-testid="sync-age">
            {status.lastSyncAt === null ? t('sync.bar.never') : t('sync.bar.last', { age: formatAge(status.lastSyncAt, now, language) })}
          </span>
        </>
      )}
    </>
  ) : (
    <>
      <span className="status-dot" aria-hidden="true" />
      {t('statusBar.sync')}: <strong>…</strong>
    </>
  );

  return (
    <footer className="status-bar" role="contentinfo">
      {role ? (
        <button
          type="button"
          className="status-bar__item status-bar__link"
          data-testid="sync-status"
          onClick={open}
          aria-keyshortcuts="Control+Shift+S"
          title={`${t('sync.open')} (${SYNC_KEYS})`}
        >
          {content}
        </button>
      ) : (
        <span className="status-bar__item" data-testid="sync-status">
          {content}
        </span>
      )}
      {version && <span className="status-bar__item">{t('statusBar.version', { version })}</span>}
    </footer>
  );
}
