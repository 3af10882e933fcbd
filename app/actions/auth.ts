'use server';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { SESSION_COOKIE } from '@/lib/core/auth/credentials';
import { originOf } from '@/lib/server/auth/actor';
import { signIn, signOut } from '@/lib/server/auth/sign-in';

export type SignInState = { message?: string; username?: string };

const signInSchema = z.object({
  username: z.string().trim().min(1, { error: 'Type your user name.' }).max(64, { error: 'A user name has at most 64 characters.' }),
  password: z.string().min(1, { error: 'Type your password.' }).max(1024, { error: 'A password has at most 1,024 characters.' }),
  next: z.string().max(2048).optional(),
});

/** Only a path of this console: never another site (`//evil.example`, `https://…`). */
function safeNext(next: string | undefined): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}

export async function signInAction(_previous: SignInState, form: FormData): Promise<SignInState> {
  const parsed = signInSchema.safeParse({ username: form.get('username') ?? '', password: form.get('password') ?? '', next: form.get('next') ?? undefined });
  if (!parsed.success) return { message: parsed.error.issues[0].message, username: String(form.get('username') ?? '') };
  const result = await signIn(parsed.data, new Date(), originOf(await headers()));
  if (!result.ok) return { message: result.message, username: parsed.data.username };
  const secure = (await headers()).get('x-forwarded-proto') === 'https' || process.env.XADM_SECURE_COOKIE === '1';
  (await cookies()).set(SESSION_COOKIE, result.secret, { httpOnly: true, sameSite: 'lax', secure, path: '/', expires: result.expiresAt });
  redirect(safeNext(parsed.data.next));
}

export async function signOutAction(): Promise<void> {
  const jar = await cookies();
  await signOut(jar.get(SESSION_COOKIE)?.value);
  jar.delete(SESSION_COOKIE);
  redirect('/sign-in');
}
