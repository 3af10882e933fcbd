// `npm run seed:large [-- --recipients N]`: a realistic 100,000-recipient organisation (issue 6)
// in the database DATABASE_URL names (default data/xadm.db), after `npm start` or `npm run
// db:seed` created the organisation. See lib/server/seed/seed-large.ts.
import { parseArgs } from 'node:util';
import { deploy } from './migrate.mjs';

async function main() {
  const { values } = parseArgs({ options: { recipients: { type: 'string' } } });
  const total = values.recipients === undefined ? 100_000 : Number(values.recipients);
  if (!Number.isSafeInteger(total) || total < 3 || total > 1_000_000) throw new Error('--recipients must be a whole number from 3 to 1,000,000.');
  await deploy();
  const { seedLarge } = await import('../lib/server/seed/seed-large');
  const result = await seedLarge(total, (line) => console.log(line));
  console.log(`The organization now holds ${result.recipients.toLocaleString('en-US')} recipients (${result.seconds.toFixed(1)} s).`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
