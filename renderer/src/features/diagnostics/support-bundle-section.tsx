import { useState } from 'react';
import { Button } from '../../components/button';
import { SupportBundleDialog } from './support-bundle-dialog';

/** Settings → Support: export a support bundle (everything, or the selected folder). */
export function SupportBundleSection() {
  const [open, setOpen] = useState(false);
  return (
    <section className="settings-section" aria-labelledby="settings-support-heading">
      <h3 id="settings-support-heading" className="section-title">
        Support
      </h3>
      <p className="section-text">
        A support bundle shows support staff why connections fail: versions, settings, connection details, history, HTTP traces and recent logs — never a secret.
      </p>
      <div className="section-actions">
        <Button onClick={() => setOpen(true)}>Export support bundle…</Button>
      </div>
      {open ? <SupportBundleDialog target={{}} onClose={() => setOpen(false)} /> : null}
    </section>
  );
}
