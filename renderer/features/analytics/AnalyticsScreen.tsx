import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from '@renderer/components/Notice.js';
import { SelectField } from '@renderer/components/SelectField.js';
import { describeError } from '@renderer/lib/errors.js';
import { useShortcuts } from '@renderer/lib/keyboard.js';
import { HOME_ROUTE, replaceHash } from '@renderer/lib/route.js';
import { useAnalyticsStore } from './analytics-store.js';
import { analyticsRoute, ANALYTICS_TABS, type AnalyticsTab } from './route.js';
import './analytics.css';

// The panels carry chart.js: loaded when a supervisor opens analytics, not with every counter's first screen.
const HeatmapPanel = lazy(() => import('./HeatmapPanel.js').then((m) => ({ default: m.HeatmapPanel })));
const ServiceTimesPanel = lazy(() => import('./ServiceTimesPanel.js').then((m) => ({ default: m.ServiceTimesPanel })));
const ForecastPanel = lazy(() => import('./ForecastPanel.js').then((m) => ({ default: m.ForecastPanel })));
const StaffingPanel = lazy(() => import('./StaffingPanel.js').then((m) => ({ default: m.StaffingPanel })));

const WEEK_CHOICES = [4, 8, 13, 26, 52] as const;

/** Alt+1..4 switch tabs, as on the other desks' tab rows. */
const TAB_KEYS = ANALYTICS_TABS.map((tab, i) => ({ tab, keys: `Alt+${i + 1}` }));

/** The supervisor's analytics: arrivals heatmap, service times, forecast with its error, staffing per hour. */
export function AnalyticsScreen({ tab }: { tab: AnalyticsTab }) {
  const { t } = useTranslation();
  const s = useAnalyticsStore();
  const { load } = s;
  useEffect(() => {
    void load();
  }, [load]);
  const back = (): void => replaceHash(HOME_ROUTE.supervisor);
  useShortcuts([
    ...TAB_KEYS.map(({ tab: name, keys }) => ({ keys, run: () => replaceHash(analyticsRoute(name)), enabled: true })),
    // Esc goes back to the desk, as it does from every other screen.
    { keys: 'Escape', run: back },
  ]);
  const empty = s.span !== null && s.span.tickets === 0;
  return (
    <section className="screen analytics" aria-labelledby="analytics-title">
      <div className="page-head">
        <h1 id="analytics-title">{t('analytics.title')}</h1>
        <p className="lead">
          {s.span && s.span.tickets > 0
            ? t('analytics.span', { first: s.span.first, last: s.span.last, tickets: s.span.tickets.toLocaleString('id-ID') })
            : t('analytics.lead')}
        </p>
      </div>
      <div className="analytics-toolbar">
        <button type="button" className="btn" onClick={back} aria-keyshortcuts="Escape">
          {t('analytics.back')} <kbd>Esc</kbd>
        </button>
        <SelectField
          label={t('analytics.weeks')}
          className="analytics-picker"
          value={String(s.weeks)}
          onValue={(weeks) => void load(Number(weeks))}
          options={WEEK_CHOICES.map((w) => ({ value: String(w), label: t('analytics.weeksOption', { weeks: w }) }))}
        />
        {s.span?.training && (
          <button type="button" className="btn btn--secondary" disabled={s.generating} onClick={() => void s.generate()}>
            {s.generating ? t('analytics.generating') : t('analytics.generate')}
          </button>
        )}
      </div>
      {s.error && (
        <Notice tone="error" title={t('analytics.failed')}>
          {describeError(t, s.error)}
        </Notice>
      )}
      {empty && <Notice tone="info">{s.span?.training ? t('analytics.emptyTraining') : t('analytics.empty')}</Notice>}
      <nav className="tabs" aria-label={t('analytics.title')}>
        {ANALYTICS_TABS.map((name) => (
          <a
            key={name}
            href={analyticsRoute(name)}
            className="tabs__tab"
            aria-current={tab === name ? 'page' : undefined}
            onClick={(e) => (e.preventDefault(), replaceHash(analyticsRoute(name)))}
          >
            {t(`analytics.tab.${name}`)}
          </a>
        ))}
      </nav>
      {s.loading && !s.heatmap && <p className="muted">{t('analytics.loading')}</p>}
      {!empty && (
        <Suspense fallback={<p className="muted">{t('analytics.loading')}</p>}>
          <div className="analytics-panel">
            {tab === 'heatmap' && s.heatmap && <HeatmapPanel heatmap={s.heatmap} />}
            {tab === 'serviceTimes' && s.serviceTimes && <ServiceTimesPanel key={s.serviceTimes.from} serviceTimes={s.serviceTimes} />}
            {tab === 'forecast' && s.forecast && <ForecastPanel forecast={s.forecast} />}
            {tab === 'staffing' && s.forecast && (
              <StaffingPanel
                key={s.staffing?.date ?? 'none'}
                forecast={s.forecast}
                staffing={s.staffing}
                input={s.staffingInput}
                error={s.staffingError}
                onPlan={s.plan}
              />
            )}
          </div>
        </Suspense>
      )}
    </section>
  );
}
