import { describe, expect, it } from 'vitest';
import { checkMrz, composeTd3, mrzCheckDigit, normaliseMrz } from '@common/domain/applications/mrz.js';

const TODAY = '2026-11-30';
// ICAO 9303 part 4, appendix: the specimen passport of Anna Maria Eriksson.
const ICAO = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'] as const;
const budi = composeTd3({
  issuingState: 'IDN',
  surname: 'SANTOSO',
  givenNames: 'BUDI',
  documentNumber: 'C1234567',
  nationality: 'IDN',
  birthDate: '1990-05-17',
  sex: 'M',
  expiryDate: '2027-03-01',
});

/** Replaces the character at `i` of line 2. */
const poke = (line: string, i: number, c: string) => line.slice(0, i) + c + line.slice(i + 1);

describe('passport MRZ (TD3)', () => {
  it('computes ICAO check digits with weights 7, 3, 1', () => {
    expect(mrzCheckDigit('L898902C3')).toBe('6');
    expect(mrzCheckDigit('740812')).toBe('2');
    expect(mrzCheckDigit('120415')).toBe('9');
    expect(mrzCheckDigit('ZE184226B<<<<<')).toBe('1');
  });

  it('reads the ICAO specimen: every check digit passes, only the fictional state Utopia is refused', () => {
    const r = checkMrz(ICAO.join('\n'), TODAY);
    expect(r.issues.map((i) => [i.field, i.code])).toEqual([
      ['issuingState', 'mrz.country'],
      ['nationality', 'mrz.country'],
    ]);
    expect(r.fields).toMatchObject({
      surname: 'ERIKSSON',
      givenNames: 'ANNA MARIA',
      documentNumber: 'L898902C3',
      birthDate: '1974-08-12',
      sex: 'F',
    });
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
