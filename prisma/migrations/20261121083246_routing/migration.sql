-- CreateTable
CREATE TABLE "InternetMailService" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "siteId" INTEGER NOT NULL,
    "hostName" TEXT NOT NULL,
    "administratorId" INTEGER,
    "rerouteIncoming" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "InternetMailService_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "InternetMailService_administratorId_fkey" FOREIGN KEY ("administratorId") REFERENCES "Recipient" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RoutingEntry" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "serviceId" INTEGER NOT NULL,
    "sentTo" TEXT NOT NULL,
    "routeTo" TEXT NOT NULL,
    CONSTRAINT "RoutingEntry_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "InternetMailService" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MsMailConnector" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "siteId" INTEGER NOT NULL,
    "network" TEXT NOT NULL,
    "postoffice" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "MsMailConnector_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MsMailPostoffice" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "connectorId" INTEGER NOT NULL,
    "network" TEXT NOT NULL,
    "postoffice" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "connection" TEXT NOT NULL,
    CONSTRAINT "MsMailPostoffice_connectorId_fkey" FOREIGN KEY ("connectorId") REFERENCES "MsMailConnector" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RoutingGeneration" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "value" INTEGER NOT NULL DEFAULT 0
);

-- CreateIndex
CREATE UNIQUE INDEX "InternetMailService_siteId_key" ON "InternetMailService"("siteId");

-- CreateIndex
CREATE UNIQUE INDEX "RoutingEntry_serviceId_sentTo_key" ON "RoutingEntry"("serviceId", "sentTo");

-- CreateIndex
CREATE UNIQUE INDEX "MsMailConnector_siteId_key" ON "MsMailConnector"("siteId");

-- CreateIndex
CREATE UNIQUE INDEX "MsMailPostoffice_connectorId_key_key" ON "MsMailPostoffice"("connectorId", "key");

-- Routing snapshot generation (hand-written; Prisma's schema language has no triggers).
-- Every change to the directory or the routing configuration raises the counter, whichever
-- process makes it, so the routing resolver's cached snapshot is never served stale.
INSERT INTO "RoutingGeneration" ("id", "value") VALUES (1, 0);

CREATE TRIGGER "Organization_routing_generation_insert" AFTER INSERT ON "Organization"
BEGIN
    UPDATE "RoutingGeneration" SET "value" = "value" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "Organization_routing_generation_update" AFTER UPDATE ON "Organization"
BEGIN
    UPDATE "RoutingGeneration" SET "value" = "value" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "Organization_routing_generation_delete" AFTER DELETE ON "Organization"
BEGIN
    UPDATE "RoutingGeneration" SET "value" = "value" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "Site_routing_generation_insert" AFTER INSERT ON "Site"
BEGIN
    UPDATE "RoutingGeneration" SET "value" = "value" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "Site_routing_generation_update" AFTER UPDATE ON "Site"
BEGIN
    UPDATE "RoutingGeneration" SET "value" = "value" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "Site_routing_generation_delete" AFTER DELETE ON "Site"
BEGIN
    UPDATE "RoutingGeneration" SET "value" = "value" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "SiteAddressingRule_routing_generation_insert" AFTER INSERT ON "SiteAddressingRule"
BEGIN
    UPDATE "RoutingGeneration" SET "value" = "value" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "SiteAddressingRule_routing_generation_update" AFTER UPDATE ON "SiteAddressingRule"
BEGIN
    UPDATE "RoutingGeneration" SET "value" = "value" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "SiteAddressingRule_routing_generation_delete" AFTER DELETE ON "SiteAddressingRule"
BEGIN
    UPDATE "RoutingGeneration" SET "value" = "value" + 1 WHERE "id" = 1;
END;

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

CREATE TRIGGER "ProxyAddress_routing_generation_insert" AFTER INSERT ON "ProxyAddress"
BEGIN
    UPDATE "RoutingGeneration" SET "value" = "value" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "ProxyAddress_routing_generation_update" AFTER UPDATE ON "ProxyAddress"
BEGIN
    UPDATE "RoutingGeneration" SET "value" = "value" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "ProxyAddress_routing_generation_delete" AFTER DELETE ON "ProxyAddress"
BEGIN
    UPDATE "RoutingGeneration" SET "value" = "value" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "DistributionListMember_routing_generation_insert" AFTER INSERT ON "DistributionListMember"
BEGIN
    UPDATE "RoutingGeneration" SET "value" = "value" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "DistributionListMember_routing_generation_update" AFTER UPDATE ON "DistributionListMember"
BEGIN
    UPDATE "RoutingGeneration" SET "value" = "value" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "DistributionListMember_routing_generation_delete" AFTER DELETE ON "DistributionListMember"
BEGIN
    UPDATE "RoutingGeneration" SET "value" = "value" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "InternetMailService_routing_generation_insert" AFTER INSERT ON "InternetMailService"
BEGIN
    UPDATE "RoutingGeneration" SET "value" = "value" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "InternetMailService_routing_generation_update" AFTER UPDATE ON "InternetMailService"
BEGIN
    UPDATE "RoutingGeneration" SET "value" = "value" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "InternetMailService_routing_generation_delete" AFTER DELETE ON "InternetMailService"
BEGIN
    UPDATE "RoutingGeneration" SET "value" = "value" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "RoutingEntry_routing_generation_insert" AFTER INSERT ON "RoutingEntry"
BEGIN
    UPDATE "RoutingGeneration" SET "value" = "value" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "RoutingEntry_routing_generation_update" AFTER UPDATE ON "RoutingEntry"
BEGIN
    UPDATE "RoutingGeneration" SET "value" = "value" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "RoutingEntry_routing_generation_delete" AFTER DELETE ON "RoutingEntry"
BEGIN
    UPDATE "RoutingGeneration" SET "value" = "value" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "MsMailConnector_routing_generation_insert" AFTER INSERT ON "MsMailConnector"
BEGIN
    UPDATE "RoutingGeneration" SET "value" = "value" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "MsMailConnector_routing_generation_update" AFTER UPDATE ON "MsMailConnector"
BEGIN
    UPDATE "RoutingGeneration" SET "value" = "value" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "MsMailConnector_routing_generation_delete" AFTER DELETE ON "MsMailConnector"
BEGIN
    UPDATE "RoutingGeneration" SET "value" = "value" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "MsMailPostoffice_routing_generation_insert" AFTER INSERT ON "MsMailPostoffice"
BEGIN
    UPDATE "RoutingGeneration" SET "value" = "value" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "MsMailPostoffice_routing_generation_update" AFTER UPDATE ON "MsMailPostoffice"
BEGIN
    UPDATE "RoutingGeneration" SET "value" = "value" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "MsMailPostoffice_routing_generation_delete" AFTER DELETE ON "MsMailPostoffice"
BEGIN
    UPDATE "RoutingGeneration" SET "value" = "value" + 1 WHERE "id" = 1;
END;
