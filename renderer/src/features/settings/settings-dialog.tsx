import { useState } from 'react';
import type { ErrorInfoDto, SettingsDto } from '../../../../preload/contract';
import { toErrorInfo } from '../../api/ui-error';
import { ErrorBanner } from '../../components/banner';
import { Button } from '../../components/button';
import { ChoiceList } from '../../components/choice-list';
import { Modal } from '../../components/modal';
import { BackupSection } from '../backup/backup-section';
import { SupportBundleSection } from '../diagnostics/support-bundle-section';
import { SecuritySection } from '../security/security-section';
import { useSettingsStore } from './settings-store';

type EnvironmentId = SettingsDto['environmentId'];

export function SettingsDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const settings = useSettingsStore((s) => s.settings);
  const appInfo = useSettingsStore((s) => s.appInfo);
  const loadError = useSettingsStore((s) => s.error);
  const setEnvironment = useSettingsStore((s) => s.setEnvironment);
  const [choice, setChoice] = useState<EnvironmentId | null>(null);
  const [failure, setFailure] = useState<ErrorInfoDto | null>(null);
  const [busy, setBusy] = useState(false);

  const selected = choice ?? settings?.environmentId ?? null;
  const changed = settings !== null && selected !== null && selected !== settings.environmentId;

  const handleOpenChange = (next: boolean) => {
    setChoice(null);
    setFailure(null);
    setBusy(false);
    onOpenChange(next);
  };

  // The environment applies with its own button: Security and Backups act at once, so a dialog-wide Save would mislead.
  const applyEnvironment = async () => {
    if (!changed || selected === null) return;
    setBusy(true);
    setFailure(null);
    try {
      await setEnvironment(selected);
      setChoice(null);
    } catch (error) {
      setFailure(toErrorInfo(error));
    } finally {
      setBusy(false);
    }
  };
  const selectedLabel = settings?.environments.find((env) => env.id === selected)?.label ?? '';

  return (
    <Modal open={open} onOpenChange={handleOpenChange} title="Settings" size="md">
      <div className="form-stack">
        {failure ? <ErrorBanner error={failure} /> : null}
        {loadError && !settings ? <ErrorBanner error={loadError} /> : null}
        <section className="settings-section" aria-labelledby="settings-env-heading">
          <h3 id="settings-env-heading" className="section-title">
            Environment
          </h3>
          <p className="section-text">Where ConnectDesk signs in and calls Confluence. New connections use this environment.</p>
          {settings ? (
            <ChoiceList
              labelledBy="settings-env-heading"
              value={selected}
              onChange={(value) => setChoice(value)}
              options={settings.environments.map((env) => ({ value: env.id, label: env.label, description: env.description }))}
            />
          ) : (
            <p className="section-text">Loading…</p>
          )}
          {changed ? (
            <div className="section-actions">
              <Button onClick={() => setChoice(null)} disabled={busy}>
                Keep current
              </Button>
              <Button variant="primary" busy={busy} onClick={applyEnvironment}>
                Use {selectedLabel}
              </Button>
            </div>
          ) : null}
        </section>
        <SecuritySection />
        <BackupSection />
        <SupportBundleSection />
        {appInfo ? (
          <section className="settings-section" aria-labelledby="settings-about-heading">
            <h3 id="settings-about-heading" className="section-title">
              About
            </h3>
            <dl className="facts">
              <dt>Version</dt>
              <dd>
                {appInfo.name} {appInfo.version} ({appInfo.host === 'electron' ? 'desktop app' : 'browser shell'}, {appInfo.platform})
              </dd>
            </dl>
          </section>
        ) : null}
        <div className="modal-footer modal-footer-inline">
          <Button onClick={() => handleOpenChange(false)}>Done</Button>
        </div>
      </div>
    </Modal>
  );
}
