import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartConfiguration } from 'chart.js';
import type { HeatmapResult } from '@common/contract/analytics.js';
import { ChartCard } from './ChartCard.js';
import { heatLevel, hourLabel, number, weekdayName } from './format.js';

const HEAT_COLOURS = ['#eef2f7', '#c6dbef', '#6baed6', '#2171b5', '#d94801', '#a63603'];

/** Arrivals per open day by hour and weekday: a bubble per cell (the chart) and a coloured table. */
export function HeatmapPanel({ heatmap }: { heatmap: HeatmapResult }) {
  const { t } = useTranslation();
  const max = Math.max(0, ...heatmap.mean.flat());
  const config = useMemo<ChartConfiguration>(
    () => ({
      type: 'bubble',
      data: {
        datasets: [
          {
            label: t('analytics.heatmap.perDay'),
            data: heatmap.weekdays.flatMap((w, wi) =>
              heatmap.hours.map((h, hi) => ({
                x: h,
                y: wi,
                r: max > 0 ? 2 + (18 * (heatmap.mean[wi]![hi] ?? 0)) / max : 0,
                v: heatmap.mean[wi]![hi] ?? 0,
              })),
            ),
            backgroundColor: heatmap.weekdays.flatMap((_, wi) =>
              heatmap.hours.map((_h, hi) => HEAT_COLOURS[heatLevel(heatmap.mean[wi]![hi] ?? 0, max)]!),
            ),
          },
        ],
      },
      options: {
        plugins: {
          legend: { display: false },
          tooltip: { callbacks: { label: (c) => `${number((c.raw as { v: number }).v)} ${t('analytics.heatmap.arrivals')}` } },
        },
        scales: {
          // Half a cell of margin on each side; the ticks sit on the cells, not on the margins.
          x: {
            min: (heatmap.hours[0] ?? 8) - 0.5,
            max: (heatmap.hours.at(-1) ?? 15) + 0.5,
            afterBuildTicks: (axis) => void (axis.ticks = heatmap.hours.map((h) => ({ value: h }))),
            ticks: { callback: (v) => hourLabel(Number(v)) },
          },
          y: {
            reverse: true,
            min: -0.5,
            max: heatmap.weekdays.length - 0.5,
            afterBuildTicks: (axis) => void (axis.ticks = heatmap.weekdays.map((_, i) => ({ value: i }))),
            ticks: { callback: (v) => weekdayName(heatmap.weekdays[Number(v)] ?? 1, 'short') },
          },
        },
      },
    }),
    // t changes with the language: the axis labels are translated when drawn.
    [heatmap, max, t],
  );
  const csv = () => [
    [t('analytics.heatmap.weekday'), ...heatmap.hours.map(hourLabel), t('analytics.heatmap.openDays')],
    ...heatmap.weekdays.map((w, wi) => [
      weekdayName(w),
      ...heatmap.hours.map((_, hi) => heatmap.mean[wi]![hi] ?? 0),
      heatmap.openDays[wi] ?? 0,
    ]),
  ];
  return (
    <ChartCard
      title={t('analytics.heatmap.title')}
      fileBase={`kedatangan-${heatmap.from}-${heatmap.to}`}
      config={config}
      csv={csv}
      testId="analytics-heatmap"
    >
      <p className="muted">
        {t('analytics.heatmap.explain', { from: heatmap.from, to: heatmap.to, total: heatmap.total })}
        {heatmap.peak &&
          ` ${t('analytics.heatmap.peak', { weekday: weekdayName(heatmap.peak.weekday), hour: hourLabel(heatmap.peak.hour), mean: number(heatmap.peak.mean) })}`}
      </p>
      <div className="table-scroll">
        <table className="table heat-table">
          <thead>
            <tr>
              <th scope="col">{t('analytics.heatmap.weekday')}</th>
              {heatmap.hours.map((h) => (
                <th key={h} scope="col">
                  {hourLabel(h)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {heatmap.weekdays.map((w, wi) => (
              <tr key={w}>
                <th scope="row">{weekdayName(w)}</th>
                {heatmap.hours.map((h, hi) => {
                  const v = heatmap.mean[wi]![hi] ?? 0;
                  return (
                    <td key={h} className={`heat heat--${heatLevel(v, max)}`}>
                      {number(v)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </ChartCard>
  );
}
