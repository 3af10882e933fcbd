-- The directory's routing generation (row 1) is raised by the Recipient table's triggers only.
-- A trigger costs about 9 µs a row however small its body (measured on a 700,000-row Directory
-- Import), so the per-row triggers on ProxyAddress and DistributionListMember made a
-- 100,000-recipient import spend 8 of its seconds in them. Every write to a recipient's proxy
-- addresses or members also updates its Recipient row (version, updatedAt) in the same
-- transaction — lib/server/recipients/*, Site Addressing's regeneration and Directory Import do —
-- and deleting a recipient cascades from its row, so the Recipient triggers see every change.
DROP TRIGGER "ProxyAddress_routing_generation_insert";
DROP TRIGGER "ProxyAddress_routing_generation_update";
DROP TRIGGER "ProxyAddress_routing_generation_delete";
DROP TRIGGER "DistributionListMember_routing_generation_insert";
DROP TRIGGER "DistributionListMember_routing_generation_update";
DROP TRIGGER "DistributionListMember_routing_generation_delete";
