// Small pieces the queue screens share: a service's bilingual label, services to choose from, a queue
// error in words.
import { useTranslation } from 'react-i18next';
import type { ErrorBody } from '@common/contract/index.js';
import type { QueueService } from '@common/contract/queue/central.js';
import type { Option } from '@renderer/components/SelectField.js';
import { describeError } from '@renderer/lib/errors.js';

export function ServiceLabel({ service, lang }: { service: Pick<QueueService, 'prefix' | 'nameId' | 'nameEn'>; lang: string }) {
  return (
    <span>
      <span className="service-list__prefix">{service.prefix}</span> {lang === 'en' ? service.nameEn : service.nameId}
    </span>
  );
}

/** Active services for a select, after an empty first choice ('—'). */
export const serviceOptions = (services: readonly QueueService[], lang: string): Array<Option<string>> => [
  { value: '', label: '—' },
  ...services.filter((s) => s.active).map((s) => ({ value: s.code, label: `${s.prefix} · ${lang === 'en' ? s.nameEn : s.nameId}` })),
];

/** The queue's own reasons (booking for another day, counter busy, quota full...) before the generic text. */
export function QueueError({ error }: { error: ErrorBody | null }) {
  const { t } = useTranslation();
  if (!error) return null;
  const reason = (error.details as { reason?: unknown } | undefined)?.reason;
  const key = typeof reason === 'string' ? `queue.reasons.${reason.replace(/\./g, '_')}` : null;
  const text = key && t(key, { defaultValue: '' }) ? t(key, { ...(error.details as object) }) : describeError(t, error);
  return (
    <p className="notice notice--error" role="alert">
      {text}
    </p>
  );
}

export const minutes = (ms: number): number => Math.max(0, Math.round(ms / 60_000));
