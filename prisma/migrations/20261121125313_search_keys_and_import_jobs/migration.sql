-- Issue 6: keys the Recipients list sorts on and Find Recipients matches on through indexes
-- (lib/core/search-keys.ts), and Directory Import jobs kept in the database so that any app
-- instance answers the page's poll. Existing rows get lower() here (ASCII only in SQLite);
-- scripts/migrate.mjs then recomputes every key in JavaScript, as the app writes them.
-- CreateTable
CREATE TABLE "ImportJob" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "administratorId" INTEGER,
    "state" TEXT NOT NULL,
    "fileName" TEXT,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "heartbeatAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME,
    "progress" TEXT NOT NULL,
    "report" TEXT,
    "error" TEXT
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ProxyAddress" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "recipientId" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "primary" BOOLEAN NOT NULL,
    "uniqueKey" TEXT NOT NULL,
    "addressKey" TEXT NOT NULL,
    CONSTRAINT "ProxyAddress_recipientId_fkey" FOREIGN KEY ("recipientId") REFERENCES "Recipient" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ProxyAddress" ("address", "id", "primary", "recipientId", "type", "uniqueKey", "addressKey") SELECT "address", "id", "primary", "recipientId", "type", "uniqueKey", lower("address") FROM "ProxyAddress";
DROP TABLE "ProxyAddress";
ALTER TABLE "new_ProxyAddress" RENAME TO "ProxyAddress";
CREATE UNIQUE INDEX "ProxyAddress_uniqueKey_key" ON "ProxyAddress"("uniqueKey");
CREATE INDEX "ProxyAddress_recipientId_type_idx" ON "ProxyAddress"("recipientId", "type");
CREATE INDEX "ProxyAddress_addressKey_recipientId_idx" ON "ProxyAddress"("addressKey", "recipientId");
CREATE TABLE "new_Recipient" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "siteId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "directoryName" TEXT NOT NULL,
    "alias" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "firstName" TEXT NOT NULL DEFAULT '',
    "initials" TEXT NOT NULL DEFAULT '',
    "lastName" TEXT NOT NULL DEFAULT '',
    "targetAddress" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "displayNameKey" TEXT NOT NULL,
    "aliasKey" TEXT NOT NULL,
    CONSTRAINT "Recipient_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Recipient" ("alias", "createdAt", "directoryName", "displayName", "firstName", "id", "initials", "kind", "lastName", "siteId", "targetAddress", "updatedAt", "version", "displayNameKey", "aliasKey") SELECT "alias", "createdAt", "directoryName", "displayName", "firstName", "id", "initials", "kind", "lastName", "siteId", "targetAddress", "updatedAt", "version", lower("displayName"), lower("alias") FROM "Recipient";
DROP TABLE "Recipient";
ALTER TABLE "new_Recipient" RENAME TO "Recipient";
CREATE INDEX "Recipient_siteId_displayNameKey_id_idx" ON "Recipient"("siteId", "displayNameKey", "id");
CREATE INDEX "Recipient_siteId_aliasKey_id_idx" ON "Recipient"("siteId", "aliasKey", "id");
CREATE INDEX "Recipient_siteId_kind_displayNameKey_id_idx" ON "Recipient"("siteId", "kind", "displayNameKey", "id");
CREATE UNIQUE INDEX "Recipient_siteId_directoryName_key" ON "Recipient"("siteId", "directoryName");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Dropping the old Recipient table dropped its triggers (migration 20261121083246_routing): again.
CREATE TRIGGER "Recipient_routing_generation_insert" AFTER INSERT ON "Recipient"
BEGIN
    UPDATE "RoutingGeneration" SET "value" = "value" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "Recipient_routing_generation_update" AFTER UPDATE ON "Recipient"
BEGIN
    UPDATE "RoutingGeneration" SET "value" = "value" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "Recipient_routing_generation_delete" AFTER DELETE ON "Recipient"
BEGIN
    UPDATE "RoutingGeneration" SET "value" = "value" + 1 WHERE "id" = 1;
END;

UPDATE "RoutingGeneration" SET "value" = "value" + 1 WHERE "id" = 1;

-- CreateIndex
CREATE INDEX "ImportJob_finishedAt_idx" ON "ImportJob"("finishedAt");
