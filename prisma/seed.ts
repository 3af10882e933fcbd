// Fills an empty directory: the demo organization, or with XADM_SEED=empty only the
// organization, its site, Site Addressing and the Administrator mailbox (for scripted tests).
// On an empty database it also creates the first administrator (issue 5): `admin`, Permissions
// Admin of the organisation, with XADM_ADMIN_PASSWORD or a random password printed here once.
import { ensureFirstAdministrator } from '@/lib/server/auth/administrators';
import { whileSeedingAlone } from '@/lib/server/seed/seed-lock';
import { seedOrganization } from '@/lib/server/seed/seed-organization';

const mode = process.env.XADM_SEED === 'empty' ? 'empty' : 'demo';
whileSeedingAlone(async () => ({ result: await seedOrganization(mode), first: await ensureFirstAdministrator() }))
  .then(async ({ result, first }) => {
    console.log(result === 'seeded' ? `Seeded the ${mode === 'empty' ? 'empty' : 'demo'} organization ADATUM.` : 'Directory already has an organization; not seeding.');
    if (first) {
      const rule = '='.repeat(72);
      console.log(
        first.generated
          ? `${rule}\nThe first administrator account was created.\n  User name: ${first.username}\n  Password:  ${first.password}\nThis password is shown only now. Sign in at /sign-in and keep it safe.\n(Set XADM_ADMIN_PASSWORD before the first start to choose it instead.)\n${rule}`
          : `The first administrator account '${first.username}' was created with the password in XADM_ADMIN_PASSWORD.`,
      );
    }
    process.exit(0);
  })
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
