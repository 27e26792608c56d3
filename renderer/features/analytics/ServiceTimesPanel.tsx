import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartConfiguration } from 'chart.js';
import type { ServiceTimesResult } from '@common/contract/analytics.js';
import { SelectField } from '@renderer/components/SelectField.js';
import { currentLanguage } from '@renderer/i18n/index.js';
import { ChartCard } from './ChartCard.js';
import { duration } from './format.js';

type Service = ServiceTimesResult['services'][number];
const nameOf = (s: Service): string => (currentLanguage() === 'en' ? s.nameEn : s.nameId);

/** How long each service takes at the counter (call to finish): percentiles and one service's histogram. */
export function ServiceTimesPanel({ serviceTimes }: { serviceTimes: ServiceTimesResult }) {
  const { t } = useTranslation();
  const [code, setCode] = useState(serviceTimes.services[0]?.serviceCode ?? '');
  const selected = serviceTimes.services.find((s) => s.serviceCode === code) ?? serviceTimes.services[0];
  const config = useMemo<ChartConfiguration>(
    () => ({
      type: 'bar',
      data: {
        labels: (selected?.histogram ?? []).map((b) => `${duration(b.fromSeconds)}–${duration(b.toSeconds)}`),
        datasets: [
          { label: t('analytics.serviceTimes.tickets'), data: (selected?.histogram ?? []).map((b) => b.count), backgroundColor: '#2171b5' },
        ],
      },
      options: {
        plugins: { legend: { display: false } },
        scales: {
          x: { title: { display: true, text: t('analytics.serviceTimes.minutes') } },
          y: { beginAtZero: true, title: { display: true, text: t('analytics.serviceTimes.tickets') } },
        },
      },
    }),
    [selected, t],
  );
  const csv = () => [
    [t('analytics.serviceTimes.service'), 'kode', 'n', t('analytics.serviceTimes.meanSeconds'), 'p50', 'p80', 'p90', 'p95'],
    ...serviceTimes.services.map((s) => [nameOf(s), s.serviceCode, s.count, s.meanSeconds, s.p50, s.p80, s.p90, s.p95]),
    [],
    [
      `${t('analytics.serviceTimes.histogramOf')} ${selected ? nameOf(selected) : ''}`,
      t('analytics.serviceTimes.fromSeconds'),
      t('analytics.serviceTimes.toSeconds'),
      t('analytics.serviceTimes.tickets'),
    ],
    ...(selected?.histogram ?? []).map((b) => ['', b.fromSeconds, b.toSeconds, b.count]),
  ];
  return (
    <ChartCard
      title={t('analytics.serviceTimes.title')}
      fileBase={`waktu-layanan-${serviceTimes.from}-${serviceTimes.to}`}
      config={config}
      csv={csv}
      testId="analytics-service-times"
    >
      <SelectField
        label={t('analytics.serviceTimes.service')}
        className="analytics-picker"
        value={selected?.serviceCode ?? ''}
        onValue={setCode}
        options={serviceTimes.services.map((s) => ({ value: s.serviceCode, label: nameOf(s) }))}
      />
      <div className="table-scroll">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('analytics.serviceTimes.service')}</th>
              <th scope="col">{t('analytics.serviceTimes.tickets')}</th>
              <th scope="col">{t('analytics.serviceTimes.mean')}</th>
              <th scope="col">p50</th>
              <th scope="col">p80</th>
              <th scope="col">p90</th>
              <th scope="col">p95</th>
            </tr>
          </thead>
          <tbody>
            {serviceTimes.services.map((s) => (
              <tr key={s.serviceCode} className={s.serviceCode === selected?.serviceCode ? 'is-selected' : undefined}>
                <th scope="row">{nameOf(s)}</th>
                <td>{s.count.toLocaleString(currentLanguage() === 'id' ? 'id-ID' : 'en-GB')}</td>
                <td>{duration(s.meanSeconds)}</td>
                <td>{duration(s.p50)}</td>
                <td>{duration(s.p80)}</td>
                <td>{duration(s.p90)}</td>
                <td>{duration(s.p95)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </ChartCard>
  );
}
