import type { EndOfDayReport } from './end-of-day-store.js';

/** The service's name in the officer's language with its code beside it; the code alone when the report has no name for it. */
export function serviceLabel(report: EndOfDayReport, code: string, language: string): string {
  const n = report.serviceNames.find((s) => s.code === code);
  if (!n) return code;
  return `${language === 'en' ? n.nameEn : n.nameId} (${code})`;
}
