CREATE TABLE "job_signoffs" (
	"id" text PRIMARY KEY NOT NULL,
	"job_id" text NOT NULL,
	"organization_id" text NOT NULL,
	"contractor_id" text NOT NULL,
	"notes" text,
	"signed_by_user_id" text NOT NULL,
	"technician_name" text NOT NULL,
	"technician_signature_file_id" text NOT NULL,
	"technician_signed_at" timestamp with time zone NOT NULL,
	"site_contact_name" text,
	"site_contact_signature_file_id" text,
	"site_contact_signed_at" timestamp with time zone,
	"performed_at" timestamp with time zone NOT NULL,
	"report_file_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "job_signoffs_site_contact_ck" CHECK (("job_signoffs"."site_contact_name" is null) = ("job_signoffs"."site_contact_signature_file_id" is null) and ("job_signoffs"."site_contact_name" is null) = ("job_signoffs"."site_contact_signed_at" is null))
);
--> statement-breakpoint
CREATE TABLE "job_site_visits" (
	"id" text PRIMARY KEY NOT NULL,
	"job_id" text NOT NULL,
	"organization_id" text NOT NULL,
	"contractor_id" text NOT NULL,
	"user_id" text NOT NULL,
	"technician_id" text,
	"arrived_at" timestamp with time zone NOT NULL,
	"latitude" double precision,
	"longitude" double precision,
	"accuracy_m" double precision,
	"ended_at" timestamp with time zone,
	"outcome" text,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "job_site_visits_outcome_ck" CHECK ("job_site_visits"."outcome" in ('revisit', 'performed')),
	CONSTRAINT "job_site_visits_latitude_ck" CHECK ("job_site_visits"."latitude" between -90 and 90),
	CONSTRAINT "job_site_visits_longitude_ck" CHECK ("job_site_visits"."longitude" between -180 and 180),
	CONSTRAINT "job_site_visits_location_ck" CHECK (("job_site_visits"."latitude" is null) = ("job_site_visits"."longitude" is null)),
	CONSTRAINT "job_site_visits_accuracy_ck" CHECK ("job_site_visits"."accuracy_m" >= 0)
);
--> statement-breakpoint
CREATE TABLE "job_task_defects" (
	"id" text PRIMARY KEY NOT NULL,
	"task_id" text NOT NULL,
	"job_id" text NOT NULL,
	"organization_id" text NOT NULL,
	"contractor_id" text NOT NULL,
	"position" integer NOT NULL,
	"description" text NOT NULL,
	"severity" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "job_task_defects_severity_ck" CHECK ("job_task_defects"."severity" in ('low', 'medium', 'high', 'critical'))
);
--> statement-breakpoint
CREATE TABLE "job_task_photos" (
	"id" text PRIMARY KEY NOT NULL,
	"task_id" text NOT NULL,
	"job_id" text NOT NULL,
	"organization_id" text NOT NULL,
	"contractor_id" text NOT NULL,
	"file_id" text NOT NULL,
	"source_file_id" text NOT NULL,
	"caption" text,
	"taken_at" timestamp with time zone NOT NULL,
	"added_by_user_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "site_preferences" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"contractor_id" text NOT NULL,
	"mobile" text,
	"signature_file_id" text,
	"signature_saved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "site_preferences_mobile_ck" CHECK ("site_preferences"."mobile" ~ '^\+[1-9][0-9]{7,14}$'),
	CONSTRAINT "site_preferences_signature_ck" CHECK (("site_preferences"."signature_file_id" is null) = ("site_preferences"."signature_saved_at" is null))
);
--> statement-breakpoint
ALTER TABLE "job_signoffs" ADD CONSTRAINT "job_signoffs_signed_by_user_id_users_id_fk" FOREIGN KEY ("signed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_signoffs" ADD CONSTRAINT "job_signoffs_job_fk" FOREIGN KEY ("job_id","organization_id","contractor_id") REFERENCES "public"."jobs"("id","organization_id","contractor_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_signoffs" ADD CONSTRAINT "job_signoffs_technician_signature_fk" FOREIGN KEY ("technician_signature_file_id","organization_id","contractor_id") REFERENCES "public"."files"("id","organization_id","contractor_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_signoffs" ADD CONSTRAINT "job_signoffs_site_contact_signature_fk" FOREIGN KEY ("site_contact_signature_file_id","organization_id","contractor_id") REFERENCES "public"."files"("id","organization_id","contractor_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_signoffs" ADD CONSTRAINT "job_signoffs_report_fk" FOREIGN KEY ("report_file_id","organization_id","contractor_id") REFERENCES "public"."files"("id","organization_id","contractor_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_site_visits" ADD CONSTRAINT "job_site_visits_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_site_visits" ADD CONSTRAINT "job_site_visits_technician_id_technicians_id_fk" FOREIGN KEY ("technician_id") REFERENCES "public"."technicians"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_site_visits" ADD CONSTRAINT "job_site_visits_job_fk" FOREIGN KEY ("job_id","organization_id","contractor_id") REFERENCES "public"."jobs"("id","organization_id","contractor_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_task_defects" ADD CONSTRAINT "job_task_defects_task_fk" FOREIGN KEY ("task_id","organization_id","contractor_id") REFERENCES "public"."job_tasks"("id","organization_id","contractor_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_task_defects" ADD CONSTRAINT "job_task_defects_job_fk" FOREIGN KEY ("job_id","organization_id","contractor_id") REFERENCES "public"."jobs"("id","organization_id","contractor_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_task_photos" ADD CONSTRAINT "job_task_photos_source_file_id_files_id_fk" FOREIGN KEY ("source_file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_task_photos" ADD CONSTRAINT "job_task_photos_added_by_user_id_users_id_fk" FOREIGN KEY ("added_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_task_photos" ADD CONSTRAINT "job_task_photos_task_fk" FOREIGN KEY ("task_id","organization_id","contractor_id") REFERENCES "public"."job_tasks"("id","organization_id","contractor_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_task_photos" ADD CONSTRAINT "job_task_photos_job_fk" FOREIGN KEY ("job_id","organization_id","contractor_id") REFERENCES "public"."jobs"("id","organization_id","contractor_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_task_photos" ADD CONSTRAINT "job_task_photos_file_fk" FOREIGN KEY ("file_id","organization_id","contractor_id") REFERENCES "public"."files"("id","organization_id","contractor_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_preferences" ADD CONSTRAINT "site_preferences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_preferences" ADD CONSTRAINT "site_preferences_contractor_id_contractors_id_fk" FOREIGN KEY ("contractor_id") REFERENCES "public"."contractors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_preferences" ADD CONSTRAINT "site_preferences_signature_file_id_files_id_fk" FOREIGN KEY ("signature_file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "job_signoffs_job_idx" ON "job_signoffs" USING btree ("job_id","organization_id","contractor_id");--> statement-breakpoint
CREATE INDEX "job_signoffs_list_idx" ON "job_signoffs" USING btree ("job_id","created_at","id");--> statement-breakpoint
CREATE INDEX "job_signoffs_organization_idx" ON "job_signoffs" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "job_signoffs_contractor_idx" ON "job_signoffs" USING btree ("contractor_id");--> statement-breakpoint
CREATE INDEX "job_signoffs_signed_by_idx" ON "job_signoffs" USING btree ("signed_by_user_id");--> statement-breakpoint
CREATE INDEX "job_signoffs_technician_signature_idx" ON "job_signoffs" USING btree ("technician_signature_file_id","organization_id","contractor_id");--> statement-breakpoint
CREATE INDEX "job_signoffs_site_contact_signature_idx" ON "job_signoffs" USING btree ("site_contact_signature_file_id","organization_id","contractor_id");--> statement-breakpoint
CREATE INDEX "job_signoffs_report_idx" ON "job_signoffs" USING btree ("report_file_id","organization_id","contractor_id");--> statement-breakpoint
CREATE INDEX "job_site_visits_job_idx" ON "job_site_visits" USING btree ("job_id","organization_id","contractor_id");--> statement-breakpoint
CREATE INDEX "job_site_visits_list_idx" ON "job_site_visits" USING btree ("job_id","arrived_at","id");--> statement-breakpoint
CREATE INDEX "job_site_visits_organization_idx" ON "job_site_visits" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "job_site_visits_contractor_idx" ON "job_site_visits" USING btree ("contractor_id");--> statement-breakpoint
CREATE INDEX "job_site_visits_user_idx" ON "job_site_visits" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "job_site_visits_technician_idx" ON "job_site_visits" USING btree ("technician_id");--> statement-breakpoint
CREATE UNIQUE INDEX "job_task_defects_position_uq" ON "job_task_defects" USING btree ("task_id","position");--> statement-breakpoint
CREATE INDEX "job_task_defects_task_idx" ON "job_task_defects" USING btree ("task_id","organization_id","contractor_id");--> statement-breakpoint
CREATE INDEX "job_task_defects_job_idx" ON "job_task_defects" USING btree ("job_id","organization_id","contractor_id");--> statement-breakpoint
CREATE INDEX "job_task_defects_organization_idx" ON "job_task_defects" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "job_task_defects_contractor_idx" ON "job_task_defects" USING btree ("contractor_id");--> statement-breakpoint
CREATE UNIQUE INDEX "job_task_photos_source_uq" ON "job_task_photos" USING btree ("task_id","source_file_id");--> statement-breakpoint
CREATE INDEX "job_task_photos_task_idx" ON "job_task_photos" USING btree ("task_id","organization_id","contractor_id");--> statement-breakpoint
CREATE INDEX "job_task_photos_job_idx" ON "job_task_photos" USING btree ("job_id","organization_id","contractor_id");--> statement-breakpoint
CREATE INDEX "job_task_photos_organization_idx" ON "job_task_photos" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "job_task_photos_contractor_idx" ON "job_task_photos" USING btree ("contractor_id");--> statement-breakpoint
CREATE INDEX "job_task_photos_file_idx" ON "job_task_photos" USING btree ("file_id","organization_id","contractor_id");--> statement-breakpoint
CREATE INDEX "job_task_photos_source_idx" ON "job_task_photos" USING btree ("source_file_id");--> statement-breakpoint
CREATE INDEX "job_task_photos_added_by_idx" ON "job_task_photos" USING btree ("added_by_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "site_preferences_person_uq" ON "site_preferences" USING btree ("user_id","contractor_id");--> statement-breakpoint
CREATE INDEX "site_preferences_contractor_idx" ON "site_preferences" USING btree ("contractor_id");--> statement-breakpoint
CREATE INDEX "site_preferences_signature_idx" ON "site_preferences" USING btree ("signature_file_id");