// The renderer's texts: every key it asks for exists in Indonesian and English, the two dictionaries
// hold the same keys (with the plural forms each language needs), and no key is left unused.
// Keys built at run time (t(`roles.${u.role}`)) are enumerated from the domain and contract values
// they are built from; the few built from open-ended codes are declared below, each with its reason.
import { COUNTER_STEPS } from '@common/domain/applications/counter-steps.js';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { OP_ACTIONS } from '@common/central/op-authority.js';
import { OVERRIDE_ACTIONS } from '@common/contract/auth.js';
import { COUNTER_ACTIONS } from '@common/contract/applications/applications.js';
import { ApplicantView, PaymentView, ReceiptKind, ReceiptView } from '@common/contract/applications/schemas.js';
import { DeviceStatusSchema, DeviceView, FaceQualityView, ModalityStatus } from '@common/contract/biometrics.js';
import { DiscrepancyView, LateChangeView, EndOfDayReport } from '@common/contract/end-of-day.js';
import { FloorCounter } from '@common/contract/queue/floor.js';
import { QueueMode, queueCalls } from '@common/contract/queue/queue.js';
import { TICKET_STATUSES } from '@common/domain/queue/lifecycle.js';
import { ERROR_CODES } from '@common/contract/result.js';
import { Language } from '@common/contract/schemas.js';
import { OutboxStatusSchema, SyncItem, SyncStateSchema, syncCalls } from '@common/contract/sync.js';
import { APPLICATION_REASONS, MARITAL_STATUSES, PRIORITY_GROUPS } from '@common/domain/applications/applicant.js';
import { DOCUMENT_STATES } from '@common/domain/applications/checklist.js';
import { APPLICATION_STATUSES } from '@common/domain/applications/flow.js';
import { BIO_SUBTYPES, EXCEPTION_REASONS, MODALITIES } from '@common/domain/biometrics/modalities.js';
import type { PasswordProblem } from '@common/domain/shared/password-policy.js';
import { ROLES } from '@common/domain/shared/roles.js';
import { ANALYTICS_TABS } from '@renderer/features/analytics/route.js';
import { reasonKeys } from '@renderer/lib/errors.js';
import { localKeys, localTable, rendererKeyUses } from '../support/i18n-usage.js';
import { refusalReasons } from '../support/refusal-reasons.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
type Dictionary = { [key: string]: string | Dictionary };
const dictionary = (lang: string) => JSON.parse(readFileSync(`${root}/renderer/i18n/${lang}.json`, 'utf8')) as Dictionary;
const LANGS = Language.options;

/** Every member of a string union: the compiler refuses a missing or an extra one. */
const members = <T extends string>(all: Record<T, true>): T[] => Object.keys(all) as T[];
const under = (prefix: string, values: readonly string[]) => values.map((v) => `${prefix}${v}`);
const underscored = (values: readonly string[]) => values.map((v) => v.replace(/[. ]/g, '_'));

/** The document checklist's codes, seeded by the SQL migrations (the renderer shows them by code). */
function documentCodes(): string[] {
  const dir = `${root}/db/migrations`;
  const sql = readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .map((f) => readFileSync(`${dir}/${f}`, 'utf8'))
    .join('\n');
  const codes = [...sql.matchAll(/INSERT INTO document_types \(code[^)]*\) VALUES([\s\S]*?);/g)].flatMap((m) =>
    [...m[1]!.matchAll(/\(\s*'([A-Z_]+)'/g)].map((c) => c[1]!),
  );
  if (codes.length < 5) throw new Error('no document types found in db/migrations');
  return codes;
}

/** The key each refusal reason core or central answers with is shown under (its first key when none has a text). */
function reasonTextKeys(): string[] {
  const keys = new Set(leaves(dictionary('id')));
  return [...refusalReasons(root).keys()].map((r) => reasonKeys(r).find((k) => keys.has(k)) ?? reasonKeys(r)[0]!);
}

const passwordProblems = members<PasswordProblem>({
  tooShort: true,
  tooLong: true,
  needsLetter: true,
  needsDigit: true,
  containsUsername: true,
});
const syncStates = SyncStateSchema.options;
/** The overrides the application screens' approval form asks for (the capture screen has its own form). */

/**
 * Every key template in the renderer, by its fixed head, and the values it is built from. `open` marks a
 * head followed by codes another layer produces (core, central, the contract's zod messages) that the
 * renderer shows with a fallback when it has no text for them: every key under it counts as used.
 */
const TEMPLATES: Record<string, { values: readonly string[] } | { open: string }> = {
  'roles.': { values: ROLES },
  'lang.': { values: LANGS },
  'lang.short.': { values: LANGS },
  // The live checklist names each rule; the forms turn the same problems into field codes (fields.password.*).
  'password.': { values: passwordProblems },
  'errors.': { values: ERROR_CODES },
  'sync.lastError.': { open: "the sync client's and central's error codes; one without a text shows sync.lastError.other with its code" },
  'fields.': { open: "field problem codes: the contract's zod messages, core's details.fields, the forms' own checks" },
  'admin.tabs.': { values: localTable(root, 'renderer/features/admin/AdminHome.tsx', 'TABS') },
  'analytics.tab.': { values: ANALYTICS_TABS },
  'analytics.staffing.field.': { values: localTable(root, 'renderer/features/analytics/StaffingPanel.tsx', 'NUMBER_FIELDS') },
  // Every action write() accepts is an op action; the training seed audits its own, outside write().
  'audit.actions.': { values: [...underscored(OP_ACTIONS), 'training_seed'] },
  'auditSummary.keys.': { open: "the summary's field names are whatever each use case records; unknown ones show raw" },
  'auditSummary.reasons.': { open: "reasons core writes into a summary (a refused login's 'locked'); unknown ones show raw" },
  'auditSummary.modes.': { values: QueueMode.options },
  'auditSummary.overrideActions.': { values: underscored(OVERRIDE_ACTIONS) },
  // One supervisor-override form for every action a supervisor may authorise, titled by the action.
  'override.title.': { values: underscored(OVERRIDE_ACTIONS) },
  'applications.status.': { values: APPLICATION_STATUSES },
  'applications.action.': { values: COUNTER_ACTIONS },
  // The application's facts (ApplicationScreen's rows) and the walk-in form's fields (label(field) over FormValues).
  'applications.field.': {
    values: [
      ...localTable(root, 'renderer/features/applications/ApplicationScreen.tsx', 'rows'),
      // serviceCode's label is the service picker's own (applications.field.service).
      ...localKeys(root, 'renderer/features/applications/draft.ts', 'EMPTY').filter((k) => k !== 'serviceCode'),
    ],
  },
  'applications.sex.': { values: ApplicantView.shape.sex.options },
  'applications.payment.status.': { values: PaymentView.shape.status.options },
  'applications.receipts.kind.': { values: ReceiptKind.options },
  'applications.receipts.status.': { values: ReceiptView.shape.status.options },
  'applications.documents.state.': { values: DOCUMENT_STATES },
  'applications.documents.short.': { values: documentCodes() },
  'applications.problems.': {
    open: 'problem codes of the domain (nik.serial, mrz.checkDigit...) and of core; unknown ones read as invalid',
  },
  'capture.modality.': { values: MODALITIES },
  'counterFlow.step.': { values: COUNTER_STEPS },
  'counterFlow.state.': { values: ['done', 'current', 'todo'] },
  'capture.subtype.': { values: underscored(BIO_SUBTYPES) },
  'capture.state.': { values: ModalityStatus.shape.state.options },
  'capture.exception.reasons.': { values: EXCEPTION_REASONS },
  'capture.face.problems.': { values: FaceQualityView.shape.problems.element.options },
  'capture.devices.status.': { values: underscored(DeviceStatusSchema.options) },
  'capture.devices.type.': { values: DeviceView.shape.bioType.options },
  'queue.status.': { values: TICKET_STATUSES },
  'queue.groups.': { values: PRIORITY_GROUPS },
  'queue.counter.pendingKind.': { values: queueCalls['queue.pendingActions'].output.shape.actions.element.shape.kind.options },
  'queue.reasons.': { open: "the queue's refusal reasons from central and core (queue.counterBusy...); unknown ones get the generic text" },
  'floor.status.': { values: FloorCounter.shape.ticket.unwrap().shape.status.options },
  // The report's own refusals (OWN_CODES) and its blockers, which are the same eod.* codes.
  'endOfDay.errors.': { values: localTable(root, 'renderer/features/end-of-day/EndOfDayScreen.tsx', 'OWN_CODES') },
  'endOfDay.kinds.': { values: DiscrepancyView.shape.kind.options },
  'endOfDay.late.statuses.': { values: LateChangeView.shape.status.options },
  // A 'checked' office shows its desks instead of a sentence.
  'endOfDay.office.': { values: EndOfDayReport.shape.office.unwrap().shape.status.options.filter((s) => s !== 'checked') },
  // The status shows 'idle' as online.
  'sync.state.': { values: syncStates.map((s) => (s === 'idle' ? 'online' : s)) },
  'sync.explain.': { values: syncStates },
  'sync.filter.': { values: syncCalls['sync.list'].input.shape.filter.unwrap().options },
  'sync.status.': { values: OutboxStatusSchema.options },
  'sync.resolution.': { values: SyncItem.shape.resolution.unwrap().options },
  'sync.conflict.': { values: syncCalls['sync.resolveConflict'].input.shape.choice.options.map((side) => `${side}Short`) },
  'sync.entities.': { open: 'entity names of the outbox (core names them as it writes); unknown ones show raw' },
  'sync.fields.': { open: 'field names of synced records in a conflict or a summary; unknown ones show raw' },
  'sync.reasons.': { open: "central's rejection reason codes (username.taken...); unknown ones show raw" },
  'sync.enrol.problems.': { open: 'field problems of an enrolment central refused; unknown ones read as invalid' },
};

/** The i18n blocks the three supervisor-override forms hand to useSupervisorOverride. */

/**
 * Calls whose key the parser cannot read (a helper's result, a prefix passed in), by file and argument,
 * with the keys they can produce. 'templates' means the keys come from templates of the same file, above.
 */
const INDIRECT: Record<string, readonly string[] | 'templates'> = {
  // A refusal's reason: the first of its keys (reasons.*, then the feature blocks) that has a text.
  'renderer/lib/errors.ts key': reasonTextKeys(),
  'renderer/features/audit/AuditTrail.tsx lookup': 'templates',
  'renderer/features/capture/CaptureScreen.tsx subtypeKey(x.bioSubType)': under('capture.subtype.', underscored(BIO_SUBTYPES)),
  'renderer/features/capture/QualityTable.tsx subtypeKey(item.bioSubType)': 'templates',
  'renderer/features/capture/QualityTable.tsx subtypeKey(shown.subType)': 'templates',
  // COLUMNS: [['issued', 'endOfDay.issued'], ...], the key second.
  'renderer/features/end-of-day/TicketTables.tsx label': localTable(root, 'renderer/features/end-of-day/TicketTables.tsx', 'COLUMNS', 1),
  // optionsOf(t, prefix, values): the select's options, '' reading as 'none'. Its callers: the role and
  // language pickers and the applicant's reason, priority group, sex and marital status.
  "renderer/components/SelectField.tsx `${prefix}.${value || 'none'}`": [
    ...under('roles.', ROLES),
    ...under('lang.', LANGS),
    ...under('applications.reason.', APPLICATION_REASONS),
    ...under('applications.priority.', ['none', ...PRIORITY_GROUPS]),
    ...under('applications.sex.', ApplicantView.shape.sex.options),
    ...under('applications.marital.', ['none', ...MARITAL_STATUSES]),
  ],
  // A problem code's text: problemText() asks i18n which of fields.* or applications.problems.* exists.
  'renderer/components/Field.tsx key': 'templates',
  // useSupervisorOverride(action, onGranted, texts) is given these blocks by its three forms.
};

const PLURAL = /_(zero|one|two|few|many|other)$/;
function leaves(dict: Dictionary, prefix = ''): string[] {
  return Object.entries(dict).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : leaves(v, `${prefix}${k}.`)));
}

const dicts = Object.fromEntries(LANGS.map((l) => [l, leaves(dictionary(l))])) as Record<(typeof LANGS)[number], string[]>;
/** What t() can name: a plain key, or a plural key by its base ('sync.attempts' for sync.attempts_other). */
const baseKeys = (keys: string[]) => new Set(keys.map((k) => k.replace(PLURAL, '')));
const known = baseKeys(dicts.id);
const uses = rendererKeyUses(root, new Set(Object.keys(dictionary('id'))));

describe('i18n dictionaries', () => {
  it('hold the same keys in Indonesian and English', () => {
    const [id, en] = [baseKeys(dicts.id), baseKeys(dicts.en)];
    expect(
      [...id].filter((k) => !en.has(k)),
      'only in id.json',
    ).toEqual([]);
    expect(
      [...en].filter((k) => !id.has(k)),
      'only in en.json',
    ).toEqual([]);
  });

  it("give each plural key exactly the forms its language's plural rules pick", () => {
    for (const lang of LANGS) {
      const forms = new Intl.PluralRules(lang)
        .resolvedOptions()
        .pluralCategories.map((c) => `_${c}`)
        .sort();
      const plural = new Map<string, string[]>();
      for (const k of dicts[lang]) {
        const m = PLURAL.exec(k);
        if (m) plural.set(k.slice(0, m.index), [...(plural.get(k.slice(0, m.index)) ?? []), m[0]]);
      }
      const wrong = [...plural].filter(([, got]) => got.sort().join() !== forms.join()).map(([k, got]) => `${k}: ${got.join(' ')}`);
      expect(wrong, `${lang}.json should have ${forms.join(' ')}`).toEqual([]);
    }
  });
});

describe('keys the renderer asks for', () => {
  it('finds the renderer asking (the scan is not blind)', () => {
    expect(uses.literalKeys.size).toBeGreaterThan(300);
    expect(uses.templates.length).toBeGreaterThan(40);
    expect(uses.literalKeys.get('app.name')).toBeDefined();
  });

  it('asks only for keys both dictionaries have', () => {
    const missing = [...uses.literalKeys].filter(([k]) => !known.has(k)).map(([k, where]) => `${k} (${where})`);
    expect(missing).toEqual([]);
  });

  it('declares every key template above, and no template that is gone', () => {
    const heads = new Set(uses.templates.map((t) => t.head));
    const undeclared = uses.templates.filter((t) => !(t.head in TEMPLATES)).map((t) => `${t.head} (${t.where})`);
    expect(undeclared, 'key templates this test does not know: declare their values in TEMPLATES').toEqual([]);
    expect(Object.keys(TEMPLATES).filter((h) => !heads.has(h))).toEqual([]);
  });

  it('declares every call whose key the parser cannot read, and none that is gone', () => {
    const sites = new Set(uses.indirect.map((u) => `${u.file} ${u.text}`));
    const undeclared = uses.indirect.filter((u) => !(`${u.file} ${u.text}` in INDIRECT)).map((u) => `${u.where} ${u.text}`);
    expect(undeclared, 'declare these in INDIRECT with the keys they produce').toEqual([]);
    expect(Object.keys(INDIRECT).filter((s) => !sites.has(s))).toEqual([]);
  });

  it('has a text for every value a key template or an indirect call is built from', () => {
    const wanted = [
      ...Object.entries(TEMPLATES).flatMap(([head, d]) => ('values' in d ? under(head, d.values) : [])),
      ...Object.values(INDIRECT).flatMap((keys) => (keys === 'templates' ? [] : keys)),
    ];
    expect(wanted.filter((k) => !known.has(k))).toEqual([]);
  });
});

describe('unused keys', () => {
  it('has none: every key is asked for, built from a declared template, or named by an indirect call', () => {
    const used = new Set([
      ...uses.literalKeys.keys(),
      ...Object.entries(TEMPLATES).flatMap(([head, d]) => ('values' in d ? under(head, d.values) : [])),
      ...Object.values(INDIRECT).flatMap((keys) => (keys === 'templates' ? [] : keys)),
    ]);
    const openHeads = Object.entries(TEMPLATES).flatMap(([head, d]) => ('open' in d ? [head] : []));
    const unused = [...known].filter((k) => !used.has(k) && !openHeads.some((h) => k.startsWith(h)));
    expect(unused).toEqual([]);
  });
});
