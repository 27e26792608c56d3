// The end-of-day report leaves the workstation as a PDF (signed name and content hash) or as CSV.
import { EndOfDayReport } from '@common/contract/end-of-day.js';
import { endOfDayCsv } from '@common/domain/end-of-day/csv.js';
import { getClosure } from '@db/queries/end-of-day/end-of-day.js';
import { signedIn } from '../access/auth.js';
import { officeContext } from '../kernel/office.js';
import type { CallContext, Handlers } from '../kernel/context.js';
import { contentHash, currentReport } from './handlers.js';
import { renderEndOfDay } from '../pdf/end-of-day.js';

/** The report and its hash: the signed hash for a closed day, the live content's hash otherwise. */
async function hashedReport(ctx: CallContext, date: string) {
  const raw = await currentReport(ctx, date);
  const c = getClosure(ctx.db, date);
  // A day signed on another desk: its report stays there, so this copy carries its own hash, not the signed one.
  const signed = c?.status === 'closed' && c.report !== null;
  // Rendered through the contract, so a report signed by an earlier Loket reads in today's shape; hashed as computed.
  return { report: EndOfDayReport.parse(raw), hash: signed ? c.report_hash : contentHash(raw), signedBy: signed ? c.closed_by_name : null };
}

export const endOfDayExportHandlers = {
  'endOfDay.pdf': async (ctx, input) => {
    const { user } = signedIn(ctx);
    const { report, hash, signedBy } = await hashedReport(ctx, input.date);
    const o = officeContext(ctx);
    const pdf = await renderEndOfDay({
      office: { code: o.prefix, name: o.name, address: o.city, timeZone: o.tz },
      officerName: user.full_name,
      printedAt: ctx.now,
      reprint: null,
      void: null,
      language: input.language,
      training: ctx.core.training,
      report,
      contentHash: hash,
      signedBy,
    });
    return {
      fileName: `laporan-akhir-hari-${report.officeCode}-${report.date}.pdf`,
      pdfBase64: Buffer.from(pdf).toString('base64'),
      contentHash: hash,
    };
  },

  'endOfDay.csv': async (ctx, input) => {
    signedIn(ctx);
    const { report, hash } = await hashedReport(ctx, input.date);
    return {
      fileName: `laporan-akhir-hari-${report.officeCode}-${report.date}.csv`,
      csv: endOfDayCsv(report, input.language, hash),
      contentHash: hash,
    };
  },
} satisfies Partial<Handlers>;
