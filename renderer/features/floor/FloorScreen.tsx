import { useEffect, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BackButton } from '@renderer/components/BackButton.js';
import { Notice } from '@renderer/components/Notice.js';
import { describeError } from '@renderer/lib/errors.js';
import { useShortcuts } from '@renderer/lib/keyboard.js';
import { HOME_ROUTE, replaceHash } from '@renderer/lib/route.js';
import { useFloorStore } from './floor-store.js';
import { currentLanguage } from '@renderer/i18n/index.js';
import { formatAge, useNow } from '../sync/age.js';
import { freshness, timeText } from './format.js';
import { CountersTable, FloorTiles, ServicesTable } from './FloorPanels.js';
import './floor.css';

const TARGET_MIN = 1;
const TARGET_MAX = 240;

/** The service-level target as typed: a whole number of minutes in range, or null. */
const parseTarget = (text: string): number | null => {
  const n = Number(text);
  return /^\d+$/.test(text.trim()) && n >= TARGET_MIN && n <= TARGET_MAX ? n : null;
};

/** The supervisor's live floor: the office queue now, from central, refreshed as it moves. */
export function FloorScreen() {
  const { t } = useTranslation();
  const { view, fetchedAt, lastOk, error, targetMinutes, follow, setTarget, load } = useFloorStore();
  const now = useNow(5_000);
  const fresh = view && fetchedAt !== null ? freshness(fetchedAt, now, lastOk) : null;
  const age = fetchedAt !== null ? formatAge(fetchedAt, now, currentLanguage()) : '';
  const [targetText, setTargetText] = useState(String(targetMinutes));
  const [targetInvalid, setTargetInvalid] = useState(false);
  useEffect(() => follow(), [follow]);
  const back = (): void => replaceHash(HOME_ROUTE.supervisor);
  useShortcuts([{ keys: 'Escape', run: back }]);
  const offline = error?.code === 'OFFLINE';

  const applyTarget = (e: SyntheticEvent): void => {
    e.preventDefault();
    const n = parseTarget(targetText);
    setTargetInvalid(n === null);
    if (n !== null && n !== targetMinutes) void setTarget(n);
  };

  return (
    <section className="screen floor" aria-labelledby="floor-title">
      <div className="page-head">
        <h1 id="floor-title">{t('floor.title')}</h1>
        <p className="lead">
          {view
            ? t('floor.lead', { office: view.officeName, day: view.day, time: timeText(view.now, view.timeZone) })
            : t('floor.launcherText')}
        </p>
      </div>
      <div className="floor-toolbar">
        <BackButton label={t('floor.back')} onBack={back} />
        <form className={`field field--short${targetInvalid ? ' field--invalid' : ''}`} onSubmit={applyTarget}>
          <label htmlFor="floor-target">{t('floor.target')}</label>
          <input
            id="floor-target"
            inputMode="numeric"
            value={targetText}
            aria-invalid={targetInvalid}
            aria-describedby="floor-target-hint"
            onChange={(e) => setTargetText(e.target.value)}
            onBlur={applyTarget}
          />
          <span id="floor-target-hint" className={targetInvalid ? 'field__problems' : 'field__hint'}>
            {targetInvalid ? t('floor.targetInvalid', { min: TARGET_MIN, max: TARGET_MAX }) : t('floor.targetHint')}
          </span>
        </form>
        <button type="button" className="btn btn--secondary" onClick={() => void load()}>
          {t('floor.refresh')}
        </button>
        {fresh === 'live' && (
          <span className="badge badge--ok" data-testid="floor-live">
            {t('floor.live')}
          </span>
        )}
        {fresh === 'unconfirmed' && (
          <span className="badge badge--muted" data-testid="floor-unconfirmed">
            {t('floor.unconfirmed', { age })}
          </span>
        )}
        {fresh === 'stale' && (
          <span className="badge badge--warning" data-testid="floor-stale" role="status">
            {t('floor.stale', { age })}
          </span>
        )}
      </div>
      {offline && (
        <Notice tone="warning" title={t('floor.offlineTitle')}>
          {t('floor.offline')}
        </Notice>
      )}
      {error && !offline && (
        <Notice tone="error" title={t('floor.failed')}>
          {describeError(t, error)}
        </Notice>
      )}
      {view && (
        <div className={fresh === 'stale' ? 'floor-data floor-data--stale' : 'floor-data'}>
          <FloorTiles view={view} />
          <div className="floor-tables">
            <ServicesTable view={view} />
            <CountersTable view={view} />
          </div>
        </div>
      )}
    </section>
  );
}
