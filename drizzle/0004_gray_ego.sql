DROP INDEX "audit_events_organization_id_idx";--> statement-breakpoint
DROP INDEX "audit_events_contractor_id_idx";--> statement-breakpoint
DROP INDEX "notifications_user_id_idx";--> statement-breakpoint
DROP INDEX "engagements_contractor_id_idx";--> statement-breakpoint
DROP INDEX "invitations_organization_id_idx";--> statement-breakpoint
DROP INDEX "invitations_contractor_id_idx";--> statement-breakpoint
CREATE INDEX "contracts_organization_list_idx" ON "contracts" USING btree ("organization_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "contracts_contractor_list_idx" ON "contracts" USING btree ("contractor_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "audit_events_organization_list_idx" ON "audit_events" USING btree ("organization_id","created_at","id");--> statement-breakpoint
CREATE INDEX "audit_events_contractor_list_idx" ON "audit_events" USING btree ("contractor_id","created_at","id");--> statement-breakpoint
CREATE INDEX "notifications_user_list_idx" ON "notifications" USING btree ("user_id","created_at","id");--> statement-breakpoint
CREATE INDEX "notifications_unread_idx" ON "notifications" USING btree ("user_id") WHERE read_at is null;--> statement-breakpoint
CREATE INDEX "engagements_organization_list_idx" ON "engagements" USING btree ("organization_id","created_at","id");--> statement-breakpoint
CREATE INDEX "engagements_contractor_list_idx" ON "engagements" USING btree ("contractor_id","created_at","id");--> statement-breakpoint
CREATE INDEX "invitations_organization_list_idx" ON "invitations" USING btree ("organization_id","created_at","id");--> statement-breakpoint
CREATE INDEX "invitations_contractor_list_idx" ON "invitations" USING btree ("contractor_id","created_at","id");--> statement-breakpoint
CREATE INDEX "staff_members_list_idx" ON "staff_members" USING btree ("organization_id","created_at","id");