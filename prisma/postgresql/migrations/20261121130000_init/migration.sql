-- xadm on PostgreSQL: the schema as of issue 6 in one migration (there were no PostgreSQL
-- databases before), written by scripts/migrate.mjs from prisma/postgresql/schema.prisma.
-- Every text column is COLLATE "C" (byte order, as SQLite's BINARY): see collateC there.

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Organization" (
    "id" SERIAL NOT NULL,
    "name" TEXT COLLATE "C" NOT NULL,

    CONSTRAINT "Organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Site" (
    "id" SERIAL NOT NULL,
    "organizationId" INTEGER NOT NULL,
    "name" TEXT COLLATE "C" NOT NULL,

    CONSTRAINT "Site_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SiteAddressingRule" (
    "id" SERIAL NOT NULL,
    "siteId" INTEGER NOT NULL,
    "type" TEXT COLLATE "C" NOT NULL,
    "rule" TEXT COLLATE "C" NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "SiteAddressingRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Recipient" (
    "id" SERIAL NOT NULL,
    "siteId" INTEGER NOT NULL,
    "kind" TEXT COLLATE "C" NOT NULL,
    "directoryName" TEXT COLLATE "C" NOT NULL,
    "alias" TEXT COLLATE "C" NOT NULL,
    "displayName" TEXT COLLATE "C" NOT NULL,
    "firstName" TEXT COLLATE "C" NOT NULL DEFAULT '',
    "initials" TEXT COLLATE "C" NOT NULL DEFAULT '',
    "lastName" TEXT COLLATE "C" NOT NULL DEFAULT '',
    "targetAddress" TEXT COLLATE "C",
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "displayNameKey" TEXT COLLATE "C" NOT NULL,
    "aliasKey" TEXT COLLATE "C" NOT NULL,

    CONSTRAINT "Recipient_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProxyAddress" (
    "id" SERIAL NOT NULL,
    "recipientId" INTEGER NOT NULL,
    "type" TEXT COLLATE "C" NOT NULL,
    "address" TEXT COLLATE "C" NOT NULL,
    "primary" BOOLEAN NOT NULL,
    "uniqueKey" TEXT COLLATE "C" NOT NULL,
    "addressKey" TEXT COLLATE "C" NOT NULL,

    CONSTRAINT "ProxyAddress_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DistributionListMember" (
    "listId" INTEGER NOT NULL,
    "memberId" INTEGER NOT NULL,

    CONSTRAINT "DistributionListMember_pkey" PRIMARY KEY ("listId","memberId")
);

-- CreateTable
CREATE TABLE "InternetMailService" (
    "id" SERIAL NOT NULL,
    "siteId" INTEGER NOT NULL,
    "hostName" TEXT COLLATE "C" NOT NULL,
    "administratorId" INTEGER,
    "rerouteIncoming" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "InternetMailService_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoutingEntry" (
    "id" SERIAL NOT NULL,
    "serviceId" INTEGER NOT NULL,
    "sentTo" TEXT COLLATE "C" NOT NULL,
    "routeTo" TEXT COLLATE "C" NOT NULL,

    CONSTRAINT "RoutingEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MsMailConnector" (
    "id" SERIAL NOT NULL,
    "siteId" INTEGER NOT NULL,
    "network" TEXT COLLATE "C" NOT NULL,
    "postoffice" TEXT COLLATE "C" NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "MsMailConnector_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MsMailPostoffice" (
    "id" SERIAL NOT NULL,
    "connectorId" INTEGER NOT NULL,
    "network" TEXT COLLATE "C" NOT NULL,
    "postoffice" TEXT COLLATE "C" NOT NULL,
    "key" TEXT COLLATE "C" NOT NULL,
    "connection" TEXT COLLATE "C" NOT NULL,

    CONSTRAINT "MsMailPostoffice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoutingGeneration" (
    "id" INTEGER NOT NULL,
    "value" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RoutingGeneration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Administrator" (
    "id" SERIAL NOT NULL,
    "username" TEXT COLLATE "C" NOT NULL,
    "passwordHash" TEXT COLLATE "C" NOT NULL,
    "failedSignIns" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Administrator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AdminSession" (
    "id" SERIAL NOT NULL,
    "tokenHash" TEXT COLLATE "C" NOT NULL,
    "administratorId" INTEGER NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AdminSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" SERIAL NOT NULL,
    "administratorId" INTEGER NOT NULL,
    "name" TEXT COLLATE "C" NOT NULL,
    "tokenHash" TEXT COLLATE "C" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoleGrant" (
    "id" SERIAL NOT NULL,
    "administratorId" INTEGER NOT NULL,
    "role" TEXT COLLATE "C" NOT NULL,
    "siteId" INTEGER,

    CONSTRAINT "RoleGrant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" SERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "administratorId" INTEGER,
    "actor" TEXT COLLATE "C" NOT NULL,
    "origin" TEXT COLLATE "C" NOT NULL,
    "action" TEXT COLLATE "C" NOT NULL,
    "objectType" TEXT COLLATE "C" NOT NULL,
    "objectId" TEXT COLLATE "C",
    "objectName" TEXT COLLATE "C" NOT NULL,
    "siteId" INTEGER,
    "before" TEXT COLLATE "C",
    "after" TEXT COLLATE "C",

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportJob" (
    "id" TEXT COLLATE "C" NOT NULL,
    "administratorId" INTEGER,
    "state" TEXT COLLATE "C" NOT NULL,
    "fileName" TEXT COLLATE "C",
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "heartbeatAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "progress" TEXT COLLATE "C" NOT NULL,
    "report" TEXT COLLATE "C",
    "error" TEXT COLLATE "C",

    CONSTRAINT "ImportJob_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Organization_name_key" ON "Organization"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Site_name_key" ON "Site"("name");

-- CreateIndex
CREATE UNIQUE INDEX "SiteAddressingRule_siteId_type_key" ON "SiteAddressingRule"("siteId", "type");

-- CreateIndex
CREATE INDEX "Recipient_siteId_displayNameKey_id_idx" ON "Recipient"("siteId", "displayNameKey", "id");

-- CreateIndex
CREATE INDEX "Recipient_siteId_aliasKey_id_idx" ON "Recipient"("siteId", "aliasKey", "id");

-- CreateIndex
CREATE INDEX "Recipient_siteId_kind_displayNameKey_id_idx" ON "Recipient"("siteId", "kind", "displayNameKey", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Recipient_siteId_directoryName_key" ON "Recipient"("siteId", "directoryName");

-- CreateIndex
CREATE UNIQUE INDEX "ProxyAddress_uniqueKey_key" ON "ProxyAddress"("uniqueKey");

-- CreateIndex
CREATE INDEX "ProxyAddress_recipientId_type_idx" ON "ProxyAddress"("recipientId", "type");

-- CreateIndex
CREATE INDEX "ProxyAddress_addressKey_recipientId_idx" ON "ProxyAddress"("addressKey", "recipientId");

-- CreateIndex
CREATE INDEX "DistributionListMember_memberId_idx" ON "DistributionListMember"("memberId");

-- CreateIndex
CREATE UNIQUE INDEX "InternetMailService_siteId_key" ON "InternetMailService"("siteId");

-- CreateIndex
CREATE UNIQUE INDEX "RoutingEntry_serviceId_sentTo_key" ON "RoutingEntry"("serviceId", "sentTo");

-- CreateIndex
CREATE UNIQUE INDEX "MsMailConnector_siteId_key" ON "MsMailConnector"("siteId");

-- CreateIndex
CREATE UNIQUE INDEX "MsMailPostoffice_connectorId_key_key" ON "MsMailPostoffice"("connectorId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "Administrator_username_key" ON "Administrator"("username");

-- CreateIndex
CREATE UNIQUE INDEX "AdminSession_tokenHash_key" ON "AdminSession"("tokenHash");

-- CreateIndex
CREATE INDEX "AdminSession_administratorId_idx" ON "AdminSession"("administratorId");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "ApiToken_administratorId_idx" ON "ApiToken"("administratorId");

-- CreateIndex
CREATE INDEX "RoleGrant_administratorId_idx" ON "RoleGrant"("administratorId");

-- CreateIndex
CREATE INDEX "AuditEntry_at_idx" ON "AuditEntry"("at");

-- CreateIndex
CREATE INDEX "AuditEntry_administratorId_idx" ON "AuditEntry"("administratorId");

-- CreateIndex
CREATE INDEX "AuditEntry_objectType_objectId_idx" ON "AuditEntry"("objectType", "objectId");

-- CreateIndex
CREATE INDEX "AuditEntry_siteId_at_idx" ON "AuditEntry"("siteId", "at");

-- CreateIndex
CREATE INDEX "AuditEntry_action_idx" ON "AuditEntry"("action");

-- CreateIndex
CREATE INDEX "ImportJob_finishedAt_idx" ON "ImportJob"("finishedAt");

-- AddForeignKey
ALTER TABLE "Site" ADD CONSTRAINT "Site_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SiteAddressingRule" ADD CONSTRAINT "SiteAddressingRule_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recipient" ADD CONSTRAINT "Recipient_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProxyAddress" ADD CONSTRAINT "ProxyAddress_recipientId_fkey" FOREIGN KEY ("recipientId") REFERENCES "Recipient"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DistributionListMember" ADD CONSTRAINT "DistributionListMember_listId_fkey" FOREIGN KEY ("listId") REFERENCES "Recipient"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DistributionListMember" ADD CONSTRAINT "DistributionListMember_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Recipient"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InternetMailService" ADD CONSTRAINT "InternetMailService_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InternetMailService" ADD CONSTRAINT "InternetMailService_administratorId_fkey" FOREIGN KEY ("administratorId") REFERENCES "Recipient"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoutingEntry" ADD CONSTRAINT "RoutingEntry_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "InternetMailService"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MsMailConnector" ADD CONSTRAINT "MsMailConnector_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MsMailPostoffice" ADD CONSTRAINT "MsMailPostoffice_connectorId_fkey" FOREIGN KEY ("connectorId") REFERENCES "MsMailConnector"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdminSession" ADD CONSTRAINT "AdminSession_administratorId_fkey" FOREIGN KEY ("administratorId") REFERENCES "Administrator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_administratorId_fkey" FOREIGN KEY ("administratorId") REFERENCES "Administrator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoleGrant" ADD CONSTRAINT "RoleGrant_administratorId_fkey" FOREIGN KEY ("administratorId") REFERENCES "Administrator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoleGrant" ADD CONSTRAINT "RoleGrant_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEntry" ADD CONSTRAINT "AuditEntry_administratorId_fkey" FOREIGN KEY ("administratorId") REFERENCES "Administrator"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Routing snapshot generations (hand-written; Prisma's schema language has no triggers), as the
-- SQLite migrations 20261121083246_routing, 20261121091500_routing_generations and
-- 20261121110000_directory_generation_per_recipient: row 1 moves with the directory, row 2 with
-- the routing configuration, whichever process or app instance writes, so a cached routing
-- snapshot is never served stale. Statement-level: one counter update per statement, not per row.
-- Every write to a recipient's addresses or members also updates its Recipient row in the same
-- transaction (lib/server/recipients/*, Site Addressing, Directory Import), and deleting a
-- recipient cascades from its row, so the Recipient trigger sees every directory change.
INSERT INTO "RoutingGeneration" ("id", "value") VALUES (1, 0), (2, 0);

CREATE FUNCTION "xadm_raise_directory_generation"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE "RoutingGeneration" SET "value" = "value" + 1 WHERE "id" = 1;
    RETURN NULL;
END;
$$;

CREATE FUNCTION "xadm_raise_configuration_generation"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE "RoutingGeneration" SET "value" = "value" + 1 WHERE "id" = 2;
    RETURN NULL;
END;
$$;

CREATE TRIGGER "Recipient_routing_generation" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Recipient"
    FOR EACH STATEMENT EXECUTE FUNCTION "xadm_raise_directory_generation"();
CREATE TRIGGER "Organization_routing_generation" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Organization"
    FOR EACH STATEMENT EXECUTE FUNCTION "xadm_raise_configuration_generation"();
CREATE TRIGGER "Site_routing_generation" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Site"
    FOR EACH STATEMENT EXECUTE FUNCTION "xadm_raise_configuration_generation"();
CREATE TRIGGER "SiteAddressingRule_routing_generation" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "SiteAddressingRule"
    FOR EACH STATEMENT EXECUTE FUNCTION "xadm_raise_configuration_generation"();
CREATE TRIGGER "InternetMailService_routing_generation" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "InternetMailService"
    FOR EACH STATEMENT EXECUTE FUNCTION "xadm_raise_configuration_generation"();
CREATE TRIGGER "RoutingEntry_routing_generation" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "RoutingEntry"
    FOR EACH STATEMENT EXECUTE FUNCTION "xadm_raise_configuration_generation"();
CREATE TRIGGER "MsMailConnector_routing_generation" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "MsMailConnector"
    FOR EACH STATEMENT EXECUTE FUNCTION "xadm_raise_configuration_generation"();
CREATE TRIGGER "MsMailPostoffice_routing_generation" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "MsMailPostoffice"
    FOR EACH STATEMENT EXECUTE FUNCTION "xadm_raise_configuration_generation"();
