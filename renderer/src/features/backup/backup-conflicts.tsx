import { useId } from 'react';
import type { BackupPreviewDto, RequestOf } from '../../../../preload/contract';
import { WarnNote } from '../../components/banner';
import { ChoiceList } from '../../components/choice-list';
import { describeConflict, plural } from './backup-words';

export type ConflictPolicy = RequestOf<'backup:import'>['conflicts'];

const policyOptions: { value: ConflictPolicy; label: string; description: string }[] = [
  { value: 'skip', label: 'Skip', description: 'Keep what is here; the backup’s version is left out.' },
  { value: 'replace', label: 'Replace', description: 'The backup’s version overwrites what is here, secrets included.' },
  { value: 'keep-both', label: 'Keep both', description: 'Add the backup’s version next to what is here, named “… (imported)”.' },
];

/** What in the backup already exists here, and the one choice for all of it: skip (the default), replace or keep both. */
export function BackupConflicts({
  conflicts,
  policy,
  onChange,
}: {
  conflicts: BackupPreviewDto['conflicts'];
  policy: ConflictPolicy;
  onChange: (policy: ConflictPolicy) => void;
}) {
  const labelId = useId();
  return (
    <>
      <WarnNote title={`${plural(conflicts.length, 'item', 'items')} in this backup already ${conflicts.length === 1 ? 'exists' : 'exist'} here`}>
        <ul className="backup-conflicts">
          {conflicts.map((c) => (
            <li key={`${c.kind}:${c.id}`} className="user-text">
              {describeConflict(c)}
            </li>
          ))}
        </ul>
      </WarnNote>
      <div className="field">
        <span className="field-label" id={labelId}>
          What to do with {conflicts.length === 1 ? 'it' : 'them'}
        </span>
        <ChoiceList labelledBy={labelId} value={policy} onChange={onChange} options={policyOptions} />
      </div>
    </>
  );
}
