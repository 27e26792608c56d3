import { useId, type InputHTMLAttributes, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';

export interface ControlProps {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
}

interface FieldProps {
  label: string;
  hint?: string | undefined;
  /** Problem keys ('password.tooShort', 'required') or raw messages from main. */
  problems?: string[] | undefined;
  className?: string | undefined;
  children: (control: ControlProps) => ReactNode;
}

/** A label, the control, a hint and the field's specific problems, wired for screen readers. */
export function Field({ label, hint, problems = [], className, children }: FieldProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = problems.length > 0 ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${problems.length > 0 ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': problems.length > 0, 'aria-describedby': describedBy })}
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {errorId && (
        <ul className="field__problems" id={errorId}>
          {problems.map((p) => (
            <li key={p}>{i18n.exists(`fields.${p}`) ? t(`fields.${p}`) : t('fields.invalid')}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'onChange' | 'value'> & {
  label: string;
  hint?: string | undefined;
  problems?: string[] | undefined;
  value: string;
  onValue: (value: string) => void;
  ref?: Ref<HTMLInputElement>;
};

export function TextField({ label, hint, problems, value, onValue, className, ref, ...input }: TextFieldProps) {
  return (
    <Field label={label} hint={hint} problems={problems} className={className}>
      {(control) => <input {...input} {...control} ref={ref} value={value} onChange={(e) => onValue(e.target.value)} />}
    </Field>
  );
}
