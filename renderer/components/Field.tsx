// The form fields every screen uses: one label (with the required mark), the control, a hint and the
// field's own problems in words, wired for screen readers (aria-invalid, aria-describedby).
import { useId, useState, type InputHTMLAttributes, type ReactNode, type Ref, type TextareaHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { parseTypedDate, showTypedDate } from '@common/domain/shared/typed-date.js';
import { problemText } from '../lib/errors.js';

export interface ControlProps {
  id: string;
  required: boolean | undefined;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
}

/** What every field takes besides its control's own attributes. */
export interface FieldFrame {
  label: string;
  hint?: string | undefined;
  /** Problem keys: a form's ('password.tooShort', 'required') or a domain rule's ('nik.length'). */
  problems?: readonly string[] | undefined;
  required?: boolean | undefined;
  /** Marked invalid though its problems are told elsewhere (one notice for the whole form). */
  invalid?: boolean | undefined;
  /** The label is read out but not shown, where a heading beside the control already says it. */
  labelHidden?: boolean | undefined;
  className?: string | undefined;
}

export const classes = (...names: Array<string | false | null | undefined>): string => names.filter(Boolean).join(' ');

/** Problem keys in the user's language: a form's own, a domain rule's, else a generic message. */
export function useProblemText(): (problem: string) => string {
  const { t, i18n } = useTranslation();
  return (problem) => problemText(t, (key) => i18n.exists(key), problem);
}

/** The field's problems, translated; also used on its own for problems that belong to no one field. */
export function ProblemList({ id, problems }: { id?: string | undefined; problems: readonly string[] | undefined }) {
  const say = useProblemText();
  if (!problems || problems.length === 0) return null;
  return (
    <ul className="field__problems" id={id}>
      {[...new Set(problems)].map((p) => (
        <li key={p}>{say(p)}</li>
      ))}
    </ul>
  );
}

/** Parts a field's props into the frame (label, hint, problems...) and what goes on the control. */
export function splitFrame<P extends FieldFrame>({ label, hint, problems, required, invalid, labelHidden, className, ...control }: P) {
  return [{ label, hint, problems, required, invalid, labelHidden, className }, control] as const;
}

export function Field({
  label,
  hint,
  problems = [],
  required,
  invalid = false,
  labelHidden,
  className,
  children,
}: FieldFrame & {
  children: (control: ControlProps) => ReactNode;
}) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = problems.length > 0 ? `${id}-error` : undefined;
  const bad = invalid || problems.length > 0;
  return (
    <div className={classes('field', bad && 'field--invalid', className)}>
      <label htmlFor={id} className={classes(required && 'field__label--required', labelHidden && 'visually-hidden')}>
        {label}
      </label>
      {children({ id, required, 'aria-invalid': bad, 'aria-describedby': classes(hintId, errorId) || undefined })}
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      <ProblemList id={errorId} problems={problems} />
    </div>
  );
}

type InputFieldProps = FieldFrame &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'onChange' | 'value' | 'className'> & {
    value: string;
    onValue: (value: string) => void;
    ref?: Ref<HTMLInputElement> | undefined;
  };

/** A one-line text input (also password, e-mail, telephone, search). */
export function TextField({ value, onValue, ref, ...props }: InputFieldProps) {
  const [frame, input] = splitFrame(props);
  return (
    <Field {...frame}>
      {(control) => <input {...input} {...control} ref={ref} value={value} onChange={(e) => onValue(e.target.value)} />}
    </Field>
  );
}

/**
 * Typed exactly as given: a code (booking, billing, receipt, enrolment), a username, a temporary password
 * read out in clear. The browser neither fills it in, capitalises nor corrects it, unless told otherwise.
 */
export function CodeField(props: InputFieldProps) {
  return <TextField autoComplete="off" autoCapitalize="none" spellCheck={false} {...props} />;
}

/** A whole number typed as text: the form reads it and says what is wrong, the browser does not. */
export function NumberField({ className, ...props }: Omit<InputFieldProps, 'type' | 'inputMode'>) {
  return <TextField {...props} inputMode="numeric" className={classes('field--short', className)} />;
}

/**
 * A calendar date typed as dd/mm/yyyy whatever the browser's locale; the form gets ISO (yyyy-mm-dd) once
 * the text is a real date, and the text itself while it is not (so the form knows it is not a date yet).
 */
export function DateField({ value, onValue, problems, onBlur, ...props }: Omit<InputFieldProps, 'type'>) {
  const { t } = useTranslation();
  const [text, setText] = useState(() => showTypedDate(value));
  const [shownFor, setShownFor] = useState(value);
  const [left, setLeft] = useState(false);
  // The form changed the date itself (a passport read, a restored draft): show its value.
  if (value !== shownFor) {
    setShownFor(value);
    if (value !== (parseTypedDate(text) ?? text)) setText(showTypedDate(value));
  }
  const type = (typed: string): void => {
    setText(typed);
    setLeft(false);
    const next = typed.trim() === '' ? '' : (parseTypedDate(typed) ?? typed);
    setShownFor(next);
    onValue(next);
  };
  const unreadable = left && text.trim() !== '' && parseTypedDate(text) === null;
  return (
    <TextField
      {...props}
      value={text}
      onValue={type}
      inputMode="numeric"
      autoComplete="off"
      placeholder={t('common.datePlaceholder')}
      problems={unreadable ? ['dateFormat', ...(problems ?? [])] : problems}
      onBlur={(e) => {
        setLeft(true);
        onBlur?.(e);
      }}
    />
  );
}

type TextAreaFieldProps = FieldFrame &
  Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'onChange' | 'value' | 'className'> & {
    value: string;
    onValue: (value: string) => void;
  };

export function TextAreaField({ value, onValue, ...props }: TextAreaFieldProps) {
  const [frame, area] = splitFrame(props);
  return (
    <Field {...frame}>{(control) => <textarea {...area} {...control} value={value} onChange={(e) => onValue(e.target.value)} />}</Field>
  );
}
