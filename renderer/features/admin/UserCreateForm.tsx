import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usersCalls } from '@common/contract/users.js';
import type { Language } from '@common/contract/schemas.js';
import { passwordProblems } from '@common/domain/shared/password-policy.js';
import type { Role } from '@common/domain/shared/roles.js';
import { Field, TextField } from '@renderer/components/Field.js';
import { Notice } from '@renderer/components/Notice.js';
import { PasswordChecklist } from '@renderer/components/PasswordChecklist.js';
import { RoleSelect } from '@renderer/components/RoleSelect.js';
import { ServicePicker } from '@renderer/components/ServicePicker.js';
import { checkInput, describeError, merge } from '@renderer/lib/errors.js';
import { useSubmission } from '@renderer/lib/form.js';
import { useAppStore } from '@renderer/shell/app-store.js';
import { useUsersStore } from './users-store.js';

const EMPTY = { username: '', fullName: '', role: 'officer' as Role, services: [] as string[], language: 'id' as Language, password: '' };

/** A new account with a temporary password; the officer must replace it at first login. */
export function UserCreateForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const services = useAppStore((s) => s.services);
  const create = useUsersStore((s) => s.create);
  const [form, setForm] = useState(EMPTY);
  const [created, setCreated] = useState<string | null>(null);
  const edit = (patch: Partial<typeof EMPTY>) => setForm((f) => ({ ...f, ...patch }));
  const input = { ...form, services: form.role === 'officer' ? form.services : [] };
  const client = merge(
    checkInput(usersCalls['users.create'].input, input),
    form.password ? { password: passwordProblems(form.password, form.username.toLowerCase()).map((p) => `password.${p}`) } : {},
  );
  const sub = useSubmission(form, client);

  return (
    <form
      className="card side-panel"
      aria-labelledby="create-title"
      noValidate
      onSubmit={(e) =>
        void sub.submit(e, client, async () => {
          setCreated(null);
          const result = await create(input);
          if (result.ok) {
            setCreated(result.value.username);
            setForm(EMPTY);
          }
          return result;
        })
      }
    >
      <div className="card__head">
        <h2 id="create-title">{t('admin.create.title')}</h2>
        <button type="button" className="btn btn--small" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
      {created && <Notice tone="success">{t('admin.create.done', { username: created })}</Notice>}
      <TextField
        label={t('admin.create.username')}
        autoFocus
        autoComplete="off"
        autoCapitalize="none"
        value={form.username}
        onValue={(username) => edit({ username })}
        problems={sub.problems.username}
      />
      <TextField
        label={t('admin.create.fullName')}
        autoComplete="off"
        value={form.fullName}
        onValue={(fullName) => edit({ fullName })}
        problems={sub.problems.fullName}
      />
      <RoleSelect label={t('admin.create.role')} value={form.role} onChange={(role) => edit({ role })} problems={sub.problems.role} />
      {form.role === 'officer' && (
        <ServicePicker
          legend={t('admin.create.services')}
          services={services}
          value={form.services}
          onChange={(codes) => edit({ services: codes })}
          problems={sub.problems.services}
        />
      )}
      <Field label={t('admin.create.language')}>
        {(control) => (
          <select {...control} value={form.language} onChange={(e) => edit({ language: e.target.value === 'en' ? 'en' : 'id' })}>
            <option value="id">{t('lang.id')}</option>
            <option value="en">{t('lang.en')}</option>
          </select>
        )}
      </Field>
      <TextField
        label={t('admin.create.password')}
        hint={t('admin.create.passwordHint')}
        type="text"
        autoComplete="off"
        spellCheck={false}
        value={form.password}
        onValue={(password) => edit({ password })}
        problems={sub.problems.password}
      />
      <PasswordChecklist password={form.password} username={form.username.toLowerCase()} />
      {sub.error && <Notice tone="error">{describeError(t, sub.error)}</Notice>}
      <div className="form-actions">
        <button type="submit" className="btn btn--primary" disabled={sub.busy}>
          {t('admin.create.submit')}
        </button>
      </div>
    </form>
  );
}
