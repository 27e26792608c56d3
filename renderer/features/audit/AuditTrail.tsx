import { useEffect } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Notice } from '@renderer/components/Notice.js';
import { currentLanguage } from '@renderer/i18n/index.js';
import { describeError } from '@renderer/lib/errors.js';
import { formatDateTime } from '@renderer/lib/time.js';
import { useAppStore } from '@renderer/shell/app-store.js';
import { useAuditStore, type AuditEvent } from './audit-store.js';

/** A status is the entity's own: a ticket's, an application's, a payment's or a receipt's. */
const STATUS_KEYS: Record<string, (v: string) => string> = {
  ticket: (v) => `queue.status.${v}`,
  application: (v) => `applications.status.${v}`,
  payment: (v) => `applications.payment.status.${v}`,
  receipt: (v) => `applications.receipts.status.${v}`,
};

/** Values that name something the UI already translates (roles, languages, modalities, groups, statuses...). */
const VALUE_KEYS: Record<string, (v: string, entity: string | null) => string | null> = {
  role: (v) => `roles.${v}`,
  language: (v) => `lang.${v}`,
  modality: (v) => `capture.modality.${v}`,
  bioSubType: (v) => `capture.subtype.${v.replace(' ', '_')}`,
  bioSubTypes: (v) => `capture.subtype.${v.replace(' ', '_')}`,
  action: (v) => `auditSummary.overrideActions.${v.replace('.', '_')}`,
  resolution: (v) => `sync.resolution.${v}`,
  kept: (v) => `sync.fields.${v}`,
  fields: (v) => `sync.fields.${v}`,
  reason: (v) => `auditSummary.reasons.${v}`,
  priorityGroup: (v) => `queue.groups.${v}`,
  mode: (v) => `auditSummary.modes.${v}`,
  status: (v, entity) => STATUS_KEYS[entity ?? '']?.(v) ?? null,
  from: (v) => `applications.status.${v}`,
  to: (v) => `applications.status.${v}`,
  transition: (v) => `applications.action.${v}`,
  state: (v) => `applications.documents.state.${v}`,
  docCode: (v) => `applications.documents.short.${v}`,
};

/** Only code-like values are looked up; free text (an override's reason) is shown as typed. */
const isCode = (v: string): boolean => /^[A-Za-z][A-Za-z0-9._ -]{0,40}$/.test(v) && !v.includes('  ');

/** What a value is read against: the event's entity, and the services by code in the officer's language. */
interface ValueContext {
  entity: string | null;
  serviceName: (code: string) => string | undefined;
}

function valueText(t: TFunction, key: string, value: unknown, c: ValueContext): string {
  if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no');
  if (Array.isArray(value)) return value.map((v) => valueText(t, key, v, c)).join(', ');
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  const text = String(value);
  if (!isCode(text)) return text;
  if (key === 'serviceCode') {
    const name = c.serviceName(text);
    return name ? `${name} (${text})` : text;
  }
  const lookup = VALUE_KEYS[key]?.(text, c.entity);
  return lookup ? t(lookup, { defaultValue: text }) : text;
}

/** The event's details with translated labels and values; the session id means nothing to a reader. */
export const summaryText = (t: TFunction, e: AuditEvent, serviceName: ValueContext['serviceName'] = () => undefined): string =>
  Object.entries(e.summary)
    .filter(([key, value]) => key !== 'sessionId' && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0))
    .map(
      ([key, value]) =>
        `${t(`auditSummary.keys.${key}`, { defaultValue: key })}: ${valueText(t, key, value, { entity: e.entity, serviceName })}`,
    )
    .join(' · ');

/** The most recent audit events, newest first, in the office's time zone. */
export function AuditTrail() {
  const { t } = useTranslation();
  const tz = useAppStore((s) => s.status?.office?.tz ?? 'Asia/Jakarta');
  const { events, loading, error, load } = useAuditStore();
  useEffect(() => {
    void load();
  }, [load]);
  const language = currentLanguage();
  const services = useAppStore((s) => s.services);
  const serviceName = (code: string) => {
    const s = services.find((x) => x.code === code);
    return s && (language === 'en' ? s.nameEn : s.nameId);
  };

  return (
    <div className="card card--table" aria-labelledby="audit-title">
      <div className="card__head">
        <h2 id="audit-title">{t('supervisor.auditTitle')}</h2>
        <button type="button" className="btn btn--small" onClick={() => void load()} disabled={loading}>
          {t('audit.refresh')}
        </button>
      </div>
      {error && <Notice tone="error">{describeError(t, error)}</Notice>}
      {events.length === 0 ? (
        <p className="muted">{t('audit.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('audit.seq')}</th>
                <th scope="col">{t('audit.at')}</th>
                <th scope="col">{t('audit.user')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.details')}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e.seq}>
                  <td className="num">{e.seq}</td>
                  <td className="nowrap">{formatDateTime(e.at, tz, language)}</td>
                  <td>{e.username ?? <span className="muted">{t('audit.system')}</span>}</td>
                  <td>{t(`audit.actions.${e.action.replaceAll('.', '_')}`, { defaultValue: e.action })}</td>
                  <td className="details">{summaryText(t, e, serviceName)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
