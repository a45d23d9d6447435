import { useState } from 'react';
import { ErrorBanner, WarnNote } from '../../components/banner';
import { Button } from '../../components/button';
import { ChoiceList } from '../../components/choice-list';
import { useAddConnectionStore } from './add-connection-store';

/**
 * Step 5: the account can reach several sites; the user picks the one this connection uses.
 * A reconnect whose sign-in cannot reach the connection's site also stops here (even with one
 * site), says so, and nothing is preselected: the user chooses knowingly, or cancels.
 */
export function SiteStep() {
  const sites = useAddConnectionStore((s) => s.sites);
  const choosingSite = useAddConnectionStore((s) => s.choosingSite);
  const siteError = useAddConnectionStore((s) => s.siteError);
  const chooseSite = useAddConnectionStore((s) => s.chooseSite);
  const cancelSignIn = useAddConnectionStore((s) => s.cancelSignIn);
  const cancelRequested = useAddConnectionStore((s) => s.cancelRequested);
  const previousSite = useAddConnectionStore((s) => s.previousSite);
  const [cloudId, setCloudId] = useState<string>(previousSite ? '' : (sites[0]?.cloudId ?? ''));

  return (
    <form
      className="step-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (cloudId) void chooseSite(cloudId);
      }}
    >
      <div className="step-body form-stack">
        {siteError ? <ErrorBanner error={siteError} /> : null}
        {previousSite ? (
          <WarnNote title="This account cannot reach the connection's site">
            <p>
              You signed in with an account that cannot reach {previousSite.name} ({previousSite.url}), which this connection used. Choose the site to
              use from now on, or Cancel and sign in with the account that owns {previousSite.name} (use Switch account on the Atlassian page).
            </p>
          </WarnNote>
        ) : null}
        <p className="section-text" id="site-heading">
          Your Atlassian account can reach {sites.length === 1 ? '1 site' : `${sites.length.toLocaleString()} sites`}.{' '}
          {previousSite ? 'Choose the one this connection uses from now on.' : 'Choose the one this connection works with.'}
        </p>
        <ChoiceList
          labelledBy="site-heading"
          value={cloudId || null}
          onChange={setCloudId}
          disabled={choosingSite}
          options={sites.map((site) => ({ value: site.cloudId, label: site.name, description: site.url }))}
        />
      </div>
      <div className="modal-footer">
        <div className="toolbar-spacer" />
        {/* Signing in is done here; Cancel still ends the attempt (nothing is saved yet). */}
        <Button busy={cancelRequested} onClick={() => void cancelSignIn()}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" busy={choosingSite} disabled={!cloudId}>
          {choosingSite ? 'Saving…' : 'Continue'}
        </Button>
      </div>
    </form>
  );
}
