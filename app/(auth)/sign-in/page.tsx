import type { Metadata } from 'next';
import { SignInForm } from '@/components/auth/sign-in-form';
import { AppShell } from '@/components/layout/app-shell';
import { env, isOidcEnabled } from '@/lib/env';
import { safeCallbackUrl } from '@/lib/validation/callback-url';
import { signInFailedMessage, signInRateLimitedMessage } from '@/lib/validation/sign-in';

export const metadata: Metadata = { title: 'Sign in' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * next-auth sends people back here with `?error=` when sign-in failed outside this page's form
 * (single sign-on, or an attempt without JavaScript). Its codes, in words a user can act on.
 */
function messageForAuthError(code: string | undefined): string | undefined {
  switch (code) {
    case undefined:
    case '':
      return undefined;
    case 'CredentialsSignin':
      return signInFailedMessage;
    case 'RateLimited':
      return signInRateLimitedMessage;
    case 'AccessDenied':
      return 'Your account cannot be used to sign in to Quadrant. Ask your Quadrant administrator for access';
    case 'SessionRequired':
      return 'Sign in to continue';
    default:
      return 'Sorry, you could not be signed in. Try again, or sign in with your email address and password';
  }
}

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(first(params.callbackUrl));

  return (
    <AppShell user={null} navigation={[]}>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <SignInForm
            callbackUrl={callbackUrl}
            isOidcEnabled={isOidcEnabled()}
            oidcName={env.OIDC_NAME}
            initialError={messageForAuthError(first(params.error))}
          />
        </div>
      </div>
    </AppShell>
  );
}
