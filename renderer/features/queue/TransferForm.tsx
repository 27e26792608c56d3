// F4's form: the service the ticket goes on to. Enter on the closed list confirms, Esc leaves it.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '@renderer/components/SelectField.js';
import { useQueueStore } from './queue-store.js';
import { serviceOptions } from './parts.js';

export function TransferForm({ onConfirm }: { onConfirm: (serviceCode: string) => void }) {
  const { t, i18n } = useTranslation();
  const { config, ticket, setTransferring } = useQueueStore();
  const [target, setTarget] = useState('');
  const select = useRef<HTMLSelectElement>(null);
  useEffect(() => select.current?.focus(), []);
  const others = (config?.services ?? []).filter((s) => s.active && s.code !== ticket?.serviceCode);
  const confirm = (): void => {
    if (target) onConfirm(target);
  };
  return (
    <form
      className="queue-panel__transfer"
      onSubmit={(e) => {
        e.preventDefault();
        confirm();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') setTransferring(false);
        // A closed <select> does not submit its form on Enter: the keyboard path must still work.
        if (e.key === 'Enter' && e.target instanceof HTMLSelectElement) {
          e.preventDefault();
          confirm();
        }
      }}
    >
      <SelectField
        label={t('queue.counter.transferTo')}
        ref={select}
        value={target}
        onValue={setTarget}
        options={serviceOptions(others, i18n.language)}
      />
      <button type="submit" className="btn btn--primary" disabled={!target}>
        {t('queue.counter.transferConfirm')}
      </button>
    </form>
  );
}

/** After F4: the number the applicant keeps and the service it now waits for, so the officer can tell them. */
export function MovedNotice() {
  const { t, i18n } = useTranslation();
  const { config, moved } = useQueueStore();
  if (!moved) return null;
  const service = config?.services.find((s) => s.code === moved.serviceCode);
  const name = service ? (i18n.language === 'en' ? service.nameEn : service.nameId) : moved.serviceCode;
  return (
    <p className="notice notice--info" role="status" data-testid="queue-moved">
      {t('counterFlow.moved', { number: moved.number, service: name })}
    </p>
  );
}
