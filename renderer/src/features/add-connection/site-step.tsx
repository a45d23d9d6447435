import { RadioGroup } from 'radix-ui';
import { useState } from 'react';
import { ErrorBanner } from '../../components/banner';
import { Button } from '../../components/button';
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
        <RadioGroup.Root className="choice-list" aria-labelledby="site-heading" value={cloudId} onValueChange={setCloudId} disabled={choosingSite}>
          {sites.map((site) => (
            <label key={site.cloudId} className="choice" data-checked={cloudId === site.cloudId || undefined}>
              <RadioGroup.Item
                className="radio"
                value={site.cloudId}
                aria-labelledby={`site-${site.cloudId}-name`}
                aria-describedby={`site-${site.cloudId}-url`}
              >
                <RadioGroup.Indicator className="radio-indicator" />
              </RadioGroup.Item>
              <span className="choice-text">
                <span className="choice-label" id={`site-${site.cloudId}-name`}>
                  {site.name}
                </span>
                <span className="choice-description" id={`site-${site.cloudId}-url`}>
                  {site.url}
                </span>
              </span>
            </label>
          ))}
        </RadioGroup.Root>
      </div>
      <div className="modal-footer">
        <div className="toolbar-spacer" />
        <Button busy={cancelRequested} onClick={() => void cancelSignIn()}>
          Cancel sign-in
        </Button>
        <Button type="submit" variant="primary" busy={choosingSite} disabled={!cloudId}>
          {choosingSite ? 'Saving…' : 'Continue'}
        </Button>
      </div>
    </form>
  );
}
