-- A contract's milestone totals written again from its milestones: one row per contract with any,
-- [status, currency, exact sum as text, count] per pair (the sum as numeric's text: exact, never
-- refused here; the app refuses a sum past 2^53 when it shows it). Once per contract and
-- transaction: the trigger fires at commit (below), when the transaction's changes are all made,
-- so the first sum is the last word; the row's refreshed_in tells the contract's other changes of
-- the same transaction (a batch paying 500 of its milestones) to skip it. (SET CONSTRAINTS …
-- IMMEDIATE would fire it before the transaction's last change: nothing here does that.)
CREATE FUNCTION "contract_milestone_totals_refresh"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed text;
  this_transaction bigint := pg_current_xact_id()::text::bigint;
BEGIN
  FOREACH changed IN ARRAY ARRAY[CASE WHEN TG_OP <> 'DELETE' THEN NEW.contract_id END, CASE WHEN TG_OP <> 'INSERT' THEN OLD.contract_id END] LOOP
    CONTINUE WHEN changed IS NULL;
    CONTINUE WHEN EXISTS (SELECT 1 FROM "contract_milestone_totals" WHERE contract_id = changed AND refreshed_in = this_transaction);
    INSERT INTO "contract_milestone_totals" ("contract_id", "organization_id", "contractor_id", "sums", "refreshed_in")
    SELECT s.contract_id, s.organization_id, s.contractor_id,
      json_agg(json_build_array(s.status, s.currency, s.amount, s.n) ORDER BY s.status, s.currency), this_transaction
    FROM (
      SELECT contract_id, organization_id, contractor_id, status, currency, sum(amount_minor)::text AS amount, count(*)::int AS n
      FROM "milestones" WHERE contract_id = changed
      GROUP BY contract_id, organization_id, contractor_id, status, currency
    ) s
    GROUP BY s.contract_id, s.organization_id, s.contractor_id
    ON CONFLICT ("contract_id", "organization_id", "contractor_id")
      DO UPDATE SET "sums" = excluded."sums", "refreshed_in" = excluded."refreshed_in";
    IF NOT FOUND THEN
      DELETE FROM "contract_milestone_totals" WHERE contract_id = changed;
    END IF;
  END LOOP;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- Deferred to the commit of the transaction that changed the milestones: the totals' row lock is
-- then the transaction's last one, taken after every other (an organization's audit chain head
-- among them), so two transactions that change one organization's milestones do not wait on each
-- other's totals (no deadlock).
CREATE CONSTRAINT TRIGGER "milestones_totals_refresh"
  AFTER INSERT OR DELETE OR UPDATE OF "status", "currency", "amount_minor", "contract_id" ON "milestones"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION "contract_milestone_totals_refresh"();
--> statement-breakpoint
INSERT INTO "contract_milestone_totals" ("contract_id", "organization_id", "contractor_id", "sums", "refreshed_in")
SELECT s.contract_id, s.organization_id, s.contractor_id,
  json_agg(json_build_array(s.status, s.currency, s.amount, s.n) ORDER BY s.status, s.currency), pg_current_xact_id()::text::bigint
FROM (
  SELECT contract_id, organization_id, contractor_id, status, currency, sum(amount_minor)::text AS amount, count(*)::int AS n
  FROM "milestones"
  GROUP BY contract_id, organization_id, contractor_id, status, currency
) s
GROUP BY s.contract_id, s.organization_id, s.contractor_id;
