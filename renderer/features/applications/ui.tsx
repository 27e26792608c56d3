// Small pieces the application screens share: fields whose problems are translated from the domain's
// codes, the status badge, the supervisor approval form, and handing a receipt's PDF to the user.
import { useId, type InputHTMLAttributes, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { OverrideAction } from '@common/contract/auth.js';
import { Notice } from '@renderer/components/Notice.js';
import { pdfBlob, saveBlob } from '@renderer/lib/download.js';
import { useSupervisorOverride } from '@renderer/lib/supervisor-override.js';
import type { PrintedReceipt } from './applications-store.js';

/** A problem code from core or the domain ('nik.birthDateMismatch'), in the officer's language. */
export function useProblemText(): (code: string) => string {
  const { t, i18n } = useTranslation();
  return (code) => {
    const key = `applications.problems.${code}`;
    if (i18n.exists(key)) return t(key);
    if (i18n.exists(`fields.${code}`)) return t(`fields.${code}`);
    return t('applications.problems.invalid');
  };
}

export function Problems({ id, codes }: { id?: string; codes: string[] | undefined }) {
  const text = useProblemText();
  if (!codes || codes.length === 0) return null;
  return (
    <ul className="field__problems" id={id}>
      {codes.map((c) => (
        <li key={c}>{text(c)}</li>
      ))}
    </ul>
  );
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'onChange' | 'value'> & {
  label: string;
  value: string;
  onValue: (v: string) => void;
  problems?: string[] | undefined;
  hint?: string | undefined;
  ref?: Ref<HTMLInputElement>;
};

export function AppInput({ label, value, onValue, problems, hint, className, ref, ...rest }: InputProps) {
  const id = useId();
  const bad = (problems?.length ?? 0) > 0;
  return (
    <div className={`field${bad ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        {...rest}
        ref={ref}
        id={id}
        value={value}
        onChange={(e) => onValue(e.target.value)}
        aria-invalid={bad}
        aria-describedby={bad ? `${id}-p` : hint ? `${id}-h` : undefined}
      />
      {hint && !bad && (
        <p className="field__hint" id={`${id}-h`}>
          {hint}
        </p>
      )}
      <Problems id={`${id}-p`} codes={problems} />
    </div>
  );
}

export function AppSelect({
  label,
  value,
  onValue,
  options,
  problems,
  disabled,
}: {
  label: string;
  value: string;
  onValue: (v: string) => void;
  options: Array<{ value: string; label: string }>;
  problems?: string[] | undefined;
  disabled?: boolean;
}) {
  const id = useId();
  const bad = (problems?.length ?? 0) > 0;
  return (
    <div className={`field${bad ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onValue(e.target.value)} aria-invalid={bad} disabled={disabled}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Problems codes={problems} />
    </div>
  );
}

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return <span className={`badge app-status app-status--${status}`}>{t(`applications.status.${status}`)}</span>;
}

export { formatRupiah as rupiah } from '@common/domain/applications/fees.js';

/** Opens the PDF in a new tab (the browser's viewer prints it) and offers it as a download. */
export const handOverPdf = (r: PrintedReceipt): string => saveBlob(r.fileName, pdfBlob(r.pdfBase64));

/**
 * A supervisor authorises one action at this desk (auth.override); the officer stays signed in. The
 * single-use token goes straight into the action.
 */
export function SupervisorApproval({
  action,
  onGranted,
  onCancel,
  children,
}: {
  action: OverrideAction;
  onGranted: (token: string) => Promise<boolean>;
  onCancel: () => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const { username, setUsername, password, setPassword, reason, setReason, busy, error, submit } = useSupervisorOverride(
    action,
    onGranted,
    'applications.approval',
  );
  return (
    <form
      className="app-approval"
      onSubmit={(e) => void submit(e)}
      aria-label={t(`applications.approval.title.${action.replace('.', '_')}`)}
    >
      <p className="app-approval__title">{t(`applications.approval.title.${action.replace('.', '_')}`)}</p>
      {children}
      <div className="form-row">
        <AppInput
          label={t('applications.approval.username')}
          value={username}
          onValue={setUsername}
          autoComplete="off"
          autoFocus
          required
        />
        <AppInput
          label={t('applications.approval.password')}
          type="password"
          value={password}
          onValue={setPassword}
          autoComplete="off"
          required
        />
      </div>
      <AppInput label={t('applications.approval.reason')} value={reason} onValue={setReason} maxLength={500} required />
      {error && <Notice tone="error">{error}</Notice>}
      <div className="form-actions">
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {t('applications.approval.approve')}
        </button>
        <button type="button" className="btn" onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
