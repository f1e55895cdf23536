import { CheckboxField } from './Fields';

/**
 * The end of a form that adds to or changes a settings list (staff, venues): for an entry
 * already on the list, whether it is still in use (entries are never deleted, because older
 * cases name them), then save and cancel.
 */
export function ListEntryActions(o: {
  /** True when changing an entry already on the list. */
  existing: boolean;
  idPrefix: string;
  activeLabel: string;
  activeHint: string;
  active: boolean;
  onActive: (active: boolean) => void;
  addLabel: string;
  busy: boolean;
  onCancel: () => void;
}) {
  return (
    <>
      {o.existing && <CheckboxField id={`${o.idPrefix}active`} label={o.activeLabel} hint={o.activeHint} checked={o.active} onChecked={o.onActive} />}
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button" disabled={o.busy}>
          {o.existing ? 'Save changes' : o.addLabel}
        </button>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={o.onCancel}>
          Cancel
        </button>
      </div>
    </>
  );
}
