// What the logs of the workstation and of central may never hold, kept in one place for both: the
// logger's redaction paths (a second line of defence; the code itself logs codes, ids and counts) and
// an error serializer that keeps an error's kind and place but not the data it may quote.

/** Keys whose values are personal data, secrets or whole bodies of data. */
export const PRIVATE_LOG_KEYS = [
  'nik',
  'name',
  'fullName',
  'full_name',
  'fatherName',
  'motherName',
  'representativeName',
  'collector',
  'applicant',
  'address',
  'phone',
  'email',
  'birthDate',
  'birthPlace',
  'passportNumber',
  'identityNumber',
  'password',
  'passwordHash',
  'newPassword',
  'token',
  'sessionToken',
  'overrideToken',
  'adminToken',
  'authorization',
  'cookie',
  'payload',
  'ops',
  'data',
  'body',
  'bioValue',
  'image',
  'photo',
] as const;

const DEPTHS = ['', '*.', '*.*.', '*.*.*.'];

/** pino `redact` paths: each private key at the top and up to three levels down (arrays included). */
export const LOG_REDACT_PATHS: string[] = DEPTHS.flatMap((prefix) => PRIVATE_LOG_KEYS.map((key) => `${prefix}${key}`));

export const LOG_CENSOR = '[redacted]';

/** NIKs (16 digits), phone and card numbers: any run of ten digits or more. */
const LONG_DIGITS = /\d{10,}/g;
/** Quoted text: what parsers and careless messages quote is the input (`Unexpected token 'S', "Siti..."`). */
const QUOTED = /"[^"\n]*"|'[^'\n]*'|`[^`\n]*`/g;

/** An error message or stack as it may be logged: long digit runs and quoted text taken out. */
export const scrubMessage = (text: string): string => text.replace(QUOTED, '[quoted]').replace(LONG_DIGITS, '[digits]');

export interface LoggedError {
  type: string;
  message: string;
  code?: string;
  stack?: string;
}

/**
 * Only an error's type, code, message and stack, the last two scrubbed (scrubMessage): database and
 * parser errors carry the offending values in other fields (`detail`, `parameters`, `input`), which
 * are left out.
 */
export function errorForLog(err: unknown): unknown {
  if (typeof err === 'string') return scrubMessage(err);
  if (!(err instanceof Error)) return { type: typeof err };
  const code = (err as { code?: unknown }).code;
  const logged: LoggedError = {
    type: err.name,
    message: scrubMessage(err.message),
    ...(typeof code === 'string' ? { code } : {}),
    ...(err.stack ? { stack: scrubMessage(err.stack) } : {}),
  };
  return logged;
}

/** The logger options both sides share (pino's shape, kept free of pino's types so common/ stays pure). */
export function privateLogOptions(level: string): {
  level: string;
  redact: { paths: string[]; censor: string };
  serializers: { err: (err: unknown) => unknown };
} {
  return { level, redact: { paths: LOG_REDACT_PATHS, censor: LOG_CENSOR }, serializers: { err: errorForLog } };
}
