import { Field } from '../../components/field';
import { CheckIcon, CopyIcon } from '../../components/icons';
import { useCopyToClipboard } from '../../components/use-copy-to-clipboard';

/** What to do with the callback URL: register it on your own app; the managed app has it already. */
const HINTS = {
  byo: 'Register this exact URL as the callback URL of your OAuth app.',
  managed: 'The managed app already has this callback URL registered.',
} as const;

/** The exact callback URL sign-in uses, read-only, with a Copy button (to register it on your own OAuth app). */
export function CallbackUrlField({ url, authType }: { url: string; authType: 'managed' | 'byo' }) {
  const { copied, copy } = useCopyToClipboard(url);

  return (
    <Field label="Callback URL" hint={HINTS[authType]}>
      {(props) => (
        <div className="input-group">
          <input {...props} className="input input-mono" readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
          <button type="button" className="btn btn-secondary btn-sm input-addon" aria-label="Copy callback URL" onClick={() => void copy()}>
            {copied === 'yes' ? <CheckIcon /> : <CopyIcon />}
            {copied === 'yes' ? 'Copied' : 'Copy'}
          </button>
          <span className="visually-hidden" role="status">
            {copied === 'yes' ? 'Callback URL copied' : copied === 'failed' ? 'Could not copy; select the URL and copy it yourself' : ''}
          </span>
        </div>
      )}
    </Field>
  );
}
