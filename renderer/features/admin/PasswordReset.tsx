import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserView } from '@common/contract/schemas.js';
import { passwordProblems } from '@common/domain/shared/password-policy.js';
import { CodeField } from '@renderer/components/Field.js';
import { FormActions } from '@renderer/components/FormActions.js';
import { Notice } from '@renderer/components/Notice.js';
import { PasswordChecklist } from '@renderer/components/PasswordChecklist.js';
import { describeError } from '@renderer/lib/errors.js';
import { useSubmission } from '@renderer/lib/form.js';
import { useUsersStore } from './users-store.js';

/** A temporary password the officer must replace at the next login; open sessions end. */
export function PasswordReset({ user }: { user: UserView }) {
  const { t } = useTranslation();
  const resetPassword = useUsersStore((s) => s.resetPassword);
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  const client = password
    ? { temporaryPassword: passwordProblems(password, user.username).map((p) => `password.${p}`) }
    : { temporaryPassword: ['required'] };
  const sub = useSubmission(password, client);
  return (
    <form
      className="subsection"
      aria-labelledby={`reset-${user.id}`}
      noValidate
      onSubmit={(e) =>
        void sub.submit(e, client, async () => {
          setDone(false);
          const result = await resetPassword(user.id, password);
          if (result.ok) {
            setDone(true);
            setPassword('');
          }
          return result;
        })
      }
    >
      <h3 id={`reset-${user.id}`}>{t('admin.editor.resetTitle')}</h3>
      <p className="muted">{t('admin.editor.resetHint')}</p>
      {done && <Notice tone="success">{t('admin.editor.resetDone')}</Notice>}
      <CodeField
        label={t('admin.create.password')}
        type="text"
        value={password}
        onValue={setPassword}
        problems={sub.problems.temporaryPassword}
      />
      <PasswordChecklist password={password} username={user.username} />
      {sub.error && <Notice tone="error">{describeError(t, sub.error)}</Notice>}
      <FormActions submit={t('admin.editor.reset')} busy={sub.busy} secondary />
    </form>
  );
}
