import type { Ref, SelectHTMLAttributes } from 'react';
import type { TFunction } from 'i18next';
import { Field, splitFrame, type FieldFrame } from './Field.js';

export interface Option<T extends string> {
  value: T;
  label: string;
}

/** Options whose labels are `prefix.value` in the i18n files (`prefix.none` for the empty value). */
export const optionsOf = <T extends string>(t: TFunction, prefix: string, values: readonly T[]): Array<Option<T>> =>
  values.map((value) => ({ value, label: t(`${prefix}.${value || 'none'}`) }));

type Props<T extends string> = FieldFrame &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'onChange' | 'value' | 'className'> & {
    value: T;
    onValue: (value: T) => void;
    options: ReadonlyArray<Option<T>>;
    ref?: Ref<HTMLSelectElement> | undefined;
  };

/** A choice from a short list; the value handed back is always one of the options'. */
export function SelectField<T extends string>({ value, onValue, options, ref, ...props }: Props<T>) {
  const [frame, select] = splitFrame(props);
  const pick = (raw: string): void => {
    const option = options.find((o) => o.value === raw);
    if (option) onValue(option.value);
  };
  return (
    <Field {...frame}>
      {(control) => (
        <select {...select} {...control} ref={ref} value={value} onChange={(e) => pick(e.target.value)}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
