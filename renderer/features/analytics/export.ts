// Every chart leaves the workstation as a PNG (the canvas as drawn) and as CSV (the numbers behind it).

import { downloadHref, saveBlob } from '@renderer/lib/download.js';

export type CsvCell = string | number | null;

const quote = (v: CsvCell): string => {
  const s = v === null ? '' : typeof v === 'number' ? String(Math.round(v * 1000) / 1000) : v;
  return /[",\n;]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

/** RFC 4180 text; CRLF line ends, as spreadsheet programs expect. */
export const toCsv = (rows: readonly (readonly CsvCell[])[]): string => rows.map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n';

export function downloadCsv(fileName: string, rows: readonly (readonly CsvCell[])[]): void {
  // A byte-order mark so Excel opens UTF-8 (Indonesian names, "Rp") without mangling it.
  saveBlob(fileName, new Blob(['\uFEFF', toCsv(rows)], { type: 'text/csv;charset=utf-8' }));
}

export const downloadPng = (fileName: string, canvas: HTMLCanvasElement): void => downloadHref(fileName, canvas.toDataURL('image/png'));
