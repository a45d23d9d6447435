import { Field } from '../../components/field';
import { CheckIcon, CopyIcon } from '../../components/icons';
import { useCopyToClipboard } from '../../components/use-copy-to-clipboard';

/** The exact callback URL to register on an OAuth app, read-only, with a Copy button. */
export function CallbackUrlField({ url }: { url: string }) {
  const { copied, copy } = useCopyToClipboard(url);

  return (
    <Field label="Callback URL" hint="Register this exact URL as the callback URL of your OAuth app.">
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
