import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EndOfDayReport } from './end-of-day-store.js';
import { formatRupiah as rupiah } from '@common/domain/applications/fees.js';

type Discrepancy = EndOfDayReport['discrepancies'][number];

/** Each discrepancy with its note; a supervisor writes the note in place while the day is open. */
export function DiscrepancyList({
  items,
  editable,
  onNote,
}: {
  items: Discrepancy[];
  editable: boolean;
  onNote: (key: string, note: string) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  if (items.length === 0) return <p className="muted">{t('endOfDay.noDiscrepancies')}</p>;
  return (
    <table className="table" aria-label={t('endOfDay.discrepancies')}>
      <thead>
        <tr>
          <th>{t('endOfDay.application')}</th>
          <th>{t('endOfDay.deskOfficer')}</th>
          <th>{t('endOfDay.kind')}</th>
          <th>{t('endOfDay.expected')}</th>
          <th>{t('endOfDay.received')}</th>
          <th>{t('endOfDay.note')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((d) => (
          <tr key={d.key} data-key={d.key}>
            <td>{d.applicationNumber}</td>
            <td>{[d.workstation, d.officer].filter(Boolean).join(' / ') || '—'}</td>
            <td>{t(`endOfDay.kinds.${d.kind}`)}</td>
            <td className="num">{rupiah(d.expected)}</td>
            <td className="num">{rupiah(d.received)}</td>
            <td>{editable ? <NoteField d={d} onNote={onNote} /> : (d.note ?? '-')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function NoteField({ d, onNote }: { d: Discrepancy; onNote: (key: string, note: string) => Promise<boolean> }) {
  const { t } = useTranslation();
  const [text, setText] = useState(d.note ?? '');
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        void onNote(d.key, text);
      }}
    >
      <input
        aria-label={t('endOfDay.noteFor', { number: d.applicationNumber })}
        value={text}
        onChange={(e) => setText(e.target.value)}
        maxLength={500}
      />
      <button type="submit" className="btn btn--small">
        {t('endOfDay.saveNote')}
      </button>
      {d.note && <span className="badge badge--ok">{t('endOfDay.noted', { user: d.notedBy ?? '' })}</span>}
    </form>
  );
}
