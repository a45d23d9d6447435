import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openConfSettings } from '../../main/core/store/settings-store.js';

describe('settings: the environment', () => {
  it('the first run saves its environment, so another process on the folder (the CLI) uses it; a later default changes nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cd-settings-'));
    const app = openConfSettings(dir, 'sandbox');
    // Before the app saves it, a reader with another default does not see it.
    expect(openConfSettings(dir, 'atlassian-cloud').environmentId()).toBe('atlassian-cloud');
    app.saveFirstRunEnvironment();
    expect(openConfSettings(dir, 'atlassian-cloud').environmentId()).toBe('sandbox');
    // A later start with another CONNECTDESK_ENVIRONMENT keeps what was saved (Settings changes it).
    const later = openConfSettings(dir, 'atlassian-cloud');
    later.saveFirstRunEnvironment();
    expect(later.environmentId()).toBe('sandbox');
    later.setEnvironmentId('atlassian-cloud');
    expect(openConfSettings(dir, 'sandbox').environmentId()).toBe('atlassian-cloud');
  });
});
