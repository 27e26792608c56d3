// The 80 mm ticket a new ticket prints as: the PDF engineer's renderer, filled from the issued ticket.
import type { IssuedTicket, QueueConfig } from '@common/contract/queue/central.js';
import type { OfficeContext } from '../kernel/office.js';
import { renderQueueTicket } from '../pdf/index.js';

const GROUP_NAMES: Record<string, { id: string; en: string }> = {
  lansia: { id: 'Lansia', en: 'Senior' },
  disabilitas: { id: 'Disabilitas', en: 'Disability' },
  ibu_hamil: { id: 'Ibu hamil', en: 'Pregnant' },
  balita: { id: 'Balita', en: 'Toddler' },
  sakit: { id: 'Sakit', en: 'Sick' },
};

export async function ticketPdfBase64(
  o: OfficeContext,
  config: QueueConfig,
  issued: IssuedTicket,
  language: 'id' | 'en',
  training: boolean,
): Promise<string> {
  const t = issued.ticket;
  const service = config.services.find((s) => s.code === t.serviceCode);
  const group = t.priorityGroup ? GROUP_NAMES[t.priorityGroup] : undefined;
  const note = group
    ? { id: `Prioritas: ${group.id}`, en: `Priority: ${group.en}` }
    : t.bookingCode
      ? { id: `Janji temu ${t.bookingCode}`, en: `Appointment ${t.bookingCode}` }
      : null;
  const bytes = await renderQueueTicket({
    office: { code: o.code, name: o.name, address: o.city, timeZone: o.tz },
    ticketNumber: t.number,
    ticketId: t.id,
    service: { id: service?.nameId ?? t.serviceCode, en: service?.nameEn ?? t.serviceCode },
    issuedAt: t.arrivedAt,
    peopleAhead: issued.ahead,
    estimatedWaitMinutes: Math.round(issued.estimatedWaitMs / 60_000),
    language,
    note,
    training,
  });
  return Buffer.from(bytes).toString('base64');
}
