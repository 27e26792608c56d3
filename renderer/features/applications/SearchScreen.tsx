import { useEffect, useRef, useState, type FormEvent } from 'react';
import { NEW_KEYS, HANDOVER_KEYS } from './keys.js';
import { useTranslation } from 'react-i18next';
import { TextField } from '@renderer/components/Field.js';
import { Notice } from '@renderer/components/Notice.js';
import { describeError } from '@renderer/lib/errors.js';
import { useShortcuts } from '@renderer/lib/keyboard.js';
import { HOME_ROUTE, replaceHash } from '@renderer/lib/route.js';
import { useApplicationsStore } from './applications-store.js';
import { useSessionStore } from '../session/session-store.js';
import { detailRoute, handOverRoute, newRoute } from './route.js';
import { AppHead, StatusBadge } from './ui.js';

/** One box for number, booking code, NIK, passport or a name prefix; today's applications below. */
export function SearchScreen() {
  const { t, i18n } = useTranslation();
  const role = useSessionStore((s) => s.session?.role ?? 'officer');
  const { results, search, worklist, error } = useApplicationsStore();
  const [query, setQuery] = useState('');
  const box = useRef<HTMLInputElement>(null);
  const lang = i18n.language === 'en' ? 'en' : 'id';

  useEffect(() => {
    void worklist();
    box.current?.focus();
  }, [worklist]);
  useShortcuts([
    { keys: NEW_KEYS, run: () => replaceHash(newRoute(role)) },
    { keys: HANDOVER_KEYS, run: () => replaceHash(handOverRoute(role)) },
    { keys: 'Escape', run: () => replaceHash(HOME_ROUTE[role]) },
  ]);
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    if (query.trim().length >= 2) void search(query);
    else void worklist();
  };

  return (
    <section className="screen screen--applications" aria-labelledby="apps-title">
      <AppHead id="apps-title" title={t('applications.search.title')} onBack={() => replaceHash(HOME_ROUTE[role])}>
        <button type="button" className="btn" onClick={() => replaceHash(handOverRoute(role))} aria-keyshortcuts="Alt+H">
          {t('applications.handOver.open')} <kbd>{HANDOVER_KEYS}</kbd>
        </button>
        <button type="button" className="btn btn--primary" onClick={() => replaceHash(newRoute(role))} aria-keyshortcuts="Alt+N">
          {t('applications.new.open')} <kbd>{NEW_KEYS}</kbd>
        </button>
      </AppHead>
      <form className="card" role="search" onSubmit={submit}>
        <TextField
          label={t('applications.search.label')}
          hint={t('applications.search.hint')}
          ref={box}
          type="search"
          value={query}
          onValue={setQuery}
          autoComplete="off"
          spellCheck={false}
        />
      </form>
      {error && <Notice tone="error">{describeError(t, error)}</Notice>}
      <div className="card card--table">
        {results.length === 0 ? (
          <p className="muted">{t('applications.search.none')}</p>
        ) : (
          <div className="table-scroll">
            <table className="table">
              <thead>
                <tr>
                  <th>{t('applications.search.number')}</th>
                  <th>{t('applications.field.fullName')}</th>
                  <th>{t('applications.field.service')}</th>
                  <th>{t('applications.search.status')}</th>
                </tr>
              </thead>
              <tbody>
                {results.map((r) => (
                  <tr key={r.id}>
                    <td>
                      <a href={detailRoute(role, r.id)}>{r.number}</a>
                    </td>
                    <td>{r.fullName}</td>
                    <td>{r.serviceName[lang]}</td>
                    <td>
                      <StatusBadge status={r.status} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </section>
  );
}
