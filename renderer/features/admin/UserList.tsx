import { useTranslation } from 'react-i18next';
import type { UserView } from '@common/contract/schemas.js';
import { currentLanguage } from '@renderer/i18n/index.js';
import { formatMoment } from '@renderer/lib/time.js';
import { useNow } from '@renderer/lib/use-now.js';
import { useAppStore } from '@renderer/shell/app-store.js';

interface Props {
  users: UserView[];
  selectedId: string | null;
  onEdit: (id: string) => void;
}

/** Every account of this workstation with its role, services and state. */
export function UserList({ users, selectedId, onEdit }: Props) {
  const { t } = useTranslation();
  const tz = useAppStore((s) => s.status?.office?.tz ?? 'Asia/Jakarta');
  const services = useAppStore((s) => s.services);
  const now = useNow();
  // In the reference order (A, B, C...), unknown codes last as they are.
  const prefixes = (codes: string[]): string =>
    [
      ...services.filter((s) => codes.includes(s.code)).map((s) => s.prefix),
      ...codes.filter((c) => !services.some((s) => s.code === c)),
    ].join(' ');
  return (
    <div className="table-scroll">
      <table className="table table--users">
        <thead>
          <tr>
            <th scope="col">{t('admin.col.username')}</th>
            <th scope="col">{t('admin.col.fullName')}</th>
            <th scope="col">{t('admin.col.role')}</th>
            <th scope="col">{t('admin.col.services')}</th>
            <th scope="col">{t('admin.col.state')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('admin.edit')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} className={u.id === selectedId ? 'is-selected' : undefined} aria-selected={u.id === selectedId}>
              <td className="mono">{u.username}</td>
              <td>{u.fullName}</td>
              <td>{t(`roles.${u.role}`)}</td>
              <td>{u.services.length ? prefixes(u.services) : <span className="muted">{t('common.none')}</span>}</td>
              <td>
                <div className="badges">
                  {u.disabled ? (
                    <span className="badge badge--danger">{t('admin.state.disabled')}</span>
                  ) : (
                    <span className="badge badge--ok">{t('admin.state.active')}</span>
                  )}
                  {u.lockedUntil !== null && (
                    <span className="badge badge--warning">
                      {t('admin.state.lockedUntil', { time: formatMoment(u.lockedUntil, now, tz, currentLanguage()) })}
                    </span>
                  )}
                  {u.mustChangePassword && <span className="badge badge--muted">{t('admin.state.mustChange')}</span>}
                </div>
              </td>
              <td>
                <button
                  type="button"
                  className="btn btn--small"
                  onClick={() => onEdit(u.id)}
                  aria-label={`${t('admin.edit')} ${u.username}`}
                >
                  {t('admin.edit')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
