// Runs once when the server starts: load the routing snapshot in the background, so the first
// routing preview does not wait for a large directory to be read (about 2 s at 100,000 mailboxes).
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { getRoutingSnapshot } = await import('@/lib/server/routing/get-routing-snapshot');
  // A failure here is not fatal: the first preview loads the snapshot again and reports it.
  void getRoutingSnapshot().catch((error: unknown) => console.error('Loading the routing snapshot at start-up failed:', error));
}
