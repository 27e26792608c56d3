import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

// The snippets are not files of the project, so the type-aware rules (which need one) are off here.
const eslint = new ESLint({ overrideConfig: tseslint.configs.disableTypeChecked });
const errors = async (filePath: string, code: string) =>
  (await eslint.lintText(code, { filePath }))[0]!.messages.filter((m) => m.ruleId === 'no-restricted-imports').length;

describe('the layering (docs/architecture.md) is enforced by lint', () => {
  it.each([
    ['common/domain/x.ts', "import { openDatabase } from '@db/connection.js';"],
    ['common/domain/x.ts', "import { readFileSync } from 'node:fs';"],
    ['db/queries/x.ts', "import { Core } from '@main/core/core.js';"],
    ['main/core/x.ts', "import { app } from 'electron';"],
    ['main/core/x.ts', "import { dispatch } from '../ipc/dispatch.js';"],
    ['renderer/x.tsx', "import { Core } from '../main/core/core.js';"],
    ['renderer/x.tsx', "import { readFileSync } from 'fs';"],
    ['server/x.ts', "import { openDatabase } from '../db/connection.js';"],
    ['common/domain/queue/x.ts', "import { openDatabase } from '@db/connection.js';"],
    ['db/queries/x.ts', "import { Core } from '@main/core/core.js';"],
    ['main/core/queue/x.ts', "import { dispatch } from '@main/ipc/dispatch.js';"],
    ['main/core/queue/x.ts', "import { startSync } from '@main/sync/index.js';"],
    ['main/core/core.ts', "import { startSync } from '../sync/index.js';"],
    ['renderer/features/queue/x.tsx', "import { Core } from '@main/core/core.js';"],
    ['server/queue/x.ts', "import { openDatabase } from '@db/connection.js';"],
    ['main/start.ts', "import { createCentral } from '@server/app.js';"],
    ['tests/unit/x.test.ts', "import { Core } from '../../main/core/core.js';"],
  ])('%s may not: %s', async (file, code) => {
    expect(await errors(file, `${code}\nexport {};\n`)).toBeGreaterThan(0);
  });

  it.each([
    ['main/core/x.ts', "import { openDatabase } from '@db/connection.js';"],
    ['main/host/x.ts', "import { app } from 'electron';"],
    ['renderer/x.tsx', "import type { CallName } from '../common/contract/index.js';"],
    ['main/core/queue/x.ts', "import { write } from '../kernel/context.js';"],
    ['main/core/queue/x.ts', "import { openDatabase } from '@db/connection.js';"],
    ['main/start.ts', "import { startEmbeddedCentral } from '@server/embedded.js';"],
    ['renderer/features/queue/x.tsx', "import type { CallName } from '@common/contract/index.js';"],
  ])('%s may: %s', async (file, code) => {
    expect(await errors(file, `${code}\nexport {};\n`)).toBe(0);
  });
});
