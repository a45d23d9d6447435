import type { Page } from '@playwright/test';
import { expect, nextSignInPopup } from './fixtures.js';

/** A new user's actions in ConnectDesk, named as the user would say them. */
export class ConnectDeskUi {
  constructor(readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.page.getByRole('heading', { level: 1 })).toBeVisible();
  }

  async createFolder(name: string): Promise<void> {
    await this.page.getByRole('button', { name: 'New folder' }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByLabel('Folder name').fill(name);
    await dialog.getByRole('button', { name: /create/i }).click();
    await expect(dialog).toBeHidden();
  }

  async openFolder(name: string): Promise<void> {
    await this.page.getByRole('navigation').getByRole('button', { name: new RegExp(`^${name}`) }).or(this.page.getByRole('treeitem', { name: new RegExp(`^${name}`) })).first().click();
    await expect(this.page.getByRole('heading', { level: 1, name })).toBeVisible();
  }

  /** Add connection → search → Confluence Cloud → the creation page. */
  async startAddConnection(): Promise<void> {
    await this.page.getByRole('button', { name: 'Add connection' }).first().click();
    const search = this.page.getByRole('textbox', { name: 'Search connectors' });
    await search.fill('conflu');
    await this.page.getByRole('dialog').getByText('Confluence Cloud', { exact: true }).first().click();
    await expect(this.page.getByLabel('Connection name')).toBeVisible();
  }

  async fillSettings(options: { name?: string; byo?: { clientId: string; clientSecret: string } }): Promise<void> {
    const dialog = this.page.getByRole('dialog');
    if (options.name) await dialog.getByLabel('Connection name').fill(options.name);
    if (options.byo) {
      await dialog.getByRole('radio', { name: /Bring your own OAuth 2.0 app/ }).check();
      await dialog.getByLabel('Client ID').fill(options.byo.clientId);
      await dialog.getByLabel('Client secret', { exact: true }).fill(options.byo.clientSecret);
    }
  }

  /** Connect → permissions screen → Accept; returns the sign-in popup. */
  async connectAndAccept(): Promise<Page> {
    const dialog = this.page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Connect' }).click();
    await expect(dialog.getByText(/will be able to/i)).toBeVisible();
    return nextSignInPopup(this.page, () => dialog.getByRole('button', { name: 'Accept' }).click());
  }

  /**
   * Signs in on the sandbox's pages. The shell's popup shares the browser's cookies, so a second
   * sign-in may land on the consent page of the previous account: switch account, as a person would.
   */
  /** Accept on the permissions screen that is already showing; returns the sign-in popup. */
  async connectAcceptOnly(): Promise<Page> {
    return nextSignInPopup(this.page, () => this.page.getByRole('dialog').getByRole('button', { name: 'Accept' }).click());
  }

  async signInAtAtlassian(popup: Page, options: { email?: string; decision?: 'Accept' | 'Cancel' } = {}): Promise<void> {
    const email = options.email ?? 'demo@example.com';
    const emailField = popup.getByLabel('Email');
    const switchAccount = popup.getByRole('link', { name: /Switch account/i });
    await expect(emailField.or(switchAccount)).toBeVisible();
    if (await switchAccount.isVisible()) {
      if (await popup.getByText(email).isVisible()) return this.decide(popup, options.decision);
      await switchAccount.click();
    }
    await emailField.fill(email);
    await popup.getByLabel('Password').fill('connectdesk');
    await popup.getByRole('button', { name: 'Sign in' }).click();
    await this.decide(popup, options.decision);
  }

  private async decide(popup: Page, decision: 'Accept' | 'Cancel' = 'Accept'): Promise<void> {
    await popup.getByRole('button', { name: decision }).click();
  }

  async chooseSite(name: string): Promise<void> {
    const dialog = this.page.getByRole('dialog');
    await dialog.getByRole('radio', { name: new RegExp(name) }).check();
    await dialog.getByRole('button', { name: 'Continue' }).click();
  }

  async finishDone(): Promise<void> {
    const dialog = this.page.getByRole('dialog');
    await expect(dialog.getByText(/is connected/i)).toBeVisible();
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect(dialog).toBeHidden();
  }

  row(name: string) {
    return this.page.getByRole('row').filter({ hasText: name });
  }

  async checkConnection(name: string): Promise<void> {
    await this.rowAction(name, 'Check connection');
  }

  async rowAction(name: string, action: string): Promise<void> {
    await this.page.getByRole('button', { name: `More actions for ${name}`, exact: true }).click();
    await this.page.getByRole('menuitem', { name: action, exact: true }).click();
  }

  async folderAction(name: string, action: string): Promise<void> {
    await this.page.getByRole('button', { name: `More actions for folder ${name}`, exact: true }).click();
    await this.page.getByRole('menuitem', { name: action, exact: true }).click();
  }

  /** Adds a managed-app connection for an account with one Confluence site. */
  async addConnection(name: string, email = 'solo@example.com'): Promise<void> {
    await this.startAddConnection();
    await this.fillSettings({ name });
    const popup = await this.connectAndAccept();
    await this.signInAtAtlassian(popup, { email });
    await this.finishDone();
    await expect(this.row(name)).toContainText('Connected');
  }

  /** The failure banner on the creation page. */
  errorBanner() {
    return this.page.getByRole('dialog').getByRole('alert');
  }
}
