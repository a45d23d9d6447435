import { useEffect, useRef } from 'react';
import { Button } from '../../components/button';
import { InfoNote } from '../../components/banner';
import { useArmed } from '../../components/use-armed';
import { useAddConnectionStore } from './add-connection-store';
import { groupScopes, joinLabels, selectedScopes } from './scope-groups';

const spaceGroups = new Set(['update', 'view', 'search']);

/**
 * Step 3: what ConnectDesk will be allowed to do, in the words Atlassian's consent screen uses.
 * Like a browser's permission prompt, it cannot be accepted by accident: focus starts on the
 * summary, not on Accept, and Accept ignores activation for a moment after the step appears
 * (Connect sits where Accept is, so a double-click or a second Enter would otherwise accept).
 */
export function PermissionsStep({ onCancel }: { onCancel: () => void }) {
  const context = useAddConnectionStore((s) => s.context);
  const form = useAddConnectionStore((s) => s.form);
  const accept = useAddConnectionStore((s) => s.accept);
  const beginning = useAddConnectionStore((s) => s.beginning);
  const goTo = useAddConnectionStore((s) => s.goTo);
  const armed = useArmed();
  const summary = useRef<HTMLParagraphElement>(null);
  const hasContext = context !== null;
  useEffect(() => {
    if (hasContext) summary.current?.focus({ preventScroll: true });
  }, [hasContext]);
  if (!context) return null;

  const groups = groupScopes(context, selectedScopes(context, form.scopes));
  const verbs = groups.filter((g) => spaceGroups.has(g.id)).map((g) => g.label);
  const staysConnected = form.scopes.includes('offline_access');

  return (
    <>
      {/* Focusable so keyboard users can scroll a long list of permissions. */}
      <div className="step-body form-stack" tabIndex={0} role="group" aria-label="Permissions to review">
        <p className="permissions-headline" ref={summary} tabIndex={-1}>
          {verbs.length ? (
            <>
              ConnectDesk will be able to{' '}
              {joinLabels(verbs).map((part, index) => (index % 2 === 0 ? <strong key={index}>{part}</strong> : part))} your{' '}
              {context.connector.name.replace(/ Cloud$/, '')} spaces
            </>
          ) : (
            <>ConnectDesk asks for these {context.connector.name} permissions</>
          )}
          {staysConnected ? (
            <>
              , and <strong>Stay connected</strong> without asking you to sign in again.
            </>
          ) : (
            '.'
          )}
        </p>
        <p className="section-text">
          Connection <strong className="user-text">{form.name.trim()}</strong> · {form.authType === 'managed' ? context.managedApp.label : 'your own OAuth 2.0 app'} ·{' '}
          {context.environment.label}
        </p>
        <div className="permission-groups">
          {groups.map((group) => (
            <section key={group.id} className="permission-group" aria-labelledby={`perm-${group.id}`}>
              <h3 id={`perm-${group.id}`} className="permission-group-title">
                {group.label}
              </h3>
              <p className="permission-group-summary">{group.summary}</p>
              <ul className="permission-scopes">
                {group.scopes.map((scope) => (
                  <li key={scope.scope}>
                    <code className="scope-name">{scope.scope}</code>
                    <span className="scope-description">{scope.description}</span>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
        <InfoNote tone="quiet">
          <p>When you accept, Atlassian asks you to sign in and to approve the same permissions in a separate window.</p>
        </InfoNote>
      </div>
      <div className="modal-footer">
        <Button onClick={() => goTo('settings')}>Back</Button>
        <div className="toolbar-spacer" />
        <Button onClick={onCancel}>Cancel</Button>
        <Button variant="primary" busy={beginning} unarmed={!armed} onClick={() => void accept()}>
          Accept
        </Button>
      </div>
    </>
  );
}
