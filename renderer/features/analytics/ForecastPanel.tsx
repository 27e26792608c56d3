import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartConfiguration } from 'chart.js';
import type { ForecastResult } from '@common/contract/analytics.js';
import { ChartCard } from './ChartCard.js';
import { hourLabel, longDate, number, percent, shortDate } from './format.js';

/** The hours the office sees arrivals in, over every forecast day. */
const openHours = (f: ForecastResult): number[] =>
  [...new Set(f.days.flatMap((d) => d.hours.flatMap((v, h) => (v > 0 ? [h] : []))))].sort((a, b) => a - b);

/** Arrivals per hour for the next working days, closed days named, and how wrong it was in the backtest. */
export function ForecastPanel({ forecast }: { forecast: ForecastResult }) {
  const { t } = useTranslation();
  const hours = useMemo(() => openHours(forecast), [forecast]);
  const open = useMemo(() => forecast.days.filter((d) => !d.closed), [forecast]);
  const config = useMemo<ChartConfiguration>(
    () => ({
      type: 'line',
      data: {
        labels: open.flatMap((d) => hours.map((h) => `${shortDate(d.date)} ${hourLabel(h)}`)),
        datasets: [
          {
            label: t('analytics.forecast.arrivalsPerHour'),
            data: open.flatMap((d) => hours.map((h) => d.hours[h] ?? 0)),
            borderColor: '#2171b5',
            backgroundColor: '#2171b5',
            pointRadius: 2,
          },
        ],
      },
      options: { scales: { y: { beginAtZero: true } }, plugins: { legend: { display: true } } },
    }),
    // t changes with the language: the date labels are translated when drawn.
    [hours, open, t],
  );
  const csv = () => [
    [t('analytics.forecast.date'), t('analytics.forecast.hour'), t('analytics.forecast.arrivals'), t('analytics.forecast.closed')],
    ...forecast.days.flatMap((d) =>
      d.closed
        ? [[d.date, '', 0, d.holidayName ?? t('analytics.forecast.closedDay')]]
        : hours.map((h) => [d.date, hourLabel(h), d.hours[h] ?? 0, '']),
    ),
    [],
    ['MAE', forecast.backtest.mae],
    ['MAPE %', forecast.backtest.mape],
    [t('analytics.forecast.naive'), forecast.backtest.naiveMae],
    [t('analytics.forecast.folds'), forecast.backtest.folds],
  ];
  const b = forecast.backtest;
  return (
    <ChartCard
      title={t('analytics.forecast.title')}
      fileBase={`prakiraan-${forecast.origin}`}
      config={config}
      csv={csv}
      testId="analytics-forecast"
    >
      <p className="analytics-backtest" data-testid="analytics-backtest">
        {b.folds === 0
          ? t('analytics.forecast.noBacktest')
          : t('analytics.forecast.backtest', { mae: number(b.mae), mape: number(b.mape), naive: number(b.naiveMae), folds: b.folds })}
      </p>
      <div className="table-scroll">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('analytics.forecast.date')}</th>
              <th scope="col">{t('analytics.forecast.total')}</th>
              <th scope="col">{t('analytics.forecast.note')}</th>
            </tr>
          </thead>
          <tbody>
            {forecast.days.map((d) => (
              <tr key={d.date}>
                <th scope="row">{longDate(d.date)}</th>
                <td>{d.closed ? '—' : number(d.total, 0)}</td>
                <td>
                  {d.closed
                    ? `${t('analytics.forecast.closedDay')}${d.holidayName ? `: ${d.holidayName}` : ''}`
                    : d.uplift > 1
                      ? t('analytics.forecast.surge', { uplift: percent(d.uplift - 1, 0) })
                      : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </ChartCard>
  );
}
