// Small pieces the application screens share: the head with the way back, the status badge, the fee
// lines, and handing a receipt's PDF to the user.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FeeView } from '@common/contract/applications/schemas.js';
import { formatRupiah } from '@common/domain/applications/fees.js';
import { BackButton } from '@renderer/components/BackButton.js';
import { pdfBlob, saveBlob } from '@renderer/lib/download.js';
import type { PrintedReceipt } from './applications-store.js';

/** The screen's title (`id` labels the screen), a line under it, the way back and any other buttons. */
export function AppHead({
  id,
  title,
  lead,
  onBack,
  children,
}: {
  id: string;
  title: ReactNode;
  lead?: ReactNode;
  onBack: () => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="page-head">
      <h1 id={id}>{title}</h1>
      {lead && <p className="lead">{lead}</p>}
      <div className="form-actions">
        <BackButton label={t('applications.back')} onBack={onBack} />
        {children}
      </div>
    </div>
  );
}

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return <span className={`badge app-status app-status--${status}`}>{t(`applications.status.${status}`)}</span>;
}

/** The fee, line by line, and its total; `children` are further rows of the same list. */
export function FeeFacts({ fee, children }: { fee: FeeView; children?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  return (
    <dl className="app-facts">
      {fee.lines.map((l) => (
        <div key={l.itemCode}>
          <dt>{l.name[lang]}</dt>
          <dd>{formatRupiah(l.amount)}</dd>
        </div>
      ))}
      <div>
        <dt>{t('applications.fee.total')}</dt>
        <dd data-testid="fee-total">{formatRupiah(fee.total)}</dd>
      </div>
      {children}
    </dl>
  );
}

/** Opens the PDF in a new tab (the browser's viewer prints it) and offers it as a download. */
export const handOverPdf = (r: PrintedReceipt): string => saveBlob(r.fileName, pdfBlob(r.pdfBase64));
