import { SignInForm } from '@/components/auth/SignInForm';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The console's sign-in (issue 5): the only page open without a session. */
export default async function SignInPage({ searchParams }: Props) {
  const next = (await searchParams).next;
  return (
    <main className="sign-in-screen">
      <SignInForm next={typeof next === 'string' ? next : undefined} />
    </main>
  );
}
