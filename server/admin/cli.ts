// `npm run server -- admin <command>`: the admin API from a terminal. Finds the running server through
// central.json in its data folder (or --url / LOKET_CENTRAL_URL) and the token the server generated.
import { parseArgs } from 'node:util';
import { adminRoutes, routePath, type AdminRoute } from '@common/central/routes.js';
import { defaultCentralDir, loadAdminToken, readRuntimeInfo } from '../config.js';

const USAGE = `Usage: npm run server -- admin <command> [options]
  office-create <code> --name <name> --city <city> --tz <Asia/Jakarta|Asia/Makassar|Asia/Jayapura>
  enrol-code <office> [--ttl <hours>]          a single-use enrolment code for one workstation
  workstations [office]                         list enrolled workstations
  revoke <workstation-id>                       revoke one (takes effect on its next request)
  user-create --office <code> --username <u> --full-name <name> --role <officer|supervisor|admin>
              --password <temporary> [--services A,B] [--language id|en]
  compact <office> [--up-to <seq>]              drop change history; older cursors get a snapshot
Options: --url <central url>, --dir <data folder>; the token comes from LOKET_ADMIN_TOKEN or <dir>/admin-token.`;

export async function runCli(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
  out: (s: string) => void = console.log,
): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      url: { type: 'string' },
      dir: { type: 'string' },
      name: { type: 'string' },
      city: { type: 'string' },
      tz: { type: 'string' },
      ttl: { type: 'string' },
      office: { type: 'string' },
      username: { type: 'string' },
      'full-name': { type: 'string' },
      role: { type: 'string' },
      password: { type: 'string' },
      services: { type: 'string' },
      language: { type: 'string' },
      'up-to': { type: 'string' },
    },
  });
  const [command, arg] = positionals;
  if (!command) {
    out(USAGE);
    return 2;
  }
  const dir = values.dir ?? defaultCentralDir(env);
  const url = values.url ?? env.LOKET_CENTRAL_URL ?? readRuntimeInfo(dir)?.url;
  if (!url) {
    out(`No central server found: start it with npm run server, or pass --url.\n\n${USAGE}`);
    return 2;
  }
  const { token } = loadAdminToken(dir, env);
  // What the terminal typed goes to central unchecked: central's validation answers a wrong option.
  const call = async (route: AdminRoute, input: { params?: object; query?: object; body?: unknown } = {}): Promise<unknown> => {
    const { body } = input;
    const res = await fetch(new URL(routePath(route, input), url), {
      method: route.method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await res.json()) as unknown;
    if (!res.ok) throw new Error(`${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  const num = (v: string | undefined): number | undefined => (v === undefined ? undefined : Number(v));
  let result: unknown;
  switch (command) {
    case 'office-create':
      result = await call(adminRoutes.saveOffice, { body: { code: arg, name: values.name, city: values.city, tz: values.tz } });
      break;
    case 'enrol-code':
      result = await call(adminRoutes.enrolmentCode, { body: { officeCode: arg, ...(values.ttl ? { ttlHours: num(values.ttl) } : {}) } });
      break;
    case 'workstations':
      result = await call(adminRoutes.workstations, { query: { office: arg || undefined } });
      break;
    case 'revoke':
      result = await call(adminRoutes.revoke, { params: { id: arg ?? '' } });
      break;
    case 'user-create':
      result = await call(adminRoutes.createUser, {
        body: {
          officeCode: values.office,
          username: values.username,
          fullName: values['full-name'],
          role: values.role,
          password: values.password,
          services: values.services ? values.services.split(',').filter(Boolean) : [],
          ...(values.language ? { language: values.language } : {}),
        },
      });
      break;
    case 'compact':
      result = await call(adminRoutes.compact, { body: { officeCode: arg, ...(values['up-to'] ? { upTo: num(values['up-to']) } : {}) } });
      break;
    default:
      out(USAGE);
      return 2;
  }
  out(JSON.stringify(result, null, 2));
  return 0;
}
