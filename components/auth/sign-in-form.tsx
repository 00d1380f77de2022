'use client';

import { useEffect } from 'react';
import { signIn } from 'next-auth/react';
import { FormProvider, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Button } from '@/components/ui/button';
import { FormErrorSummary } from '@/components/forms/form-error-summary';
import { TextInput } from '@/components/forms/text-input';
import {
  signInFailedMessage,
  signInRateLimitedMessage,
  signInSchema,
  type SignInInput,
} from '@/lib/validation/sign-in';

export type SignInFormProps = {
  /** A same-site path, already checked on the server (safeCallbackUrl). */
  callbackUrl: string;
  /** Whether a force identity provider (OpenID Connect) is configured. */
  isOidcEnabled: boolean;
  /** How the provider is named on its button, e.g. "your force account". */
  oidcName: string;
  /** A problem from an earlier attempt that came back in the address (`?error=`). */
  initialError?: string;
};

const serviceProblemMessage = 'Sorry, there is a problem with the service. Try again later';

/**
 * Signing in with email and password (next-auth's credentials provider, without a page reload),
 * and with the force's account when single sign-on is set up.
 */
export function SignInForm({ callbackUrl, isOidcEnabled, oidcName, initialError }: SignInFormProps) {
  const form = useForm<SignInInput>({
    resolver: zodResolver(signInSchema),
    defaultValues: { email: '', password: '' },
    // Focus goes to the error summary, GOV.UK style, not to the first field.
    shouldFocusError: false,
  });
  const { handleSubmit, setError, setValue, formState } = form;

  useEffect(() => {
    if (initialError) setError('root.server', { type: 'server', message: initialError });
  }, [initialError, setError]);

  async function onSubmit({ email, password }: SignInInput) {
    let result: Awaited<ReturnType<typeof signIn>>;
    try {
      result = await signIn('credentials', { redirect: false, email, password, callbackUrl });
    } catch (error) {
      console.error('Sign in failed', error);
      setError('root.server', { type: 'server', message: serviceProblemMessage });
      return;
    }
    if (result?.ok && !result.error) {
      // A full page load, not router.push: the client router may hold pages prefetched while
      // signed out (redirects to this page), and nothing of the signed-out state should survive.
      window.location.assign(callbackUrl);
      return;
    }
    setValue('password', '');
    if (result?.error === 'RateLimited') {
      setError('root.server', { type: 'server', message: signInRateLimitedMessage });
    } else if (result?.error) {
      setError('email', { type: 'server', message: signInFailedMessage });
    } else {
      setError('root.server', { type: 'server', message: serviceProblemMessage });
    }
  }

  return (
    <FormProvider {...form}>
      <FormErrorSummary />
      <h1 className="govuk-heading-l">Sign in to Quadrant</h1>
      <form noValidate onSubmit={handleSubmit(onSubmit)}>
        <TextInput
          name="email"
          label="Email address"
          type="email"
          autoComplete="email"
          spellCheck={false}
          className="govuk-!-width-two-thirds"
        />
        <TextInput
          name="password"
          label="Password"
          type="password"
          autoComplete="current-password"
          className="govuk-!-width-two-thirds"
        />
        <Button type="submit" preventDoubleClick aria-disabled={formState.isSubmitting || undefined}>
          Sign in
        </Button>
      </form>
      {isOidcEnabled ? (
        <>
          <hr className="govuk-section-break govuk-section-break--m govuk-section-break--visible" />
          <p className="govuk-body">Or use the account you sign in to your force’s systems with.</p>
          <Button type="button" variant="secondary" onClick={() => void signIn('oidc', { callbackUrl })}>
            Sign in with {oidcName}
          </Button>
        </>
      ) : null}
    </FormProvider>
  );
}
