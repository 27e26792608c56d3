import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OverrideAction } from '@common/contract/auth.js';
import { useShortcuts } from '../lib/keyboard.js';
import { useSupervisorOverride } from '../lib/supervisor-override.js';
import { TextField } from './Field.js';
import { FormActions } from './FormActions.js';
import { Notice } from './Notice.js';

interface Props {
  action: OverrideAction;
  /** Runs the action with the single-use token; false keeps the form open (the password is cleared). */
  onGranted: (token: string) => Promise<boolean>;
  onCancel: () => void;
  /** What approving does here, when more than "Approve" says it. */
  submitLabel?: string | undefined;
  /** The action's own fields (a reason for the waiver, the proof of payment), above the supervisor's. */
  children?: ReactNode;
}

/**
 * A supervisor authorises one action at this desk with their own credentials (auth.override); the
 * officer stays signed in. The username has the focus, Enter approves, Escape cancels.
 */
export function SupervisorOverride({ action, onGranted, onCancel, submitLabel, children }: Props) {
  const { t } = useTranslation();
  const form = useSupervisorOverride(action, onGranted);
  useShortcuts([{ keys: 'Escape', run: () => !form.busy && onCancel() }]);
  const title = t(`override.title.${action.replace('.', '_')}`);
  return (
    <form className="override" onSubmit={(e) => void form.submit(e)} aria-label={title}>
      <p className="override__title">{title}</p>
      {children}
      <div className="form-row override__fields">
        <TextField label={t('override.username')} value={form.username} onValue={form.setUsername} autoComplete="off" autoFocus required />
        <TextField
          label={t('override.password')}
          type="password"
          value={form.password}
          onValue={form.setPassword}
          autoComplete="off"
          required
        />
      </div>
      <TextField label={t('override.reason')} value={form.reason} onValue={form.setReason} maxLength={500} required />
      {form.error && <Notice tone="error">{form.error}</Notice>}
      <FormActions submit={submitLabel ?? t('override.approve')} busy={form.busy} onCancel={onCancel} />
    </form>
  );
}
