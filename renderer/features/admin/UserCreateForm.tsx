import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usersCalls } from '@common/contract/users.js';
import { Language } from '@common/contract/schemas.js';
import { passwordProblems } from '@common/domain/shared/password-policy.js';
import type { Role } from '@common/domain/shared/roles.js';
import { CodeField, TextField } from '@renderer/components/Field.js';
import { FormActions } from '@renderer/components/FormActions.js';
import { Notice } from '@renderer/components/Notice.js';
import { PasswordChecklist } from '@renderer/components/PasswordChecklist.js';
import { RoleSelect } from '@renderer/components/RoleSelect.js';
import { optionsOf, SelectField } from '@renderer/components/SelectField.js';
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
      <CodeField
        label={t('admin.create.username')}
        autoFocus
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
      <SelectField
        label={t('admin.create.language')}
        value={form.language}
        onValue={(language) => edit({ language })}
        options={optionsOf(t, 'lang', Language.options)}
      />
      <CodeField
        label={t('admin.create.password')}
        hint={t('admin.create.passwordHint')}
        type="text"
        value={form.password}
        onValue={(password) => edit({ password })}
        problems={sub.problems.password}
      />
      <PasswordChecklist password={form.password} username={form.username.toLowerCase()} />
      {sub.error && <Notice tone="error">{describeError(t, sub.error)}</Notice>}
      <FormActions submit={t('admin.create.submit')} busy={sub.busy} />
    </form>
  );
}
