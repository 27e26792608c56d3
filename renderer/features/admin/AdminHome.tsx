import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from '@renderer/components/Notice.js';
import { describeError } from '@renderer/lib/errors.js';
import { replaceHash, useHash } from '@renderer/lib/route.js';
import { useUsersStore } from './users-store.js';
import { AuditChain } from '../audit/AuditChain.js';
import { AuditTrail } from '../audit/AuditTrail.js';
import { UserCreateForm } from './UserCreateForm.js';
import { UserEditor } from './UserEditor.js';
import { UserList } from './UserList.js';
import { WorkstationSettings } from './WorkstationSettings.js';

const TABS = ['accounts', 'workstation', 'audit'] as const;
type Tab = (typeof TABS)[number];

type Panel = { kind: 'create' } | { kind: 'edit'; id: string } | null;

function Accounts() {
  const { t } = useTranslation();
  const { users, error, load } = useUsersStore();
  const [panel, setPanel] = useState<Panel>(null);
  useEffect(() => {
    void load();
  }, [load]);
  const editing = panel?.kind === 'edit' ? users.find((u) => u.id === panel.id) : undefined;
  return (
    <div className={panel ? 'split' : undefined}>
      <div className="card card--table" aria-labelledby="accounts-title">
        <div className="card__head">
          <h2 id="accounts-title">
            {t('admin.tabs.accounts')} <span className="muted">({t('admin.accountsCount', { count: users.length })})</span>
          </h2>
          <button type="button" className="btn btn--primary" onClick={() => setPanel({ kind: 'create' })}>
            {t('admin.newAccount')}
          </button>
        </div>
        {error && <Notice tone="error">{describeError(t, error)}</Notice>}
        <UserList users={users} selectedId={editing?.id ?? null} onEdit={(id) => setPanel({ kind: 'edit', id })} />
      </div>
      {panel?.kind === 'create' && <UserCreateForm onClose={() => setPanel(null)} />}
      {editing && <UserEditor key={editing.id} user={editing} onClose={() => setPanel(null)} />}
    </div>
  );
}

/** The admin's home: accounts, this workstation's settings and the audit trail, one tab each. */
export function AdminHome() {
  const { t } = useTranslation();
  const hash = useHash();
  const tab: Tab = TABS.find((name) => hash === `#/admin/${name}`) ?? 'accounts';
  return (
    <section className="screen screen--home" aria-labelledby="admin-title">
      <div className="page-head">
        <h1 id="admin-title">{t('admin.title')}</h1>
        <nav className="tabs" aria-label={t('admin.title')}>
          {TABS.map((name) => (
            <a
              key={name}
              href={`#/admin/${name}`}
              className="tabs__tab"
              aria-current={tab === name ? 'page' : undefined}
              onClick={(e) => (e.preventDefault(), replaceHash(`#/admin/${name}`))}
            >
              {t(`admin.tabs.${name}`)}
            </a>
          ))}
          {/* A closed business day is reopened by an admin on the end-of-day screen. */}
          <a href="#/admin/end-of-day" className="tabs__tab" onClick={(e) => (e.preventDefault(), replaceHash('#/admin/end-of-day'))}>
            {t('admin.tabs.endOfDay')}
          </a>
        </nav>
      </div>
      {tab === 'accounts' && <Accounts />}
      {tab === 'workstation' && <WorkstationSettings />}
      {tab === 'audit' && (
        <div className="stack">
          <AuditChain />
          <AuditTrail />
        </div>
      )}
    </section>
  );
}
