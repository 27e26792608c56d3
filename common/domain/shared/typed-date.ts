// A calendar date as an officer types it: dd/mm/yyyy (the way Indonesian forms and documents write it),
// with '.', '-' or a space between the parts as well, or the ISO form a scanner or a paste brings. The
// form keeps ISO (yyyy-mm-dd); only the field shows and reads the typed form.

const isRealDate = (y: number, m: number, d: number): boolean => {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
};

const iso = (y: number, m: number, d: number): string =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** The ISO date the text means, or null while it is incomplete or not a real date. */
export function parseTypedDate(text: string): string | null {
  const s = text.trim();
  const typed = /^(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{4})$/.exec(s) ?? /^(\d{2})(\d{2})(\d{4})$/.exec(s);
  if (typed) {
    const [d, m, y] = [Number(typed[1]), Number(typed[2]), Number(typed[3])];
    return isRealDate(y, m, d) ? iso(y, m, d) : null;
  }
  const isoMatch = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (isoMatch) {
    const [y, m, d] = [Number(isoMatch[1]), Number(isoMatch[2]), Number(isoMatch[3])];
    return isRealDate(y, m, d) ? iso(y, m, d) : null;
  }
  return null;
}

/** dd/mm/yyyy for an ISO date; anything else is returned as it is (a date still being typed). */
export function showTypedDate(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : value;
}
