import { useState } from 'react';
import { ErrorBanner } from '../../components/banner';
import { Button } from '../../components/button';
import { ChoiceList } from '../../components/choice-list';
import { useAddConnectionStore } from './add-connection-store';

/** Step 5: the account can reach several sites; the user picks the one this connection uses. */
export function SiteStep() {
  const sites = useAddConnectionStore((s) => s.sites);
  const choosingSite = useAddConnectionStore((s) => s.choosingSite);
  const siteError = useAddConnectionStore((s) => s.siteError);
  const chooseSite = useAddConnectionStore((s) => s.chooseSite);
  const cancelSignIn = useAddConnectionStore((s) => s.cancelSignIn);
  const cancelRequested = useAddConnectionStore((s) => s.cancelRequested);
  const [cloudId, setCloudId] = useState<string>(sites[0]?.cloudId ?? '');

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
        <p className="section-text" id="site-heading">
          Your Atlassian account can reach {sites.length} sites. Choose the one this connection works with.
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
