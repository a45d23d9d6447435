import { test, expect } from './support/fixtures.js';
import { ConnectDeskUi } from './support/connectdesk-ui.js';

test.use({ inProcessSandbox: true });

test('the sandbox started inside the app keeps its grants across a restart', async ({ page, world }) => {
  const ui = new ConnectDeskUi(page);
  await ui.open(world.shellUrl);
  await ui.startAddConnection();
  await ui.fillSettings({ name: 'Kept across restarts' });
  const popup = await ui.connectAndAccept();
  await ui.signInAtAtlassian(popup, { email: 'solo@example.com' });
  await ui.finishDone();

  await ui.open(await world.restartShell());
  await expect(ui.row('Kept across restarts')).toContainText('Connected');
  await ui.checkConnection('Kept across restarts');
  const result = page.getByRole('dialog');
  await expect(result.getByText('View spaces')).toBeVisible();
  await expect(result.getByText('The connection works.')).toBeVisible();
  await expect(result.getByText(/: failed/)).toHaveCount(0);
});
