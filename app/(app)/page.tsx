import { redirect } from 'next/navigation';
import { requireUser } from '@/lib/auth/guards';
import { hasVerb } from '@/lib/auth/policy';

// Until the "My work" page exists (issue 4), signed-in people start at the threats register.
export default async function HomePage() {
  const user = await requireUser();
  redirect(hasVerb(user, 'threat:read') ? '/threats' : '/sign-in');
}
