import { useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OfficeView } from '@common/contract/app.js';
import { TZ_LABEL } from '../lib/time.js';
import type { ControlProps } from './Field.js';

interface Props {
  control: ControlProps;
  offices: OfficeView[];
  value: string;
  onChange: (code: string) => void;
}

const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** A searchable office list (ARIA combobox): type part of a name or city, arrows to move, Enter to pick. */
export function OfficePicker({ control, offices, value, onChange }: Props) {
  const { t } = useTranslation();
  const chosen = offices.find((o) => o.code === value);
  const [query, setQuery] = useState(chosen?.name ?? '');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listId = `${control.id}-list`;

  const matches = useMemo(() => {
    const q = fold(query.trim());
    if (!q || (chosen && query === chosen.name)) return offices;
    return offices.filter((o) => fold(`${o.name} ${o.city}`).includes(q));
  }, [offices, query, chosen]);

  const pick = (office: OfficeView): void => {
    onChange(office.code);
    setQuery(office.name);
    setOpen(false);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>): void => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => Math.min(Math.max(i + step, 0), Math.max(matches.length - 1, 0)));
    } else if (e.key === 'Enter' && open) {
      e.preventDefault();
      const office = matches[active];
      if (office) pick(office);
    } else if (e.key === 'Escape') {
      setOpen(false);
    }
  };

  return (
    <div className="combobox">
      <input
        {...control}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && matches[active] ? `${listId}-${matches[active].code}` : undefined}
        placeholder={t('setup.officeSearch')}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
          if (chosen && e.target.value !== chosen.name) onChange('');
        }}
        // Not on focus: focus also arrives when a failed submit points here, and the list would cover the form.
        onClick={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      {open && (
        <ul className="combobox__list" role="listbox" id={listId}>
          {matches.length === 0 && <li className="combobox__empty">{t('setup.officeNone')}</li>}
          {matches.map((o, i) => (
            <li
              key={o.code}
              id={`${listId}-${o.code}`}
              role="option"
              aria-selected={o.code === value}
              className={i === active ? 'combobox__option combobox__option--active' : 'combobox__option'}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(o)}
            >
              <span className="combobox__name">{o.name}</span>
              <span className="combobox__meta">
                {o.city} · {TZ_LABEL[o.tz]}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
