import type { UseFormRegister } from 'react-hook-form';
import { TextField } from '../shared/components/TextField';

type ServerValues = { remote: string; serverUser?: string; serverPassword?: string };

/**
 * The server's address and account, the same on the join screen and in Settings → Team. The
 * account is optional: a server on this computer for trying team use may need none.
 */
export function ServerFields<T extends ServerValues>({ register, messageFor }: { register: UseFormRegister<T>; messageFor(name: string): string | undefined }) {
  // The three names exist on every form this serves (T extends ServerValues).
  const reg = register as unknown as UseFormRegister<ServerValues>;
  return (
    <>
      <TextField
        id="remote"
        label="Server address"
        hint="For example, https://couch.example.org/northshire-casebook. It must start https:// unless the server is on this computer."
        error={messageFor('remote')}
        registration={reg('remote')}
        autoComplete="url"
        spellCheck={false}
        autoCapitalize="off"
        inputMode="url"
      />
      <TextField id="serverUser" label="Server account name (optional)" hint="If your server needs one" error={messageFor('serverUser')} registration={reg('serverUser')} autoComplete="username" spellCheck={false} autoCapitalize="off" widthClass="govuk-!-width-two-thirds" />
      <TextField id="serverPassword" type="password" label="Server password (optional)" hint="If your server needs one" error={messageFor('serverPassword')} registration={reg('serverPassword')} autoComplete="off" spellCheck={false} autoCapitalize="off" widthClass="govuk-!-width-two-thirds" />
    </>
  );
}
