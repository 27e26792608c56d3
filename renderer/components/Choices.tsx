// Checkboxes and radio buttons: one on its own, or a group under a legend with the group's problems.
import { useId, type InputHTMLAttributes, type ReactNode } from 'react';
import { classes, ProblemList } from './Field.js';

type CheckboxProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'checked' | 'onChange'> & {
  label: ReactNode;
  checked: boolean;
  onChecked: (checked: boolean) => void;
};

/** One yes-or-no, its label beside the box. */
export function Checkbox({ label, checked, onChecked, className, ...input }: CheckboxProps) {
  return (
    <label className={classes('checkbox', className)}>
      <input {...input} type="checkbox" checked={checked} onChange={(e) => onChecked(e.target.checked)} /> {label}
    </label>
  );
}

export interface Choice<T extends string> {
  value: T;
  label: ReactNode;
}

interface GroupProps<T extends string> {
  legend: string;
  /** The legend is read out but not shown (a table row or heading already names the group). */
  legendHidden?: boolean | undefined;
  choices: ReadonlyArray<Choice<T>>;
  problems?: readonly string[] | undefined;
  disabled?: boolean | undefined;
  className?: string | undefined;
  /** The class of each choice's label, given whether it is chosen. */
  itemClass?: ((on: boolean) => string) | undefined;
}

function ChoiceGroup<T extends string>({
  type,
  legend,
  legendHidden,
  choices,
  problems,
  disabled,
  className,
  itemClass = () => 'checkgroup__item',
  isOn,
  onToggle,
}: GroupProps<T> & { type: 'checkbox' | 'radio'; isOn: (value: T) => boolean; onToggle: (value: T, on: boolean) => void }) {
  const name = useId();
  const invalid = (problems?.length ?? 0) > 0;
  return (
    <fieldset
      className={classes(className ?? 'checkgroup', invalid && 'field--invalid')}
      role={type === 'radio' ? 'radiogroup' : undefined}
      disabled={disabled}
      aria-describedby={invalid ? `${name}-error` : undefined}
    >
      <legend className={legendHidden ? 'visually-hidden' : undefined}>{legend}</legend>
      {choices.map((c) => (
        <label key={c.value} className={itemClass(isOn(c.value))}>
          <input type={type} name={name} value={c.value} checked={isOn(c.value)} onChange={(e) => onToggle(c.value, e.target.checked)} />
          {c.label}
        </label>
      ))}
      <ProblemList id={`${name}-error`} problems={problems} />
    </fieldset>
  );
}

/** Any number of choices. */
export function CheckboxGroup<T extends string>({
  value,
  onValue,
  ...group
}: GroupProps<T> & { value: readonly T[]; onValue: (value: T[]) => void }) {
  return (
    <ChoiceGroup
      {...group}
      type="checkbox"
      isOn={(v) => value.includes(v)}
      onToggle={(v, on) => onValue(on ? [...value, v] : value.filter((x) => x !== v))}
    />
  );
}

/** Exactly one choice (none until the user picks). */
export function RadioGroup<T extends string>({
  value,
  onValue,
  ...group
}: GroupProps<T> & { value: T | null | undefined; onValue: (value: T) => void }) {
  return <ChoiceGroup {...group} type="radio" isOn={(v) => v === value} onToggle={(v, on) => on && onValue(v)} />;
}
