// Runs before every test file (vitest.config.ts setupFiles). Accounts are created and logged in to all
// over the suite: hash their passwords at a trivial scrypt cost (the production cost is proven in
// tests/unit/passwords.test.ts). Both functions throw outside Vitest.
import { lowerPasswordCostForTests } from '@main/core/access/passwords.js';
import { lowerPasswordCostForTests as lowerCentralPasswordCostForTests } from '@server/admin/passwords.js';

lowerPasswordCostForTests();
lowerCentralPasswordCostForTests();
