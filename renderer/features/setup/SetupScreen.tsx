import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Language } from '@common/contract/schemas.js';
import { SetupInput, type SetupMode } from '@common/contract/setup.js';
import type { SyncStatus } from '@common/contract/sync.js';
import { call } from '@renderer/api/client.js';
import { RadioGroup } from '@renderer/components/Choices.js';
import { passwordProblems } from '@common/domain/shared/password-policy.js';
import { CodeField, Field, NumberField, TextField } from '@renderer/components/Field.js';
import { FormActions } from '@renderer/components/FormActions.js';
import { Notice } from '@renderer/components/Notice.js';
import { OfficePicker } from '@renderer/components/OfficePicker.js';
import { PasswordChecklist } from '@renderer/components/PasswordChecklist.js';
import { optionsOf, SelectField } from '@renderer/components/SelectField.js';
import { currentLanguage } from '@renderer/i18n/index.js';
import { checkInput, describeError, hasProblems, merge, type FieldProblems } from '@renderer/lib/errors.js';
import { useSubmission } from '@renderer/lib/form.js';
import { TZ_LABEL } from '@renderer/lib/time.js';
import { useAppStore } from '@renderer/shell/app-store.js';
import { useSessionStore } from '../session/session-store.js';

const EMPTY = { officeCode: '', workstationName: '', counter: '', username: '', fullName: '', password: '', confirm: '', code: '' };

/** Central beside this Loket, a central elsewhere (which needs an admin-issued code), or none at all. */
type Central = 'embedded' | 'remote' | 'none';
const centralOf = (s: SyncStatus | null): Central => (s === null || s.state === 'disabled' ? 'none' : s.embedded ? 'embedded' : 'remote');

/**
 * First run: start a new office (its first admin, made at central) or join an office central already
 * holds (its accounts arrive, none is made here); or a way into training mode.
 */
export function SetupScreen() {
  const { t } = useTranslation();
  const offices = useAppStore((s) => s.offices);
  const initialize = useAppStore((s) => s.initialize);
  const enterTraining = useAppStore((s) => s.enterTraining);
  const login = useSessionStore((s) => s.login);
  const chooseLanguage = useSessionStore((s) => s.chooseLanguage);
  const [form, setForm] = useState(EMPTY);
  const [mode, setMode] = useState<SetupMode>('new');
  const [central, setCentral] = useState<Central>('none');
  const [trainingBusy, setTrainingBusy] = useState(false);
  const language = currentLanguage();
  const edit = (patch: Partial<typeof EMPTY>) => setForm((f) => ({ ...f, ...patch }));
  useEffect(() => {
    void call('sync.status', {}).then((r) => r.ok && setCentral(centralOf(r.value)));
  }, []);
  const joining = mode === 'join';
  const needsCode = central === 'remote';

  const input = {
    mode,
    officeCode: form.officeCode,
    workstationName: form.workstationName,
    counterNumber: form.counter.trim() === '' ? undefined : Number(form.counter),
    language,
    ...(joining ? {} : { admin: { username: form.username, fullName: form.fullName, password: form.password } }),
    ...(needsCode ? { enrolmentCode: form.code } : {}),
  };
  const client: FieldProblems = merge(
    checkInput(SetupInput, input, { counterNumber: 'number' }),
    needsCode && form.code.trim() === '' ? { enrolmentCode: ['required'] } : {},
    !joining && form.password ? { 'admin.password': passwordProblems(form.password, form.username).map((p) => `password.${p}`) } : {},
    !joining && form.confirm !== form.password ? { confirm: [form.confirm ? 'mismatch' : 'required'] } : {},
  );
  const sub = useSubmission(form, client);
  const office = offices.find((o) => o.code === form.officeCode);

  return (
    <section className="screen screen--setup" aria-labelledby="setup-title">
      <div className="panel panel--wide">
        <h1 id="setup-title">{t('setup.title')}</h1>
        <p className="lead">{t('setup.intro')}</p>
        <form
          noValidate
          onSubmit={(e) =>
            void sub.submit(e, client, async () => {
              const result = await initialize(input as SetupInput);
              // A joining desk made no account: its first login is with an office account, on the login screen.
              if (result.ok && !joining) await login(form.username, form.password);
              return result;
            })
          }
        >
          <RadioGroup
            legend={t('setup.mode.legend')}
            value={mode}
            onValue={setMode}
            choices={[
              { value: 'new', label: t('setup.mode.new') },
              {
                value: 'join',
                label: central === 'none' ? `${t('setup.mode.join')} (${t('setup.mode.joinNoCentral')})` : t('setup.mode.join'),
              },
            ]}
          />
          <p className="muted">{t(joining ? 'setup.mode.joinExplain' : 'setup.mode.newExplain')}</p>
          <div className="form-columns">
            <fieldset className="form-section">
              <legend>{t('setup.workstationSection')}</legend>
              <Field
                label={t('setup.office')}
                problems={sub.problems.officeCode}
                hint={office ? `${office.city} · ${t('setup.officeChosen', { tz: `${TZ_LABEL[office.tz]} (${office.tz})` })}` : undefined}
              >
                {(control) => (
                  <OfficePicker
                    control={control}
                    offices={offices}
                    value={form.officeCode}
                    onChange={(officeCode) => edit({ officeCode })}
                  />
                )}
              </Field>
              <TextField
                label={t('setup.workstationName')}
                hint={t('setup.workstationHint')}
                value={form.workstationName}
                onValue={(workstationName) => edit({ workstationName })}
                problems={sub.problems.workstationName}
                maxLength={64}
              />
              <NumberField
                label={t('setup.counterNumber')}
                value={form.counter}
                onValue={(counter) => edit({ counter })}
                problems={sub.problems.counterNumber}
              />
              <SelectField
                label={t('setup.language')}
                value={language}
                onValue={(l) => void chooseLanguage(l)}
                options={optionsOf(t, 'lang', Language.options)}
              />
              {needsCode && (
                <CodeField
                  label={t('setup.enrolmentCode')}
                  hint={t('setup.enrolmentCodeHint')}
                  value={form.code}
                  onValue={(code) => edit({ code })}
                  problems={sub.problems.enrolmentCode}
                />
              )}
            </fieldset>
            {!joining && (
              <fieldset className="form-section">
                <legend>{t('setup.adminSection')}</legend>
                <CodeField
                  label={t('setup.username')}
                  hint={t('setup.usernameHint')}
                  value={form.username}
                  onValue={(username) => edit({ username })}
                  problems={sub.problems['admin.username']}
                />
                <TextField
                  label={t('setup.fullName')}
                  value={form.fullName}
                  onValue={(fullName) => edit({ fullName })}
                  problems={sub.problems['admin.fullName']}
                />
                <TextField
                  label={t('setup.password')}
                  type="password"
                  autoComplete="new-password"
                  value={form.password}
                  onValue={(password) => edit({ password })}
                  problems={sub.problems['admin.password']}
                />
                <TextField
                  label={t('setup.confirm')}
                  type="password"
                  autoComplete="new-password"
                  value={form.confirm}
                  onValue={(confirm) => edit({ confirm })}
                  problems={sub.problems.confirm}
                />
                <PasswordChecklist password={form.password} username={form.username} confirm={form.confirm} />
              </fieldset>
            )}
          </div>
          {hasProblems(sub.problems) && <Notice tone="error">{t('setup.fixErrors')}</Notice>}
          {sub.error && (
            <Notice tone="error">
              {(sub.error.details as { reason?: unknown } | undefined)?.reason === 'setup.done'
                ? t('setup.alreadyDone')
                : describeError(t, sub.error)}
            </Notice>
          )}
          <FormActions submit={sub.busy ? t('setup.submitting') : t('setup.submit')} busy={sub.busy} large />
        </form>
        <aside className="training-offer">
          <p>{t('setup.orTraining')}</p>
          <button
            type="button"
            className="btn btn--secondary"
            disabled={trainingBusy}
            onClick={() => {
              setTrainingBusy(true);
              void enterTraining().finally(() => setTrainingBusy(false));
            }}
          >
            {t('setup.training')}
          </button>
        </aside>
      </div>
    </section>
  );
}
