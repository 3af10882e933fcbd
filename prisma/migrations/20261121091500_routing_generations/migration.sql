-- Two routing generation counters instead of one (hand-written, see 20261121083246_routing):
-- row 1 moves with the directory (recipients, their addresses, list members), row 2 with the
-- routing configuration (organization, sites, Site Addressing, the IMS and its routing table,
-- the MS Mail Connector and its postoffices). A configuration change then recompiles the
-- routing tables without reloading a 100,000-recipient directory.
INSERT INTO "RoutingGeneration" ("id", "value") VALUES (2, 0);

DROP TRIGGER "Organization_routing_generation_insert";
CREATE TRIGGER "Organization_routing_generation_insert" AFTER INSERT ON "Organization"
BEGIN
    UPDATE "RoutingGeneration" SET "value" = "value" + 1 WHERE "id" = 2;
END;

DROP TRIGGER "Organization_routing_generation_update";
CREATE TRIGGER "Organization_routing_generation_update" AFTER UPDATE ON "Organization"
BEGIN
    UPDATE "RoutingGeneration" SET "value" = "value" + 1 WHERE "id" = 2;
END;

DROP TRIGGER "Organization_routing_generation_delete";
CREATE TRIGGER "Organization_routing_generation_delete" AFTER DELETE ON "Organization"
BEGIN
    UPDATE "RoutingGeneration" SET "value" = "value" + 1 WHERE "id" = 2;
END;

DROP TRIGGER "Site_routing_generation_insert";
CREATE TRIGGER "Site_routing_generation_insert" AFTER INSERT ON "Site"
BEGIN
    UPDATE "RoutingGeneration" SET "value" = "value" + 1 WHERE "id" = 2;
END;

DROP TRIGGER "Site_routing_generation_update";
CREATE TRIGGER "Site_routing_generation_update" AFTER UPDATE ON "Site"
BEGIN
    UPDATE "RoutingGeneration" SET "value" = "value" + 1 WHERE "id" = 2;
END;

DROP TRIGGER "Site_routing_generation_delete";
CREATE TRIGGER "Site_routing_generation_delete" AFTER DELETE ON "Site"
BEGIN
    UPDATE "RoutingGeneration" SET "value" = "value" + 1 WHERE "id" = 2;
END;

DROP TRIGGER "SiteAddressingRule_routing_generation_insert";
CREATE TRIGGER "SiteAddressingRule_routing_generation_insert" AFTER INSERT ON "SiteAddressingRule"
BEGIN
    UPDATE "RoutingGeneration" SET "value" = "value" + 1 WHERE "id" = 2;
END;

DROP TRIGGER "SiteAddressingRule_routing_generation_update";
CREATE TRIGGER "SiteAddressingRule_routing_generation_update" AFTER UPDATE ON "SiteAddressingRule"
BEGIN
    UPDATE "RoutingGeneration" SET "value" = "value" + 1 WHERE "id" = 2;
END;

DROP TRIGGER "SiteAddressingRule_routing_generation_delete";
CREATE TRIGGER "SiteAddressingRule_routing_generation_delete" AFTER DELETE ON "SiteAddressingRule"
BEGIN
    UPDATE "RoutingGeneration" SET "value" = "value" + 1 WHERE "id" = 2;
END;

DROP TRIGGER "InternetMailService_routing_generation_insert";
CREATE TRIGGER "InternetMailService_routing_generation_insert" AFTER INSERT ON "InternetMailService"
BEGIN
    UPDATE "RoutingGeneration" SET "value" = "value" + 1 WHERE "id" = 2;
END;

DROP TRIGGER "InternetMailService_routing_generation_update";
CREATE TRIGGER "InternetMailService_routing_generation_update" AFTER UPDATE ON "InternetMailService"
BEGIN
    UPDATE "RoutingGeneration" SET "value" = "value" + 1 WHERE "id" = 2;
END;

DROP TRIGGER "InternetMailService_routing_generation_delete";
CREATE TRIGGER "InternetMailService_routing_generation_delete" AFTER DELETE ON "InternetMailService"
BEGIN
    UPDATE "RoutingGeneration" SET "value" = "value" + 1 WHERE "id" = 2;
END;

DROP TRIGGER "RoutingEntry_routing_generation_insert";
CREATE TRIGGER "RoutingEntry_routing_generation_insert" AFTER INSERT ON "RoutingEntry"
BEGIN
    UPDATE "RoutingGeneration" SET "value" = "value" + 1 WHERE "id" = 2;
END;

DROP TRIGGER "RoutingEntry_routing_generation_update";
CREATE TRIGGER "RoutingEntry_routing_generation_update" AFTER UPDATE ON "RoutingEntry"
BEGIN
    UPDATE "RoutingGeneration" SET "value" = "value" + 1 WHERE "id" = 2;
END;

DROP TRIGGER "RoutingEntry_routing_generation_delete";
CREATE TRIGGER "RoutingEntry_routing_generation_delete" AFTER DELETE ON "RoutingEntry"
BEGIN
    UPDATE "RoutingGeneration" SET "value" = "value" + 1 WHERE "id" = 2;
END;

DROP TRIGGER "MsMailConnector_routing_generation_insert";
CREATE TRIGGER "MsMailConnector_routing_generation_insert" AFTER INSERT ON "MsMailConnector"
BEGIN
    UPDATE "RoutingGeneration" SET "value" = "value" + 1 WHERE "id" = 2;
END;

DROP TRIGGER "MsMailConnector_routing_generation_update";
CREATE TRIGGER "MsMailConnector_routing_generation_update" AFTER UPDATE ON "MsMailConnector"
BEGIN
    UPDATE "RoutingGeneration" SET "value" = "value" + 1 WHERE "id" = 2;
END;

DROP TRIGGER "MsMailConnector_routing_generation_delete";
CREATE TRIGGER "MsMailConnector_routing_generation_delete" AFTER DELETE ON "MsMailConnector"
BEGIN
    UPDATE "RoutingGeneration" SET "value" = "value" + 1 WHERE "id" = 2;
END;

DROP TRIGGER "MsMailPostoffice_routing_generation_insert";
CREATE TRIGGER "MsMailPostoffice_routing_generation_insert" AFTER INSERT ON "MsMailPostoffice"
BEGIN
    UPDATE "RoutingGeneration" SET "value" = "value" + 1 WHERE "id" = 2;
END;

DROP TRIGGER "MsMailPostoffice_routing_generation_update";
CREATE TRIGGER "MsMailPostoffice_routing_generation_update" AFTER UPDATE ON "MsMailPostoffice"
BEGIN
    UPDATE "RoutingGeneration" SET "value" = "value" + 1 WHERE "id" = 2;
END;

DROP TRIGGER "MsMailPostoffice_routing_generation_delete";
CREATE TRIGGER "MsMailPostoffice_routing_generation_delete" AFTER DELETE ON "MsMailPostoffice"
BEGIN
    UPDATE "RoutingGeneration" SET "value" = "value" + 1 WHERE "id" = 2;
END;
