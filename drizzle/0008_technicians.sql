CREATE TABLE "accreditation_reminders" (
	"id" text PRIMARY KEY NOT NULL,
	"accreditation_id" text NOT NULL,
	"contractor_id" text NOT NULL,
	"threshold_days" integer NOT NULL,
	"expires_on" date NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "technician_accreditations" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "technician_accreditations" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "technicians" ADD COLUMN "name" text;--> statement-breakpoint
ALTER TABLE "technicians" ADD COLUMN "mobile" text;--> statement-breakpoint
ALTER TABLE "technicians" ADD COLUMN "removed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "technicians" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "technicians" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "accreditation_reminders" ADD CONSTRAINT "accreditation_reminders_contractor_id_contractors_id_fk" FOREIGN KEY ("contractor_id") REFERENCES "public"."contractors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accreditation_reminders" ADD CONSTRAINT "accreditation_reminders_accreditation_fk" FOREIGN KEY ("accreditation_id") REFERENCES "public"."technician_accreditations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "accreditation_reminders_uq" ON "accreditation_reminders" USING btree ("accreditation_id","threshold_days","expires_on");--> statement-breakpoint
CREATE INDEX "accreditation_reminders_contractor_idx" ON "accreditation_reminders" USING btree ("contractor_id");--> statement-breakpoint
CREATE INDEX "jobs_contractor_status_rank_idx" ON "jobs" USING btree ("contractor_id",array_position(array['assigned', 'accepted', 'rejected', 'scheduled', 'in_progress', 'revisit', 'performed_need_docs', 'performed', 'closed', 'cancelled', 'archived']::text[], "status"),"due_on","id");--> statement-breakpoint
CREATE INDEX "jobs_contractor_priority_rank_idx" ON "jobs" USING btree ("contractor_id",array_position(array['low', 'normal', 'high', 'urgent']::text[], "priority"),"due_on","id");--> statement-breakpoint
CREATE INDEX "jobs_contractor_scheduled_key_idx" ON "jobs" USING btree ("contractor_id",coalesce("scheduled_on", 'infinity'::date),"id");--> statement-breakpoint
CREATE INDEX "jobs_contractor_site_idx" ON "jobs" USING btree ("contractor_id",lower("site_name"),"id");--> statement-breakpoint
CREATE INDEX "jobs_contractor_po_idx" ON "jobs" USING btree ("contractor_id",coalesce("po_number", ''),"id");--> statement-breakpoint
CREATE INDEX "jobs_search_idx" ON "jobs" USING gin (to_tsvector('simple'::regconfig, regexp_replace("site_name" || ' ' || "site_address" || ' ' || coalesce("po_number", '') || ' ' || "description", '[^[:alnum:]]+', ' ', 'g')));--> statement-breakpoint
CREATE INDEX "technicians_contractor_list_idx" ON "technicians" USING btree ("contractor_id","created_at","id");