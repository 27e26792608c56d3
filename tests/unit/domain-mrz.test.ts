import { describe, expect, it } from 'vitest';
import { checkMrz, composeTd3, mrzCheckDigit, normaliseMrz } from '@common/domain/applications/mrz.js';

const TODAY = '2026-11-30';
// ICAO 9303 part 4, appendix: the specimen passport of Anna Maria Eriksson.
const ICAO = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'] as const;
const BUDI_FIELDS = {
  issuingState: 'IDN',
  surname: 'SANTOSO',
  givenNames: 'BUDI',
  documentNumber: 'C1234567',
  nationality: 'IDN',
  birthDate: '1990-05-17',
  sex: 'M',
  expiryDate: '2027-03-01',
} as const;
const budi = composeTd3(BUDI_FIELDS);

/** Replaces the character at `i` of line 2. */
const poke = (line: string, i: number, c: string) => line.slice(0, i) + c + line.slice(i + 1);

describe('passport MRZ (TD3)', () => {
  it('computes ICAO check digits with weights 7, 3, 1', () => {
    expect(mrzCheckDigit('L898902C3')).toBe('6');
    expect(mrzCheckDigit('740812')).toBe('2');
    expect(mrzCheckDigit('120415')).toBe('9');
    expect(mrzCheckDigit('ZE184226B<<<<<')).toBe('1');
  });

  it('reads the ICAO specimen: every check digit passes, and the fictional state Utopia is a warning, not a refusal', () => {
    const r = checkMrz(ICAO.join('\n'), TODAY);
    expect(r.valid).toBe(true);
    expect(r.issues).toEqual([]);
    expect(r.warnings.map((i) => [i.field, i.code, i.value])).toEqual([
      ['issuingState', 'mrz.countryUnknown', 'UTO'],
      ['nationality', 'mrz.countryUnknown', 'UTO'],
    ]);
    expect(r.fields).toMatchObject({
      surname: 'ERIKSSON',
      givenNames: 'ANNA MARIA',
      documentNumber: 'L898902C3',
      birthDate: '1974-08-12',
      sex: 'F',
      // 12 is 2012, not 2112: a passport is never valid for more than ten years.
      expiryDate: '2012-04-15',
    });
  });

  it("reads Germany's one-letter code D<< as DEU", () => {
    const de = composeTd3({ ...BUDI_FIELDS, issuingState: 'D', nationality: 'D', surname: 'MUSTERMANN', givenNames: 'ERIKA' });
    expect(de[0].slice(2, 5)).toBe('D<<');
    const r = checkMrz(de.join('\n'), TODAY);
    expect(r.valid).toBe(true);
    expect(r.fields).toMatchObject({ issuingState: 'DEU', nationality: 'DEU' });
  });

  it('a well-formed state code the list does not know does not stop the reading', () => {
    const r = checkMrz(composeTd3({ ...BUDI_FIELDS, issuingState: 'XKX', nationality: 'XKX' }).join('\n'), TODAY);
    expect(r.valid).toBe(true);
    expect(r.fields?.nationality).toBe('XKX');
    expect(r.warnings.map((w) => w.code)).toEqual(['mrz.countryUnknown', 'mrz.countryUnknown']);
  });

  it.each([
    ['1999-12-31', '1999-12-31'],
    ['2036-11-29', '2036-11-29'],
    ['2036-12-01', '1936-12-01'],
    ['2030-06-30', '2030-06-30'],
  ])('reads a two-digit expiry year in the window a passport can be valid (%s)', (written, read) => {
    const r = checkMrz(composeTd3({ ...BUDI_FIELDS, expiryDate: written }).join('\n'), TODAY);
    expect(r.fields?.expiryDate).toBe(read);
  });

  it('fills the form from an Indonesian passport, however the reader typed it', () => {
    for (const typed of [
      budi.join('\n'),
      budi.join('\r\n'),
      budi.join(''),
      budi.join('\n').toLowerCase(),
      `  ${budi[0]}\n${budi[1]}  \n`,
    ]) {
      const r = checkMrz(typed, TODAY);
      expect(r.valid).toBe(true);
      expect(r.fields).toMatchObject({
        surname: 'SANTOSO',
        givenNames: 'BUDI',
        documentNumber: 'C1234567',
        nationality: 'IDN',
        birthDate: '1990-05-17',
        sex: 'M',
        expiryDate: '2027-03-01',
      });
    }
  });

  it.each([
    ['document number', 9, 'documentNumber'],
    ['birth date', 19, 'birthDate'],
    ['expiry date', 27, 'expiryDate'],
    ['composite', 43, 'composite'],
  ])('refuses a wrong %s check digit and names the field', (_label, index, field) => {
    const line2 = budi[1];
    const wrong = String((Number(line2[index]) + 1) % 10);
    const r = checkMrz(`${budi[0]}\n${poke(line2, index, wrong)}`, TODAY);
    expect(r.valid).toBe(false);
    expect(r.issues).toContainEqual(expect.objectContaining({ field, code: 'mrz.checkDigit' }));
  });

  it('refuses a changed birth date even though the text still looks fine', () => {
    const r = checkMrz(`${budi[0]}\n${poke(budi[1], 14, '1')}`, TODAY);
    expect(r.valid).toBe(false);
    expect(r.issues.map((i) => i.code)).toContain('mrz.checkDigit');
  });

  it('refuses the wrong shape with a specific code', () => {
    expect(checkMrz('', TODAY).issues[0]!.code).toBe('mrz.required');
    expect(checkMrz(budi[0], TODAY).issues[0]!.code).toBe('mrz.format');
    expect(checkMrz(`${budi[0]}\n${budi[1].slice(0, 40)}`, TODAY).issues[0]!.code).toBe('mrz.format');
    expect(checkMrz(`${budi[0]}\n${poke(budi[1], 30, '#')}`, TODAY).issues[0]!.code).toBe('mrz.characters');
  });

  it('refuses a document that is not a passport', () => {
    const idCard = `I${budi[0].slice(1)}`;
    const r = checkMrz(`${idCard}\n${budi[1]}`, TODAY);
    expect(r.valid).toBe(false);
    expect(r.issues.map((i) => i.field)).toContain('documentCode');
  });

  it('normalises readers that send one 88-character line', () => {
    expect(normaliseMrz(budi.join(''))).toEqual([...budi]);
  });
});
