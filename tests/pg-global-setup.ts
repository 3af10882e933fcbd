// The PostgreSQL half of the integration suite (vitest project "postgresql"): one server, one
// migrated template database; every test file then gets its own copy of it (tests/setup-db.ts).
// The server is XADM_TEST_PG_URL's when set (.ci/run starts one), else a throwaway cluster
// started here and stopped at the end (scripts/pg-cluster.mjs).
import type { TestProject } from 'vitest/node';
import { startCluster, stopCluster } from '../scripts/pg-cluster.mjs';
import { deploy, withDatabase } from '../scripts/migrate.mjs';

export default async function setup(project: TestProject) {
  let server = process.env.XADM_TEST_PG_URL;
  let clusterDir: string | null = null;
  if (!server) {
    const cluster = await startCluster();
    server = cluster.url;
    clusterDir = cluster.dir;
  }
  const { default: pg } = await import('pg');
  const template = `xadm_template_${process.pid}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${template}"`);
  await admin.query(`CREATE DATABASE "${template}"`);
  await deploy(withDatabase(server, template));
  project.provide('pgServer', server);
  project.provide('pgTemplate', template);
  return async () => {
    await admin.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`).catch(() => {});
    await admin.end();
    if (clusterDir) stopCluster(clusterDir);
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgServer: string;
    pgTemplate: string;
  }
}
