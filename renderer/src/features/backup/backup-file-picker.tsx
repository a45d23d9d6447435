import { useId, useRef } from 'react';
import { Button } from '../../components/button';
import { formatFileSize } from './backup-file';

/**
 * "Backup file": a visible Choose file… button over a hidden file input (the native one cannot be
 * styled and reads "No file chosen" in the browser's words), the chosen file's name and size,
 * and an inline error.
 */
export function BackupFilePicker({ file, onChange, error }: { file: File | null; onChange: (file: File) => void; error?: string | undefined }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const describedBy = [`${id}-name`, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className="field">
      <span className="field-label" id={`${id}-label`}>
        Backup file
      </span>
      <div className="file-pick">
        <Button aria-describedby={describedBy} onClick={() => input.current?.click()}>
          Choose file…
        </Button>
        <span className={file ? 'file-pick-name user-text' : 'file-pick-name file-pick-empty'} id={`${id}-name`}>
          {file ? `${file.name} (${formatFileSize(file.size)})` : 'No file chosen'}
        </span>
      </div>
      <input
        ref={input}
        type="file"
        accept=".age"
        hidden
        tabIndex={-1}
        aria-labelledby={`${id}-label`}
        onChange={(event) => {
          const chosen = event.target.files?.[0];
          // Choosing the same file again must fire onChange again (after an error, say).
          event.target.value = '';
          if (chosen) onChange(chosen);
        }}
      />
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
