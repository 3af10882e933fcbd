'use client';
import { useActionState, useId } from 'react';
import { type SignInState, signInAction } from '@/app/actions/auth';

/** A Windows logon dialog: user name, password, OK. The server's answer shows in a live region. */
export function SignInForm({ next }: { next?: string }) {
  const id = useId();
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, {});
  return (
    <section className="window sign-in-window" aria-labelledby={`${id}-title`}>
      <div className="title-bar">
        <h1 className="title-bar-text" id={`${id}-title`}>
          Sign in to Microsoft Exchange Administrator
        </h1>
      </div>
      <form className="window-body sign-in-body" action={action}>
        <p>Sign in with your administrator account.</p>
        {next && <input type="hidden" name="next" value={next} />}
        <div className="field-row-stacked">
          <label htmlFor={`${id}-username`}>User name:</label>
          <input id={`${id}-username`} name="username" type="text" autoComplete="username" defaultValue={state.username} autoFocus required />
        </div>
        <div className="field-row-stacked">
          <label htmlFor={`${id}-password`}>Password:</label>
          <input id={`${id}-password`} name="password" type="password" autoComplete="current-password" required />
        </div>
        <p className="sign-in-message" role="alert" aria-live="assertive">
          {state.message}
        </p>
        <div className="sign-in-buttons">
          <button type="submit" className="default" disabled={pending}>
            {pending ? 'Signing in...' : 'OK'}
          </button>
        </div>
        <p className="hint">
          First sign-in on a new installation: the user name is <b>admin</b>, and its password was printed once in the log of the first{' '}
          <code>npm start</code> (or is the one set in <code>XADM_ADMIN_PASSWORD</code>).
        </p>
      </form>
    </section>
  );
}
