import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { SyncStatus } from '@common/contract/sync.js';
import { BackButton } from '@renderer/components/BackButton.js';
import { Notice } from '@renderer/components/Notice.js';
import { stateKey } from '@renderer/shell/StatusBar.js';
import { currentLanguage } from '@renderer/i18n/index.js';
import { describeError } from '@renderer/lib/errors.js';
import { useShortcuts } from '@renderer/lib/keyboard.js';
import { HOME_ROUTE, replaceHash } from '@renderer/lib/route.js';
import { formatDateTime } from '@renderer/lib/time.js';
import { useAppStore } from '@renderer/shell/app-store.js';
import { useSessionStore } from '../session/session-store.js';
import { SYNC_FILTERS, useSyncStore } from './sync-store.js';
import { formatAge, useNow } from './age.js';
import { EnrolForm } from './EnrolForm.js';
import { OfficeProblems } from './OfficeProblems.js';
import { SyncItems } from './SyncItems.js';
import './sync.css';

export const SYNC_NOW_KEYS = 'Alt+S';

/** Sync states in which "Sync now" can do something (a client runs and may reach central). */
const canSync = (s: SyncStatus): boolean => !['disabled', 'training', 'notEnrolled', 'revoked', 'updateRequired'].includes(s.state);

function Summary({ status }: { status: SyncStatus }) {
  const { t } = useTranslation();
  const tz = useAppStore((s) => s.status?.office?.tz ?? 'Asia/Jakarta');
  const now = useNow(5_000);
  const language = currentLanguage();
  const when = (ms: number | null): string =>
    ms === null ? t('sync.bar.never') : `${formatAge(ms, now, language)} · ${formatDateTime(ms, tz, language)}`;
  const rows: Array<[string, string]> = [
    [
      t('sync.summary.central'),
      status.centralUrl ? `${status.centralUrl}${status.embedded ? ` (${t('sync.summary.embedded')})` : ''}` : t('sync.summary.noCentral'),
    ],
    [t('sync.summary.office'), status.officeCode ?? t('common.none')],
    [t('sync.summary.lastSync'), when(status.lastSyncAt)],
    [t('sync.summary.lastAttempt'), when(status.lastAttemptAt)],
  ];
  return (
    <div className="card sync-summary" aria-labelledby="sync-summary-title">
      <h2 id="sync-summary-title">{t(`sync.state.${stateKey(status)}`)}</h2>
      <p className="muted">{t(`sync.explain.${status.state}`)}</p>
      <dl className="sync-counts">
        <div>
          <dt>{t('sync.counts.pending')}</dt>
          <dd data-testid="sync-count-pending">{status.pendingOps}</dd>
        </div>
        <div>
          <dt>{t('sync.counts.rejected')}</dt>
          <dd data-testid="sync-count-rejected">{status.rejected}</dd>
        </div>
        <div>
          <dt>{t('sync.counts.conflicts')}</dt>
          <dd data-testid="sync-count-conflicts">{status.conflicts}</dd>
        </div>
      </dl>
      <dl className="sync-facts">
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      {status.lastError && (
        <Notice tone="warning" title={t('sync.summary.lastError')}>
          <p>{lastErrorText(t, status.lastError.code)}</p>
          {/* Central's and the transport's own words are English, for the admin and the log only. */}
          <details>
            <summary>{t('sync.lastError.details')}</summary>
            <code>
              {status.lastError.code}: {status.lastError.message}
            </code>
          </details>
        </Notice>
      )}
    </div>
  );
}

/** What the last failure means for the officer, in their language; the code when no text names it. */
function lastErrorText(t: TFunction, code: string): string {
  return t(`sync.lastError.${code}`, { defaultValue: '' }) || t('sync.lastError.other', { code });
}

/**
 * Everything this workstation has not yet settled with central: pending ops, ops central rejected
 * (with its reason) and conflicts to resolve, plus "Sync now". Every role reaches it from the status bar.
 */
export function SyncScreen() {
  const { t } = useTranslation();
  const role = useSessionStore((s) => s.session?.role ?? 'officer');
  const tz = useAppStore((s) => s.status?.office?.tz ?? 'Asia/Jakarta');
  const { status, items, filter, loadingItems, more, syncing, error, loadItems, loadMore, syncNow } = useSyncStore();
  const sinceChange = `${status?.pendingOps}/${status?.rejected}/${status?.conflicts}/${status?.lastSyncAt}`;
  useEffect(() => {
    void loadItems();
  }, [loadItems, sinceChange]);
  const ready = status !== null && canSync(status);
  const back = (): void => replaceHash(HOME_ROUTE[role]);
  useShortcuts([
    { keys: SYNC_NOW_KEYS, run: () => void syncNow(), enabled: ready && !syncing },
    { keys: 'Escape', run: back },
  ]);

  return (
    <section className="screen screen--sync" aria-labelledby="sync-title">
      <div className="page-head">
        <h1 id="sync-title">{t('sync.title')}</h1>
        <div className="form-actions">
          <BackButton label={t('sync.back')} onBack={back} />
          <button
            type="button"
            className="btn btn--primary"
            onClick={() => void syncNow()}
            disabled={!ready || syncing}
            aria-keyshortcuts="Alt+S"
          >
            {syncing ? t('sync.syncing') : t('sync.now')} <kbd>{SYNC_NOW_KEYS}</kbd>
          </button>
        </div>
      </div>
      {status?.training && <Notice tone="info">{t('sync.explain.training')}</Notice>}
      {error && <Notice tone="error">{describeError(t, error)}</Notice>}
      <div className="sync-layout">
        <div className="stack">
          {status && <Summary status={status} />}
          {status && role === 'admin' && !status.embedded && !status.training && status.state === 'notEnrolled' && (
            <EnrolForm centralUrl={status.centralUrl} />
          )}
          {status && role === 'admin' && !status.embedded && !status.training && status.state === 'revoked' && (
            <EnrolForm centralUrl={status.centralUrl} again />
          )}
        </div>
        <div className="card card--table" aria-labelledby="sync-items-title">
          <div className="card__head">
            <h2 id="sync-items-title">{t('sync.itemsTitle')}</h2>
            <nav className="tabs" aria-label={t('sync.itemsTitle')}>
              {SYNC_FILTERS.map((name) => (
                <button
                  key={name}
                  type="button"
                  className="tabs__tab"
                  aria-pressed={filter === name}
                  aria-current={filter === name ? 'page' : undefined}
                  onClick={() => void loadItems(name)}
                >
                  {t(`sync.filter.${name}`)}
                </button>
              ))}
            </nav>
          </div>
          <div aria-busy={loadingItems}>
            <SyncItems items={items} tz={tz} training={status?.training ?? false} role={role} />
            {more && (
              <div className="form-actions">
                <button type="button" className="btn" onClick={() => void loadMore()} disabled={loadingItems}>
                  {t('sync.more')}
                </button>
              </div>
            )}
          </div>
        </div>
      </div>
      {(role === 'supervisor' || role === 'admin') && status && !status.training && status.enrolled && <OfficeProblems tz={tz} />}
    </section>
  );
}
