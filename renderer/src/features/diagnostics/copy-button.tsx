import { CheckIcon, CopyIcon } from '../../components/icons';
import { useCopyToClipboard } from '../../components/use-copy-to-clipboard';

/** A small Copy button for one value (a URL support staff paste into a ticket), saying when it copied. */
export function CopyButton({ value, what }: { value: string; what: string }) {
  const { copied, copy } = useCopyToClipboard(value);

  return (
    <>
      <button type="button" className="btn btn-ghost btn-xs diag-copy" aria-label={`Copy ${what}`} onClick={() => void copy()}>
        {copied === 'yes' ? <CheckIcon size={13} /> : <CopyIcon size={13} />}
        {copied === 'yes' ? 'Copied' : 'Copy'}
      </button>
      <span className="visually-hidden" role="status">
        {copied === 'yes' ? `${what} copied` : copied === 'failed' ? `Could not copy; select the ${what} and copy it yourself` : ''}
      </span>
    </>
  );
}
