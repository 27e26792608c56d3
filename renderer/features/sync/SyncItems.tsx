import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { SyncItem } from '@common/contract/sync.js';
import type { TimeZone } from '@common/domain/shared/offices.js';
import { currentLanguage } from '@renderer/i18n/index.js';
import { formatDateTime } from '@renderer/lib/time.js';
import { reasonWords } from '@renderer/lib/errors.js';
import { ConflictPanel } from './ConflictPanel.js';
import { RejectedPanel } from './RejectedPanel.js';

/** Central's stable reason codes ('username.taken', 'data.invalid:fullName') in the officer's language. */
export function reasonText(t: TFunction, reason: string): string {
  const [code = reason, detail] = reason.split(/:(.*)/s);
  // The Sync screen's own wording first (it speaks of "this change"), then the shared reasons.
  const text = t(`sync.reasons.${code}`, { defaultValue: '' }) || reasonWords(t, code) || code;
  return detail ? `${text} (${detail})` : text;
}

export const opText = (t: TFunction, op: string): string => t(`audit.actions.${op.replaceAll('.', '_')}`, { defaultValue: op });

const STATUS_BADGE: Record<SyncItem['status'], string> = {
  pending: 'badge--muted',
  applied: 'badge--ok',
  duplicate: 'badge--ok',
  rejected: 'badge--danger',
  conflict: 'badge--warning',
};

/** Why a conflict cannot be settled here, or null: training never syncs; an account's conflict is an admin's. */
const blockedOf = (item: SyncItem, training: boolean, role: string): 'training' | 'adminOnly' | null =>
  training ? 'training' : item.entity === 'user' && role !== 'admin' ? 'adminOnly' : null;

/** A change's words, what it changed and who made it: the middle cells of a row, here and office-wide. */
export function ChangeCells({ op, entity, actor }: { op: string; entity: string; actor: string | null }) {
  const { t } = useTranslation();
  return (
    <>
      <td>
        {opText(t, op)} <span className="muted">· {t(`sync.entities.${entity}`, { defaultValue: entity })}</span>
      </td>
      <td>{actor ?? <span className="muted">{t('audit.system')}</span>}</td>
    </>
  );
}

export function StatusBadge({ status }: { status: SyncItem['status'] }) {
  const { t } = useTranslation();
  return <span className={`badge ${STATUS_BADGE[status]}`}>{t(`sync.status.${status}`)}</span>;
}

/**
 * Outbox ops, newest first; an unresolved conflict opens its resolver right under its row, and an
 * unsettled rejection its retry and dismiss.
 */
export function SyncItems({ items, tz, training, role }: { items: SyncItem[]; tz: TimeZone; training: boolean; role: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  if (items.length === 0) return <p className="muted">{t('sync.empty')}</p>;
  return (
    <div className="table-scroll">
      <table className="table" aria-label={t('sync.itemsTitle')}>
        <thead>
          <tr>
            <th scope="col">{t('sync.col.seq')}</th>
            <th scope="col">{t('sync.col.at')}</th>
            <th scope="col">{t('sync.col.change')}</th>
            <th scope="col">{t('sync.col.actor')}</th>
            <th scope="col">{t('sync.col.status')}</th>
            <th scope="col">{t('sync.col.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const open = item.status === 'conflict' && item.resolvedAt === null && item.conflict !== null;
            const rejected = item.status === 'rejected' && item.resolvedAt === null && !training;
            const blocked = blockedOf(item, training, role);
            return (
              <Fragment key={item.opId}>
                <tr data-op={item.opId}>
                  <td className="num">{item.deviceSeq}</td>
                  <td className="nowrap">{formatDateTime(item.createdAt, tz, language)}</td>
                  <ChangeCells op={item.op} entity={item.entity} actor={item.actor} />
                  <td>
                    <StatusBadge status={item.status} />
                    {item.resolution && <span className="muted"> · {t(`sync.resolution.${item.resolution}`)}</span>}
                    {item.settled && (
                      <span className="muted">
                        {' · '}
                        {item.settled.kind === 'retried'
                          ? t('sync.settled.retried', { by: item.settled.by ?? '' })
                          : t('sync.settled.dismissed', { by: item.settled.by ?? '' })}
                        {item.settled.reason ? `: ${item.settled.reason}` : ''}
                      </span>
                    )}
                    {item.status === 'pending' && item.attempts > 0 && (
                      <span className="muted"> · {t('sync.attempts', { count: item.attempts })}</span>
                    )}
                  </td>
                  <td className="details">
                    {item.reason ? reasonText(t, item.reason) : <span className="muted">{t('common.none')}</span>}
                  </td>
                </tr>
                {open && item.conflict && (
                  <tr className="sync-conflict-row">
                    <td colSpan={6}>
                      <ConflictPanel
                        item={item}
                        conflict={item.conflict}
                        canResolve={blocked === null}
                        blockedText={blocked === 'training' ? t('sync.conflict.training') : t('sync.conflict.adminOnly')}
                      />
                    </td>
                  </tr>
                )}
                {rejected && (
                  <tr className="sync-conflict-row">
                    <td colSpan={6}>
                      <RejectedPanel item={item} />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
