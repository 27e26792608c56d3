import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { classes } from './Field.js';

interface Props {
  /** The submit button's text. */
  submit: ReactNode;
  busy?: boolean | undefined;
  /** Disabled for a reason other than a request under way (nothing loaded yet, nothing typed). */
  disabled?: boolean | undefined;
  /** The secondary look, for a form that is not the screen's main one. */
  secondary?: boolean | undefined;
  large?: boolean | undefined;
  onCancel?: (() => void) | undefined;
  children?: ReactNode;
}

/** A form's buttons: submit first, then cancel (or what stands for it), then anything else. */
export function FormActions({ submit, busy = false, disabled = false, secondary, large, onCancel, children }: Props) {
  const { t } = useTranslation();
  return (
    <div className="form-actions">
      <button
        type="submit"
        className={classes('btn', secondary ? 'btn--secondary' : 'btn--primary', large && 'btn--large')}
        disabled={busy || disabled}
      >
        {submit}
      </button>
      {onCancel && (
        <button type="button" className="btn" onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </button>
      )}
      {children}
    </div>
  );
}
