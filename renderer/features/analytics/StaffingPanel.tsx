import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartConfiguration } from 'chart.js';
import type { ForecastResult, StaffingResult } from '@common/contract/analytics.js';
import type { ErrorBody } from '@common/contract/result.js';
import { TextField } from '@renderer/components/Field.js';
import { FormActions } from '@renderer/components/FormActions.js';
import { Notice } from '@renderer/components/Notice.js';
import { SelectField } from '@renderer/components/SelectField.js';
import { describeError, fieldsOf } from '@renderer/lib/errors.js';
import type { StaffingInput } from './analytics-store.js';
import { ChartCard } from './ChartCard.js';
import { duration, hourLabel, longDate, number, percent } from './format.js';

interface Props {
  forecast: ForecastResult;
  staffing: StaffingResult | null;
  input: StaffingInput;
  error: ErrorBody | null;
  onPlan: (input: StaffingInput) => Promise<void>;
}

const NUMBER_FIELDS = [
  ['serviceLevelPercent', 1, 99],
  ['withinMinutes', 1, 240],
  ['shrinkagePercent', 0, 90],
  ['countersAvailable', 1, 200],
] as const;

/** Counters to open and appointments to offer, hour by hour, for one forecast day (Erlang C). */
export function StaffingPanel({ forecast, staffing, input, error, onPlan }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<StaffingInput>({ ...input, date: input.date ?? staffing?.date });
  const days = forecast.days.filter((d) => !d.closed);
  const problems = error ? fieldsOf(error) : {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void onPlan(draft);
  };
  const config = useMemo<ChartConfiguration>(
    () => ({
      type: 'bar',
      data: {
        labels: (staffing?.hours ?? []).map((h) => hourLabel(h.hour)),
        datasets: [
          {
            type: 'bar',
            label: t('analytics.staffing.counters'),
            data: (staffing?.hours ?? []).map((h) => h.counters),
            backgroundColor: '#2171b5',
            yAxisID: 'y',
          },
          {
            type: 'bar',
            label: t('analytics.staffing.rostered'),
            data: (staffing?.hours ?? []).map((h) => h.rostered),
            backgroundColor: '#9ecae1',
            yAxisID: 'y',
          },
          {
            type: 'line',
            label: t('analytics.staffing.quota'),
            data: (staffing?.hours ?? []).map((h) => h.quota),
            borderColor: '#d94801',
            backgroundColor: '#d94801',
            yAxisID: 'y2',
          },
        ],
      },
      options: {
        scales: {
          y: { beginAtZero: true, position: 'left', title: { display: true, text: t('analytics.staffing.countersAxis') } },
          y2: {
            beginAtZero: true,
            position: 'right',
            grid: { drawOnChartArea: false },
            title: { display: true, text: t('analytics.staffing.quotaAxis') },
          },
        },
      },
    }),
    [staffing, t],
  );
  const csv = () => [
    [
      t('analytics.staffing.hour'),
      t('analytics.staffing.arrivals'),
      'Erlang',
      t('analytics.staffing.counters'),
      t('analytics.staffing.rostered'),
      t('analytics.staffing.serviceLevel'),
      t('analytics.staffing.withAvailable', { counters: staffing?.target.countersAvailable ?? '' }),
      t('analytics.staffing.averageWait'),
      t('analytics.staffing.quota'),
    ],
    ...(staffing?.hours ?? []).map((h) => [
      hourLabel(h.hour),
      h.arrivals,
      h.load,
      h.counters,
      h.rostered,
      h.serviceLevel,
      h.serviceLevelWithAvailable,
      h.averageWaitSeconds,
      h.quota,
    ]),
  ];
  return (
    <>
      <form className="card analytics-form" onSubmit={submit} aria-labelledby="staffing-form-title">
        <h2 id="staffing-form-title">{t('analytics.staffing.inputs')}</h2>
        <div className="analytics-form__grid">
          <SelectField
            label={t('analytics.staffing.date')}
            value={draft.date ?? ''}
            onValue={(date) => setDraft({ ...draft, date })}
            options={days.map((d) => ({ value: d.date, label: longDate(d.date) }))}
            invalid={!!problems.date}
          />
          {NUMBER_FIELDS.map(([key, min, max]) => (
            // The browser's number input: its arrows step the figure and it refuses one out of range.
            <TextField
              key={key}
              label={t(`analytics.staffing.field.${key}`)}
              type="number"
              min={min}
              max={max}
              required
              value={Number.isNaN(draft[key]) ? '' : String(draft[key])}
              onValue={(typed) => setDraft({ ...draft, [key]: typed === '' ? NaN : Number(typed) })}
              invalid={!!problems[key]}
            />
          ))}
        </div>
        <FormActions submit={t('analytics.staffing.calculate')} />
        {error && (
          <Notice tone="error" title={t('analytics.staffing.failed')}>
            {problems.date ? t('analytics.staffing.dateNotForecast') : describeError(t, error)}
          </Notice>
        )}
      </form>
      {staffing && (
        <ChartCard
          title={t('analytics.staffing.title', { date: longDate(staffing.date) })}
          fileBase={`kebutuhan-loket-${staffing.date}`}
          config={config}
          csv={csv}
          testId="analytics-staffing"
        >
          <p className="muted" data-testid="staffing-summary">
            {t('analytics.staffing.explain', {
              aht: duration(staffing.ahtSeconds),
              target: percent(staffing.target.serviceLevel, 0),
              minutes: staffing.target.withinSeconds / 60,
              shrinkage: percent(staffing.target.shrinkage, 0),
              walkIns: percent(staffing.walkInShare, 0),
              capacity: staffing.capacityPerHour,
              counters: staffing.target.countersAvailable,
            })}
          </p>
          <div className="table-scroll">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('analytics.staffing.hour')}</th>
                  <th scope="col">{t('analytics.staffing.arrivals')}</th>
                  <th scope="col">{t('analytics.staffing.counters')}</th>
                  <th scope="col">{t('analytics.staffing.rostered')}</th>
                  <th scope="col">{t('analytics.staffing.serviceLevel')}</th>
                  <th scope="col">{t('analytics.staffing.withAvailable', { counters: staffing.target.countersAvailable })}</th>
                  <th scope="col">{t('analytics.staffing.averageWait')}</th>
                  <th scope="col">{t('analytics.staffing.quota')}</th>
                </tr>
              </thead>
              <tbody>
                {staffing.hours.map((h) => (
                  <tr key={h.hour} className={h.feasible ? undefined : 'is-short'}>
                    <th scope="row">{hourLabel(h.hour)}</th>
                    <td>{number(h.arrivals)}</td>
                    <td>
                      {h.counters}
                      {!h.feasible && ` (${t('analytics.staffing.short')})`}
                    </td>
                    <td>{h.rostered}</td>
                    <td>{percent(h.serviceLevel)}</td>
                    <td>{percent(h.serviceLevelWithAvailable)}</td>
                    <td>{h.averageWaitSeconds === null ? '∞' : duration(h.averageWaitSeconds)}</td>
                    <td>{h.quota}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </ChartCard>
      )}
    </>
  );
}
