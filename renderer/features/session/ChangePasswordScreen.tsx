import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { passwordProblems } from '@common/domain/shared/password-policy.js';
import { TextField } from '@renderer/components/Field.js';
import { FormActions } from '@renderer/components/FormActions.js';
import { Notice } from '@renderer/components/Notice.js';
import { PasswordChecklist } from '@renderer/components/PasswordChecklist.js';
import { describeError, merge } from '@renderer/lib/errors.js';
import { useSubmission } from '@renderer/lib/form.js';
import { useSessionStore } from './session-store.js';

/** An admin set this password: the officer replaces it before doing anything else. */
export function ChangePasswordScreen() {
  const { t } = useTranslation();
  const session = useSessionStore((s) => s.session);
  const changePassword = useSessionStore((s) => s.changePassword);
  const logout = useSessionStore((s) => s.logout);
  const [form, setForm] = useState({ current: '', next: '', confirm: '' });
  const username = session?.username ?? '';
  const client = merge(
    form.current ? {} : { currentPassword: ['required'] },
    form.next ? { newPassword: passwordProblems(form.next, username).map((p) => `password.${p}`) } : { newPassword: ['required'] },
    form.next && form.next === form.current ? { newPassword: ['password.same'] } : {},
    form.confirm !== form.next ? { confirm: [form.confirm ? 'mismatch' : 'required'] } : {},
  );
  const sub = useSubmission(form, client);

  return (
    <section className="screen screen--password" aria-labelledby="password-title">
      <div className="panel panel--narrow">
        <h1 id="password-title">{t('changePassword.title')}</h1>
        <p className="lead">{t('changePassword.intro')}</p>
        <form noValidate onSubmit={(e) => void sub.submit(e, client, () => changePassword(form.current, form.next))}>
          <TextField
            label={t('changePassword.current')}
            type="password"
            autoFocus
            autoComplete="current-password"
            value={form.current}
            onValue={(current) => setForm((f) => ({ ...f, current }))}
            problems={sub.problems.currentPassword}
          />
          <TextField
            label={t('changePassword.next')}
            type="password"
            autoComplete="new-password"
            value={form.next}
            onValue={(next) => setForm((f) => ({ ...f, next }))}
            problems={sub.problems.newPassword}
          />
          <TextField
            label={t('changePassword.confirm')}
            type="password"
            autoComplete="new-password"
            value={form.confirm}
            onValue={(confirm) => setForm((f) => ({ ...f, confirm }))}
            problems={sub.problems.confirm}
          />
          <PasswordChecklist password={form.next} username={username} confirm={form.confirm} />
          {sub.error && <Notice tone="error">{describeError(t, sub.error)}</Notice>}
          <FormActions submit={t('changePassword.submit')} busy={sub.busy} large>
            <button type="button" className="btn btn--secondary" onClick={() => void logout()}>
              {t('changePassword.cancel')}
            </button>
          </FormActions>
        </form>
      </div>
    </section>
  );
}
