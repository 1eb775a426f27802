DROP INDEX "payments_contractor_totals_idx";--> statement-breakpoint
CREATE INDEX "payments_contractor_arrival_idx" ON "payments" USING btree ("contractor_id","status","expected_on","sent_on","id");--> statement-breakpoint
CREATE INDEX "payments_contractor_sent_idx" ON "payments" USING btree ("contractor_id","status","sent_on","id");--> statement-breakpoint
CREATE INDEX "payments_organization_sent_idx" ON "payments" USING btree ("organization_id","status","sent_on","id");--> statement-breakpoint
CREATE INDEX "payments_contractor_totals_idx" ON "payments" USING btree ("contractor_id","status","organization_id","currency","amount_minor");