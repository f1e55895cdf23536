import { useState } from 'react';
import { useNav } from '../app/nav';
import { InputField } from '../shared/components/Fields';
import { usePageTitle } from '../shared/hooks/usePageTitle';
import { SubjectAccessBundle } from './SubjectAccessBundle';

const REQUEST_ID = /^sar_[a-z0-9]{10,40}$/;

/**
 * The bundle page, for the request the app opened it with (from the register), or for a request
 * number typed here until the register links to it.
 */
export function SubjectAccessBundlePage() {
  const h1 = usePageTitle('Subject access bundle');
  const { requestId, openRequestBundle } = useNav();
  const [typed, setTyped] = useState(requestId ?? '');
  const [error, setError] = useState<string>();
  const open = (e: React.FormEvent) => {
    e.preventDefault();
    const id = typed.trim();
    if (!REQUEST_ID.test(id)) return setError('Enter the request number from the register, like sar_k3j9x2m4p8');
    setError(undefined);
    openRequestBundle(id);
  };
  return (
    <>
      <h1 className="govuk-heading-l" ref={h1} tabIndex={-1}>
        Answer a subject access request
      </h1>
      <form noValidate onSubmit={open}>
        <InputField id="bundle-request" label="Request number" hint="As the register shows it, for example sar_k3j9x2m4p8" value={typed} onValue={setTyped} error={error} widthClass="govuk-input--width-20" autoComplete="off" spellCheck={false} />
        <button type="submit" className="govuk-button govuk-button--secondary">
          Show the bundle
        </button>
      </form>
      {requestId && <SubjectAccessBundle key={requestId} requestId={requestId} />}
    </>
  );
}
