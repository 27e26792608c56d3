import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { settingsCalls } from '@common/contract/users.js';
import { NumberField, TextField } from '@renderer/components/Field.js';
import { FormActions } from '@renderer/components/FormActions.js';
import { Notice } from '@renderer/components/Notice.js';
import { TZ_LABEL } from '@renderer/lib/time.js';
import { checkInput, describeError } from '@renderer/lib/errors.js';
import { useSubmission } from '@renderer/lib/form.js';
import { useAppStore } from '@renderer/shell/app-store.js';
import { useSettingsStore } from './settings-store.js';
import { TrainingSwitch } from './TrainingSwitch.js';
import { PrinterSettings } from './PrinterSettings.js';

const asNumber = (s: string): number | undefined => (s.trim() === '' ? undefined : Number(s));

/** This workstation's name, counter number and idle lock, plus the way into training mode. */
export function WorkstationSettings() {
  const { t } = useTranslation();
  const office = useAppStore((s) => s.status?.office);
  const { settings, error, load, save } = useSettingsStore();
  const [form, setForm] = useState({ workstationName: '', counter: '', idle: '' });
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    void load();
  }, [load]);
  // The form starts from each settings answer as it arrives (React's pattern for state that follows a prop).
  const [shown, setShown] = useState(settings);
  if (settings !== shown) {
    setShown(settings);
    if (settings)
      setForm({
        workstationName: settings.workstationName,
        counter: String(settings.counterNumber),
        idle: String(settings.idleLockMinutes),
      });
  }

  const input = { workstationName: form.workstationName, counterNumber: asNumber(form.counter), idleLockMinutes: asNumber(form.idle) };
  const client = checkInput(settingsCalls['settings.update'].input, input, { counterNumber: 'number', idleLockMinutes: 'idleRange' });
  for (const [key, value] of Object.entries(input)) if (value === undefined || value === '') client[key] = ['required'];
  const sub = useSubmission(form, client);

  return (
    <div className="stack narrow">
      <form
        className="card"
        aria-labelledby="settings-title"
        noValidate
        onSubmit={(e) =>
          void sub.submit(e, client, async () => {
            setSaved(false);
            const result = await save(input);
            setSaved(result.ok);
            return result;
          })
        }
      >
        <h2 id="settings-title">{t('admin.settings.title')}</h2>
        {office && (
          <p className="muted">
            {t('admin.settings.office')}: <strong>{office.name}</strong> · {office.city} · {TZ_LABEL[office.tz]}
          </p>
        )}
        {error && <Notice tone="error">{describeError(t, error)}</Notice>}
        {saved && <Notice tone="success">{t('admin.settings.saved')}</Notice>}
        <div className="form-row">
          <TextField
            label={t('admin.settings.workstationName')}
            value={form.workstationName}
            onValue={(workstationName) => setForm((f) => ({ ...f, workstationName }))}
            problems={sub.problems.workstationName}
            maxLength={64}
          />
          <NumberField
            label={t('admin.settings.counterNumber')}
            value={form.counter}
            onValue={(counter) => setForm((f) => ({ ...f, counter }))}
            problems={sub.problems.counterNumber}
          />
        </div>
        <NumberField
          label={t('admin.settings.idleLockMinutes')}
          hint={t('admin.settings.idleHint')}
          value={form.idle}
          onValue={(idle) => setForm((f) => ({ ...f, idle }))}
          problems={sub.problems.idleLockMinutes}
        />
        {sub.error && <Notice tone="error">{describeError(t, sub.error)}</Notice>}
        <FormActions submit={sub.busy ? t('common.saving') : t('common.save')} busy={sub.busy} disabled={!settings} />
      </form>
      <PrinterSettings />
      <TrainingSwitch />
    </div>
  );
}
