import { useTranslation } from 'react-i18next';
import { ALL_PRESENT_KEYS } from './keys.js';
import { RadioGroup } from '@renderer/components/Choices.js';
import { useShortcuts } from '@renderer/lib/keyboard.js';
import { useApplicationsStore, type ApplicationView } from './applications-store.js';
import { handOverPdf } from './ui.js';

const STATES = ['present', 'missing', 'pending'] as const;

/** The documents this applicant must show; missing ones go on the deficiency notice. */
export function ChecklistPanel({ app, editable }: { app: ApplicationView; editable: boolean }) {
  const { t, i18n } = useTranslation();
  const { run, print, busy } = useApplicationsStore();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const missing = app.documents.filter((d) => d.state === 'missing');
  // Most applicants bring everything: one key marks every document not yet looked at as present.
  const unchecked = app.documents.filter((d) => d.state === 'pending');
  const allPresent = async (): Promise<void> => {
    for (const d of unchecked) {
      const r = await run('applications.markDocument', { id: app.id, docCode: d.docCode, state: 'present' });
      if (!r.ok) return;
    }
  };
  useShortcuts([{ keys: ALL_PRESENT_KEYS, run: () => void allPresent(), enabled: editable && !busy && unchecked.length > 0 }]);
  const notice = async (): Promise<void> => {
    const r = await print({ applicationId: app.id, kind: 'deficiency', language: lang });
    if (r.ok) handOverPdf(r.value);
  };
  return (
    <div className="card" aria-labelledby="checklist-title" data-counter-step="documents">
      <div className="card__head">
        <h2 id="checklist-title">{t('applications.documents.title')}</h2>
        {editable && unchecked.length > 0 && (
          <button type="button" className="btn btn--small" onClick={() => void allPresent()} disabled={busy} aria-keyshortcuts="Alt+A">
            {t('counterFlow.allPresent')} <kbd>{ALL_PRESENT_KEYS}</kbd>
          </button>
        )}
      </div>
      <table className="table">
        <tbody>
          {app.documents.map((d) => (
            <tr key={d.docCode}>
              <td>{d.name[lang]}</td>
              <td>
                <RadioGroup
                  legend={d.name[lang]}
                  legendHidden
                  className="segmented"
                  itemClass={(on) => `segmented__item${on ? ' is-on' : ''}`}
                  choices={STATES.map((s) => ({ value: s, label: t(`applications.documents.state.${s}`) }))}
                  value={d.state}
                  onValue={(state) => void run('applications.markDocument', { id: app.id, docCode: d.docCode, state })}
                  disabled={!editable || busy}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {missing.length > 0 && (
        <div className="form-actions">
          <button type="button" className="btn" onClick={() => void notice()} disabled={busy}>
            {t('applications.documents.printNotice')}
          </button>
        </div>
      )}
    </div>
  );
}
