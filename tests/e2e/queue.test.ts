// The queue in Chromium: reception issues a priority walk-in, the counter calls it with F1 (which opens
// the walk-in form with the ticket's priority group), starts and finishes with F5 from that form (a second
// look first, as no application was made), parks with F6 and resumes from the parked list, and the
// /display board (no login) shows the call pushed as it happens, with the Indonesian announcement. No
// central here: the counter runs in its visible local mode.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { downloaded, shot, startApp, type E2eApp } from '../support/e2e/app.js';
import { pdfText } from '../support/pdf.js';
import { ADMIN, accountByCore, login, seeHeading, setUpByCore } from '../support/e2e/workstation.js';

let app: E2eApp;
let page: Page;
let board: Page;
let password: string;

beforeAll(async () => {
  app = await startApp('queue');
  await setUpByCore(app);
  password = await accountByCore(app, 'petugas1', 'officer', ['PASPOR_PRIORITAS']);
  ({ page } = await app.open());
  const second = await app.open();
  board = second.page;
  await board.goto(new URL('/display', page.url()).toString());
});
afterAll(async () => {
  await app?.close();
});

describe('digital queue', { timeout: 90_000 }, () => {
  it('shows the board without a login: office, services, local mode', async () => {
    await board.getByText('Kantor Imigrasi Banyumanik').waitFor();
    await board.getByText('Belum ada panggilan').waitFor();
    await board.getByText('Mode lokal: server pusat tidak terjangkau').waitFor();
    expect(await board.locator('[data-service="PASPOR_PRIORITAS"]').innerText()).toContain('0 menunggu');
  });

  it("asks for a click while the browser's autoplay rule holds the board silent, and turns sound on with it", async () => {
    // Chromium keeps a page's Web Audio suspended until someone clicks or presses a key on it.
    const control = board.getByRole('button', { name: 'Klik untuk menyalakan suara' });
    await control.waitFor();
    expect(await board.locator('main.board').getAttribute('data-sound')).toBe('blocked');
    await shot(board, '60-queue-board-sound-off');
    await control.click();
    await control.waitFor({ state: 'detached' });
    expect(await board.locator('main.board').getAttribute('data-sound')).toBe('on');
  });

  it('issues a priority walk-in at reception and shows people ahead and the wait', async () => {
    await login(page, 'petugas1', password);
    await seeHeading(page, 'Loket 3');
    await page.getByRole('link', { name: 'Pendaftaran antrean' }).click();
    await seeHeading(page, 'Pendaftaran antrean');
    // An unknown booking code is refused in words.
    await page.getByLabel('Kode booking, pindai QR, atau NIK').fill('MP-TIDAKADA');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'Kode booking atau NIK tidak ditemukan.' }).waitFor();
    await page.getByLabel('Layanan', { exact: true }).selectOption('PASPOR_PRIORITAS');
    await page.getByLabel('Kelompok prioritas').selectOption('lansia');
    await page.getByRole('button', { name: 'Ambil nomor' }).click();
    const ticket = page.getByTestId('checkin-ticket');
    await ticket.getByText('L3B-001').waitFor();
    await ticket.getByText('0 orang di depan').waitFor();
    await ticket.getByText('Perkiraan menunggu 6 menit').waitFor();
    await shot(page, '60-queue-checkin');
    // The 80 mm ticket comes as a real PDF with the number on it.
    const ticketPdf = await downloaded(page, () => page.getByRole('button', { name: 'Cetak tiket' }).click());
    expect(ticketPdf.name).toBe('antrean-L3B-001.pdf');
    expect(pdfText(ticketPdf.path)).toContain('L3B-001');
    await board.locator('[data-service="PASPOR_PRIORITAS"]').getByText('1 menunggu').waitFor();
  });

  it('calls with F1 into a walk-in form for the ticket, refuses a second F1, and serves with F5; the board follows', async () => {
    // Escape leaves reception for the counter home.
    await page.keyboard.press('Escape');
    await seeHeading(page, 'Loket 3');
    await page.getByText('Tekan F1 untuk memanggil antrean berikutnya.').waitFor();
    await page.keyboard.press('F1');
    // The ticket opens its walk-in application with its priority group, the ticket in the strip above.
    await seeHeading(page, 'Pendaftaran: permohonan baru');
    await expect.poll(() => page.getByTestId('strip-ticket').textContent()).toBe('L3B-001');
    expect(await page.getByLabel('Kelompok prioritas').inputValue()).toBe('lansia');
    await board.getByTestId('board-current').getByText('L3B-001').waitFor();
    await board.getByText('Silakan ke loket 3').waitFor();
    await expect
      .poll(() => board.locator('main.board').getAttribute('data-announced'))
      .toBe('Nomor antrean L tiga B nol nol satu, silakan ke loket tiga');
    await shot(board, '61-queue-board');
    // F1 is disabled while a ticket is at the counter: the button says so too.
    expect(await page.locator('button[data-key="F1"]').isDisabled()).toBe(true);
    await page.keyboard.press('F5');
    await page.getByTestId('counter-strip').getByText('Dilayani').waitFor();
    // A second press right after the first is the same press: the service goes on.
    await page.keyboard.press('F5');
    expect(await page.getByRole('alertdialog').count()).toBe(0);
    await page.getByTestId('counter-strip').getByText('Dilayani').waitFor();
    await shot(page, '62-queue-walkin-for-ticket');
    // Once the guard second is over, F5 asks first: no application was made for the ticket.
    await enabled('F5');
    await page.keyboard.press('F5');
    const confirm = page.getByRole('alertdialog');
    await confirm.getByText('Belum ada permohonan untuk tiket L3B-001. Selesaikan layanan sekarang?').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => confirm.count()).toBe(0);
    await enabled('F5');
    await page.keyboard.press('F5');
    await confirm.waitFor();
    await page.keyboard.press('Enter');
    await seeHeading(page, 'Loket 3');
    await page.getByText('Tekan F1 untuk memanggil antrean berikutnya.').waitFor();
    await page.keyboard.press('F1');
    await page.getByText('Tidak ada antrean yang menunggu.').waitFor();
    await shot(page, '62-queue-counter');
  });

  it('transfers with F4, recalls with F2 and records a no-show with F3 after the third call', async () => {
    const admin = await app.call('auth.login', { username: ADMIN.username, password: ADMIN.password });
    app.advance(60_000);
    await app.call('queue.issue', { requestId: 'e2e-walkin-0001', serviceCode: 'PASPOR_PRIORITAS' }, admin.sessionToken);
    app.advance(60_000);
    await page.keyboard.press('F1');
    await expect.poll(() => page.getByTestId('strip-ticket').textContent()).toBe('L3B-002');
    await page.keyboard.press('F4');
    await page.getByLabel('Alihkan ke layanan').selectOption('PENGAMBILAN');
    await page.keyboard.press('Enter');
    // The officer is told the number the applicant keeps and where it waits now.
    await page
      .getByTestId('queue-moved')
      .getByText('Tiket L3B-002 dialihkan ke Pengambilan paspor: pemohon tetap memakai nomor L3B-002')
      .waitFor();
    await page.getByText('Tekan F1 untuk memanggil antrean berikutnya.').waitFor();
    await board.locator('[data-service="PENGAMBILAN"]').getByText('1 menunggu').waitFor();
    // The board drops the transferred ticket's call: the visit waits to be called afresh.
    await expect.poll(() => board.getByTestId('board-current').textContent()).not.toContain('L3B-002');
    // The visit continues in the other service with the same number: a collection opens the hand-over.
    await page.keyboard.press('F1');
    await seeHeading(page, 'Serah terima paspor');
    await expect.poll(() => page.getByTestId('strip-ticket').textContent()).toBe('L3B-002');
    await page.keyboard.press('F3');
    await page.getByRole('alert').filter({ hasText: 'tidak hadir baru boleh setelah 3 panggilan' }).waitFor();
    app.advance(30_000);
    await page.keyboard.press('F2');
    await page.getByText('dipanggil 2 kali').waitFor();
    await page.keyboard.press('F2');
    await page.getByText('dipanggil 3 kali').waitFor();
    await expect
      .poll(() => board.locator('main.board').getAttribute('data-announced'))
      .toBe('Nomor antrean L tiga B nol nol dua, silakan ke loket tiga');
    // Right after the third call the applicant has had no time to walk up: not a no-show yet.
    await page.keyboard.press('F3');
    await page.getByRole('alert').filter({ hasText: 'Tunggu 20 detik lagi setelah panggilan terakhir' }).waitFor();
    app.advance(20_000);
    await page.keyboard.press('F3');
    await page.getByText('Tekan F1 untuk memanggil antrean berikutnya.').waitFor();
  });

  it('parks with F6, calls the next one meanwhile and resumes the parked ticket from the list', async () => {
    const admin = await app.call('auth.login', { username: ADMIN.username, password: ADMIN.password });
    app.advance(60_000);
    await app.call('queue.issue', { requestId: 'e2e-walkin-0003', serviceCode: 'PASPOR_PRIORITAS' }, admin.sessionToken);
    app.advance(60_000);
    await app.call('queue.issue', { requestId: 'e2e-walkin-0004', serviceCode: 'PASPOR_PRIORITAS' }, admin.sessionToken);
    await page.getByText('Tidak ada antrean yang diparkir.').waitFor();
    await page.keyboard.press('F1');
    await expect.poll(() => page.getByTestId('strip-ticket').textContent()).toBe('L3B-003');
    await page.keyboard.press('F5');
    await page.getByTestId('counter-strip').getByText('Dilayani').waitFor();
    await page.keyboard.press('F6');
    await page.getByText('Tekan F1 untuk memanggil antrean berikutnya.').waitFor();
    const resume = page.getByRole('button', { name: 'Lanjutkan L3B-003' });
    await resume.waitFor();
    // Parked is not waiting: the board counts only L3B-004.
    await board.locator('[data-service="PASPOR_PRIORITAS"]').getByText('1 menunggu').waitFor();
    await page.keyboard.press('F1');
    await expect.poll(() => page.getByTestId('strip-ticket').textContent()).toBe('L3B-004');
    await page.keyboard.press('Escape');
    await seeHeading(page, 'Cari permohonan');
    await page.keyboard.press('Escape');
    await seeHeading(page, 'Loket 3');
    // The counter is busy: resuming waits until L3B-004 is done.
    expect(await resume.isDisabled()).toBe(true);
    await shot(page, '63-queue-parked');
    await page.keyboard.press('F5');
    await page.getByText('Dilayani').waitFor();
    await enabled('F5');
    await page.keyboard.press('F5');
    await page.getByRole('alertdialog').waitFor();
    await page.keyboard.press('Enter');
    await page.getByText('Tekan F1 untuk memanggil antrean berikutnya.').waitFor();
    await resume.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('queue-current').textContent()).toBe('L3B-003');
    await page.getByText('Dilayani').waitFor();
    await page.getByText('Tidak ada antrean yang diparkir.').waitFor();
    await enabled('F5');
    await page.keyboard.press('F5');
    await page.getByRole('alertdialog').waitFor();
    await page.keyboard.press('Enter');
    await page.getByText('Tekan F1 untuk memanggil antrean berikutnya.').waitFor();
  });
});

/** A queue key's button is enabled again (F5 sits out its repeat guard second after a press). */
async function enabled(key: string): Promise<void> {
  await expect.poll(() => page.locator(`button[data-key="${key}"]`).isDisabled()).toBe(false);
}
