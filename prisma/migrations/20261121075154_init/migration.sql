-- CreateTable
CREATE TABLE "Organization" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "Site" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "organizationId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    CONSTRAINT "Site_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SiteAddressingRule" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "siteId" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "rule" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    CONSTRAINT "SiteAddressingRule_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Recipient" (
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
    CONSTRAINT "Recipient_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ProxyAddress" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "recipientId" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "primary" BOOLEAN NOT NULL,
    "uniqueKey" TEXT NOT NULL,
    CONSTRAINT "ProxyAddress_recipientId_fkey" FOREIGN KEY ("recipientId") REFERENCES "Recipient" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DistributionListMember" (
    "listId" INTEGER NOT NULL,
    "memberId" INTEGER NOT NULL,

    PRIMARY KEY ("listId", "memberId"),
    CONSTRAINT "DistributionListMember_listId_fkey" FOREIGN KEY ("listId") REFERENCES "Recipient" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DistributionListMember_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Recipient" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Organization_name_key" ON "Organization"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Site_name_key" ON "Site"("name");

-- CreateIndex
CREATE UNIQUE INDEX "SiteAddressingRule_siteId_type_key" ON "SiteAddressingRule"("siteId", "type");

-- CreateIndex
CREATE INDEX "Recipient_siteId_displayName_idx" ON "Recipient"("siteId", "displayName");

-- CreateIndex
CREATE INDEX "Recipient_siteId_alias_idx" ON "Recipient"("siteId", "alias");

-- CreateIndex
CREATE INDEX "Recipient_siteId_kind_displayName_idx" ON "Recipient"("siteId", "kind", "displayName");

-- CreateIndex
CREATE UNIQUE INDEX "Recipient_siteId_directoryName_key" ON "Recipient"("siteId", "directoryName");

-- CreateIndex
CREATE UNIQUE INDEX "ProxyAddress_uniqueKey_key" ON "ProxyAddress"("uniqueKey");

-- CreateIndex
CREATE INDEX "ProxyAddress_recipientId_type_idx" ON "ProxyAddress"("recipientId", "type");

-- CreateIndex
CREATE INDEX "DistributionListMember_memberId_idx" ON "DistributionListMember"("memberId");
