import type { ReactNode } from 'react';
import { InfoNote } from './banner';
import { Button } from './button';

/**
 * What an export dialog shows once its file is saved: the file's name and what went into it, a
 * note on what to do with it, and Save again (the download may have been dismissed) or Done.
 */
export function SavedFileResult({
  fileName,
  contents,
  note,
  children,
  onSaveAgain,
  onClose,
}: {
  fileName: string;
  /** What went into the file, e.g. "2 folders, 5 connections". */
  contents: string;
  note: ReactNode;
  /** More to say below the note. */
  children?: ReactNode;
  onSaveAgain: () => void;
  onClose: () => void;
}) {
  return (
    <div className="form-stack">
      <InfoNote>
        <p className="banner-title">
          Saved <span className="user-text">{fileName}</span> — {contents}.
        </p>
        <p>{note}</p>
      </InfoNote>
      {children}
      <div className="modal-footer modal-footer-inline">
        <Button onClick={onSaveAgain}>Save again</Button>
        <Button variant="primary" autoFocus onClick={onClose}>
          Done
        </Button>
      </div>
    </div>
  );
}
