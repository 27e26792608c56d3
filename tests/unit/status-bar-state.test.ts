// A hung central is not "Online": the status bar names it apart from offline, in both languages.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '@common/contract/sync.js';
import { stateKey, syncTone } from '@renderer/shell/StatusBar.js';

const status = (patch: Partial<SyncStatus>): SyncStatus => ({
  state: 'idle',
  online: true,
  enrolled: true,
  centralUrl: 'http://central',
  embedded: false,
  workstationId: 'ws',
  officeCode: 'banyumanik',
  pendingOps: 0,
  rejected: 0,
  held: 0,
  conflicts: 0,
  lastSyncAt: 0,
  lastAttemptAt: 0,
  nextAttemptAt: null,
  lastError: null,
  training: false,
  cursor: 0,
  ...patch,
});

const label = (lang: 'id' | 'en', key: string): string =>
  (JSON.parse(readFileSync(`renderer/i18n/${lang}.json`, 'utf8')) as { sync: { state: Record<string, string> } }).sync.state[key]!;

describe('the status bar when central does not answer', () => {
  it('says "not answering", not Online, even if the last round had set online', () => {
    for (const online of [false, true]) {
      const s = status({ state: 'notAnswering', online });
      expect(syncTone(s)).toBe('offline');
      expect(stateKey(s)).toBe('notAnswering');
    }
    expect(label('en', 'notAnswering')).toBe('Central not answering');
    expect(label('id', 'notAnswering')).toBe('Pusat tidak menjawab');
    expect(label('en', stateKey(status({})))).toBe('Online');
  });
});
