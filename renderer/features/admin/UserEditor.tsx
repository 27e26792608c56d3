import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Result } from '@common/contract/index.js';
import type { UserView } from '@common/contract/schemas.js';
import { usersCalls } from '@common/contract/users.js';
import { TextField } from '@renderer/components/Field.js';
import { FormActions } from '@renderer/components/FormActions.js';
import { Notice } from '@renderer/components/Notice.js';
import { RoleSelect } from '@renderer/components/RoleSelect.js';
import { ServicePicker } from '@renderer/components/ServicePicker.js';
import { checkInput, describeError } from '@renderer/lib/errors.js';
import { useSubmission } from '@renderer/lib/form.js';
import { useAppStore } from '@renderer/shell/app-store.js';
import { useUsersStore } from './users-store.js';
import { PasswordReset } from './PasswordReset.js';

/** One account: name, role and services; disable or enable; unlock; reset the password. */
export function UserEditor({ user, onClose }: { user: UserView; onClose: () => void }) {
  const { t } = useTranslation();
  const services = useAppStore((s) => s.services);
  const { update, unlock } = useUsersStore();
  const [form, setForm] = useState({ fullName: user.fullName, role: user.role, services: user.services });
  const [done, setDone] = useState<string | null>(null);
  const [actionError, setActionError] = useState<Result<unknown> | null>(null);
  const input = { id: user.id, fullName: form.fullName, role: form.role, services: form.role === 'officer' ? form.services : [] };
  const client = checkInput(usersCalls['users.update'].input, input);
  const sub = useSubmission(form, client);

  const act = async (run: () => Promise<Result<UserView>>, message: string): Promise<void> => {
    setDone(null);
    setActionError(null);
    const result = await run();
    if (result.ok) setDone(message);
    else setActionError(result);
  };

  return (
    <section className="card side-panel" aria-labelledby="editor-title">
      <div className="card__head">
        <h2 id="editor-title">{t('admin.editor.title', { username: user.username })}</h2>
        <button type="button" className="btn btn--small" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
      {done && <Notice tone="success">{done}</Notice>}
      {actionError && !actionError.ok && <Notice tone="error">{describeError(t, actionError.error)}</Notice>}
      <form
        noValidate
        onSubmit={(e) =>
          void sub.submit(e, client, async () => {
            setDone(null);
            const result = await update(input);
            if (result.ok) setDone(t('admin.editor.saved'));
            return result;
          })
        }
      >
        <TextField
          label={t('admin.create.fullName')}
          value={form.fullName}
          onValue={(fullName) => setForm((f) => ({ ...f, fullName }))}
          problems={sub.problems.fullName}
        />
        <RoleSelect
          label={t('admin.create.role')}
          value={form.role}
          onChange={(role) => setForm((f) => ({ ...f, role }))}
          problems={sub.problems.role}
        />
        {form.role === 'officer' && (
          <ServicePicker
            legend={t('admin.create.services')}
            services={services}
            value={form.services}
            onChange={(codes) => setForm((f) => ({ ...f, services: codes }))}
            problems={sub.problems.services}
          />
        )}
        {sub.error && <Notice tone="error">{describeError(t, sub.error)}</Notice>}
        <FormActions submit={t('admin.editor.save')} busy={sub.busy} />
      </form>
      <div className="form-actions form-actions--split">
        {user.disabled ? (
          <button
            type="button"
            className="btn btn--secondary"
            onClick={() => void act(() => update({ id: user.id, disabled: false }), t('admin.editor.enabledDone'))}
          >
            {t('admin.editor.enable')}
          </button>
        ) : (
          <button
            type="button"
            className="btn btn--danger"
            onClick={() => void act(() => update({ id: user.id, disabled: true }), t('admin.editor.disabledDone'))}
          >
            {t('admin.editor.disable')}
          </button>
        )}
        {user.lockedUntil !== null && (
          <button type="button" className="btn btn--secondary" onClick={() => void act(() => unlock(user.id), t('admin.editor.unlocked'))}>
            {t('admin.editor.unlock')}
          </button>
        )}
      </div>
      <PasswordReset user={user} />
    </section>
  );
}
