import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '@common/contract/index.js';
import { call } from '@renderer/api/client.js';
import { formatDateTime } from '@renderer/lib/time.js';
import { useAppStore } from '@renderer/shell/app-store.js';
import { useSessionStore } from '../session/session-store.js';
import { detailRoute, newRoute } from './route.js';

type Item = CallOutput<'drafts.list'>[number];

/** Where a draft's form lives: the walk-in form (with its booking) or the application it corrects. */
function routeOf(form: string, role: Parameters<typeof newRoute>[0]): string | null {
  const [name, key] = form.split(':');
  if (name === 'applications.new') return newRoute(role, key);
  if (name === 'applications.edit' && key) return detailRoute(role, key);
  return null;
}

/** After a restart or a log-in, the forms this officer left unsaved, newest first, one key away. */
export function DraftsCard() {
  const { t, i18n } = useTranslation();
  const role = useSessionStore((s) => s.session?.role ?? 'officer');
  const tz = useAppStore((s) => s.status?.office?.tz ?? 'Asia/Jakarta');
  const [items, setItems] = useState<Item[]>([]);
  useEffect(() => {
    void call('drafts.list', {}).then((r) => r.ok && setItems(r.value));
  }, []);
  const open = items.filter((d) => routeOf(d.form, role) !== null);
  if (open.length === 0) return null;
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const title = (d: Item): string => {
    const [name, key] = d.form.split(':');
    if (name === 'applications.edit') return t('drafts.editApplication');
    return key ? t('drafts.newFromBooking', { code: key }) : t('drafts.newApplication');
  };
  return (
    <div className="card" aria-labelledby="drafts-title">
      <h2 id="drafts-title">{t('drafts.listTitle')}</h2>
      <ul className="draft-list">
        {open.map((d) => (
          <li key={d.form}>
            <a className="btn" href={routeOf(d.form, role)!}>
              {t('drafts.continue')}: {title(d)} · {d.label ?? t('drafts.unnamed')} · {formatDateTime(d.updatedAt, tz, lang)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
