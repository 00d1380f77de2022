import { z } from 'zod';

/** Signing in with email and password. Checked in the browser; next-auth checks the credentials. */
export const signInSchema = z
  .object({
    email: z
      .string()
      .trim()
      .min(1, 'Enter your email address')
      .pipe(z.email('Enter an email address in the correct format, like name@example.com')),
    password: z.string().min(1, 'Enter your password'),
  })
  .strict();

export type SignInInput = z.infer<typeof signInSchema>;

export const signInFailedMessage = 'The email address or password is not right';
export const signInRateLimitedMessage = 'Too many failed attempts. Wait 15 minutes and try again';
