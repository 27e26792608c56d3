import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorBody } from '@common/contract/index.js';
import { call } from '@renderer/api/client.js';
import { TextField } from '@renderer/components/Field.js';
import { FormActions } from '@renderer/components/FormActions.js';
import { Notice } from '@renderer/components/Notice.js';
import { describeError } from '@renderer/lib/errors.js';

/** The OS printer names this workstation prints receipts and queue tickets on (empty: saved as PDF). */
export function PrinterSettings() {
  const { t } = useTranslation();
  const [form, setForm] = useState({ documentPrinter: '', ticketPrinter: '' });
  const [loaded, setLoaded] = useState(false);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<ErrorBody | null>(null);
  useEffect(() => {
    void call('printer.getSettings', {}).then((r) => {
      if (!r.ok) return setError(r.error);
      setForm({ documentPrinter: r.value.documentPrinter ?? '', ticketPrinter: r.value.ticketPrinter ?? '' });
      setLoaded(true);
    });
  }, []);

  const save = async (): Promise<void> => {
    setBusy(true);
    setSaved(false);
    const r = await call('printer.updateSettings', {
      documentPrinter: form.documentPrinter.trim() || null,
      ticketPrinter: form.ticketPrinter.trim() || null,
    });
    setBusy(false);
    setError(r.ok ? null : r.error);
    setSaved(r.ok);
  };

  return (
    <form
      className="card"
      aria-labelledby="printer-settings-title"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h2 id="printer-settings-title">{t('printer.title')}</h2>
      <p className="muted">{t('printer.hint')}</p>
      {error && <Notice tone="error">{describeError(t, error)}</Notice>}
      {saved && <Notice tone="success">{t('printer.saved')}</Notice>}
      <TextField
        label={t('printer.document')}
        value={form.documentPrinter}
        onValue={(documentPrinter) => setForm((f) => ({ ...f, documentPrinter }))}
        maxLength={200}
      />
      <TextField
        label={t('printer.ticket')}
        value={form.ticketPrinter}
        onValue={(ticketPrinter) => setForm((f) => ({ ...f, ticketPrinter }))}
        maxLength={200}
      />
      <FormActions submit={busy ? t('common.saving') : t('printer.save')} busy={busy} disabled={!loaded} />
    </form>
  );
}
