// Ticket numbers as printed, shown and spoken: prefix letter(s), a dash, three digits (A-007, B-120).
// Local mode numbers carry the workstation's own prefix before the service letter (L3A-007); training
// mode's carry LAT (LAT-A-007), which no office's queue prints.

export const formatTicketNumber = (prefix: string, n: number): string => `${prefix}-${String(n).padStart(3, '0')}`;

export const localPrefix = (counterNumber: number): string => `L${counterNumber}`;

export const trainingPrefix = (servicePrefix: string): string => `LAT-${servicePrefix}`;

const DIGITS = ['nol', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan'];

/** Indonesian cardinal words (counter numbers): 3 "tiga", 11 "sebelas", 25 "dua puluh lima", 100 "seratus". */
export function indonesianNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 999) throw new Error('indonesianNumber: 0..999');
  if (n < 10) return DIGITS[n]!;
  if (n === 10) return 'sepuluh';
  if (n === 11) return 'sebelas';
  if (n < 20) return `${DIGITS[n - 10]} belas`;
  if (n < 100) {
    const rest = n % 10;
    return `${DIGITS[Math.floor(n / 10)]} puluh${rest ? ` ${DIGITS[rest]}` : ''}`;
  }
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  return `${hundreds === 1 ? 'seratus' : `${DIGITS[hundreds]} ratus`}${rest ? ` ${indonesianNumber(rest)}` : ''}`;
}

/**
 * What the board says: "Nomor antrean A nol nol tujuh, silakan ke loket tiga". Ticket digits are read one
 * by one (as the number is printed); letters as letters; the counter as a cardinal number.
 */
export function announcementText(ticketNumber: string, counterNumber: number): string {
  const spoken = [...ticketNumber.replace(/-/g, '')].map((ch) => (/\d/.test(ch) ? DIGITS[Number(ch)]! : ch.toUpperCase())).join(' ');
  return `Nomor antrean ${spoken}, silakan ke loket ${indonesianNumber(counterNumber)}`;
}
