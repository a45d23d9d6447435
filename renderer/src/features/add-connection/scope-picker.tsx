import { useId, useState } from 'react';
import type { CreationContextDto, ScopeDto } from '../../../../preload/contract';
import { ChevronIcon } from '../../components/icons';
import { groupScopes } from './scope-groups';

function ScopeOption({ scope, checked, onChange, idPrefix }: { scope: ScopeDto; checked: boolean; onChange: (on: boolean) => void; idPrefix: string }) {
  const key = scope.scope.replace(/[^a-zA-Z0-9_-]/g, '_');
  const labelId = `${idPrefix}-${key}-label`;
  const descId = `${idPrefix}-${key}-desc`;
  return (
    <li>
      <label className="scope-option">
        <input
          type="checkbox"
          className="checkbox"
          checked={checked}
          aria-labelledby={labelId}
          aria-describedby={descId}
          onChange={(e) => onChange(e.target.checked)}
        />
        <span className="scope-text">
          <code className="scope-name" id={labelId}>
            {scope.scope}
          </code>
          <span className="scope-description" id={descId}>
            {scope.description}
          </span>
        </span>
      </label>
    </li>
  );
}

/**
 * Scopes: the defaults grouped as Update / View / Search / Stay connected, and every other
 * Confluence scope (classic and granular) behind a disclosure.
 */
export function ScopePicker({
  context,
  selected,
  onChange,
  error,
}: {
  context: CreationContextDto;
  selected: readonly string[];
  onChange: (scopes: string[]) => void;
  error?: string | undefined;
}) {
  const idPrefix = useId();
  const chosen = new Set(selected);
  const defaults = context.connector.scopes.filter((s) => s.default);
  const rest = context.connector.scopes.filter((s) => !s.default);
  const extraSelected = rest.filter((s) => chosen.has(s.scope)).length;
  const [showAll, setShowAll] = useState(extraSelected > 0);

  const toggle = (scope: string, on: boolean) => {
    const order = context.connector.scopes.map((s) => s.scope);
    const next = new Set(chosen);
    if (on) next.add(scope);
    else next.delete(scope);
    onChange(order.filter((s) => next.has(s)));
  };

  const renderList = (scopes: ScopeDto[]) => (
    <ul className="scope-list">
      {scopes.map((scope) => (
        <ScopeOption key={scope.scope} scope={scope} idPrefix={idPrefix} checked={chosen.has(scope.scope)} onChange={(on) => toggle(scope.scope, on)} />
      ))}
    </ul>
  );

  return (
    <fieldset className="fieldset" aria-describedby={error ? `${idPrefix}-error` : undefined}>
      <legend className="field-label">Scopes</legend>
      <p className="field-hint">The permissions ConnectDesk asks Atlassian for. The recommended ones are selected.</p>
      {error ? (
        <p className="field-error" id={`${idPrefix}-error`}>
          {error}
        </p>
      ) : null}
      <div className="scope-groups">
        {groupScopes(context, defaults).map((group) => (
          <section key={group.id} className="scope-group" aria-label={group.label}>
            <h4 className="scope-group-title">{group.label}</h4>
            {renderList(group.scopes)}
          </section>
        ))}
      </div>
      <button
        type="button"
        className="disclosure"
        aria-expanded={showAll}
        aria-controls={`${idPrefix}-all`}
        onClick={() => setShowAll((v) => !v)}
      >
        <ChevronIcon className="disclosure-icon" />
        {showAll ? 'Hide other Confluence scopes' : 'Show all Confluence scopes'}
        {extraSelected > 0 ? <span className="disclosure-count">{extraSelected} selected</span> : null}
      </button>
      <div id={`${idPrefix}-all`} hidden={!showAll} className="scope-more">
        {(['classic', 'granular'] as const).map((kind) => {
          const scopes = rest.filter((s) => s.kind === kind || (kind === 'classic' && s.kind === 'oauth'));
          if (!scopes.length) return null;
          return (
            <section key={kind} className="scope-group" aria-label={kind === 'classic' ? 'Classic scopes' : 'Granular scopes'}>
              <h4 className="scope-group-title">{kind === 'classic' ? 'Classic scopes' : 'Granular scopes'}</h4>
              {renderList(scopes)}
            </section>
          );
        })}
      </div>
    </fieldset>
  );
}
