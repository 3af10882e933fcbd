// Fills an empty directory: the demo organization, or with XADM_SEED=empty only the
// organization, its site, Site Addressing and the Administrator mailbox (for scripted tests).
import { seedOrganization } from '@/lib/server/seed/seed-organization';

const mode = process.env.XADM_SEED === 'empty' ? 'empty' : 'demo';
seedOrganization(mode)
  .then((result) => {
    console.log(result === 'seeded' ? `Seeded the ${mode === 'empty' ? 'empty' : 'demo'} organization ADATUM.` : 'Directory already has an organization; not seeding.');
    process.exit(0);
  })
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
