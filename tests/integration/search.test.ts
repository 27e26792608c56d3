import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeNik } from '@common/domain/applications/nik.js';
import { composeTd3 } from '@common/domain/applications/mrz.js';
import { openDesk, walkInDraft, type Desk } from '../support/applications-fixtures.js';

let d: Desk;
const ids: Record<string, string> = {};
const numbers: Record<string, string> = {};

const person = (key: string, fullName: string, birthDate: string, sex: 'M' | 'F', serial: number) =>
  walkInDraft({ nik: composeNik({ region: '337410', birthDate, sex, serial }), fullName, birthDate, sex });

beforeAll(async () => {
  d = await openDesk();
  const people = [
    ['jose', 'José Ramos Horta', '1980-12-26', 'M', 1],
    ['josephine', 'Josephine Siregar', '1992-04-01', 'F', 2],
    ['budi', 'Budi Santoso', '1990-05-17', 'M', 3],
    ['santi', 'Santi Rahayu', '1988-08-08', 'F', 4],
    ['ngurah', 'I Gusti Ngurah Rai', '1975-01-30', 'M', 5],
  ] as const;
  for (const [key, name, dob, sex, serial] of people) {
    const app = await d.t.value('applications.create', { draft: person(key, name, dob, sex, serial) }, d.officer);
    ids[key] = app.id;
    numbers[key] = app.number;
  }
  const mrz = composeTd3({
    issuingState: 'IDN',
    surname: 'SANTOSO',
    givenNames: 'BUDI',
    documentNumber: 'B9876543',
    nationality: 'IDN',
    birthDate: '1990-05-17',
    sex: 'M',
    expiryDate: '2028-01-01',
  });
  await d.t.value('applications.fillFromMrz', { id: ids.budi!, mrz: mrz.join('\n') }, d.officer);
});
afterAll(() => d.t.cleanup());

const search = async (query: string) => {
  const r = await d.t.value('applications.search', { query }, d.officer);
  return { kinds: r.kinds, found: r.results.map((x) => Object.entries(ids).find(([, id]) => id === x.id)?.[0]) };
};

describe('the one search box', () => {
  it('finds a name by prefix, whatever the case and accents', async () => {
    expect((await search('jose')).found).toEqual(['josephine', 'jose']);
    expect((await search('JOSÉ')).found).toEqual(['josephine', 'jose']);
    expect((await search('josé ram')).found).toEqual(['jose']);
    expect((await search('horta jo')).found).toEqual(['jose']);
    expect((await search('san')).found).toEqual(['santi', 'budi']);
    expect((await search('ngurah')).kinds).toEqual(['name']);
  });

  it('treats FTS syntax as plain text', async () => {
    expect((await search('"santi" OR budi*')).found).toEqual([]);
    expect((await search('NEAR(budi')).found).toEqual([]);
  });

  it('finds by application number, NIK (with separators) and passport number', async () => {
    expect(await search(numbers.santi!.toLowerCase())).toEqual({ kinds: ['number'], found: ['santi'] });
    const nik = composeNik({ region: '337410', birthDate: '1990-05-17', sex: 'M', serial: 3 });
    expect(await search(`${nik.slice(0, 6)}.${nik.slice(6, 12)}.${nik.slice(12)}`)).toEqual({ kinds: ['nik'], found: ['budi'] });
    expect((await search('b9876543')).found).toEqual(['budi']);
  });

  it('answers nothing, not an error, for what matches nothing', async () => {
    expect((await search('zzzz')).found).toEqual([]);
    expect((await search('3374101705900099')).found).toEqual([]);
    const short = await d.t.call('applications.search', { query: 'a' }, d.officer);
    expect(short.ok ? 'ok' : short.error.code).toBe('VALIDATION');
  });
});
