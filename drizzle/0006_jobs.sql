CREATE TABLE "job_documents" (
	"id" text PRIMARY KEY NOT NULL,
	"job_id" text NOT NULL,
	"organization_id" text NOT NULL,
	"contractor_id" text NOT NULL,
	"file_id" text NOT NULL,
	"side" text NOT NULL,
	"kind" text NOT NULL,
	"added_by_user_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "job_documents_side_ck" CHECK ("job_documents"."side" in ('company', 'contractor')),
	CONSTRAINT "job_documents_kind_ck" CHECK ("job_documents"."kind" in ('document', 'invoice', 'report', 'quote')),
	CONSTRAINT "job_documents_side_kind_ck" CHECK (("job_documents"."side" = 'company') = ("job_documents"."kind" = 'document'))
);
--> statement-breakpoint
CREATE TABLE "job_tasks" (
	"id" text PRIMARY KEY NOT NULL,
	"job_id" text NOT NULL,
	"organization_id" text NOT NULL,
	"contractor_id" text NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"result_required" boolean NOT NULL,
	"defects_allowed" boolean NOT NULL,
	"photos" text NOT NULL,
	"result" text,
	"remarks" text,
	"answered_by_user_id" text,
	"answered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "job_tasks_scope_uq" UNIQUE("id","organization_id","contractor_id"),
	CONSTRAINT "job_tasks_photos_ck" CHECK ("job_tasks"."photos" in ('required', 'optional', 'none')),
	CONSTRAINT "job_tasks_result_ck" CHECK ("job_tasks"."result" in ('pass', 'fail', 'na'))
);
--> statement-breakpoint
CREATE TABLE "job_technicians" (
	"id" text PRIMARY KEY NOT NULL,
	"job_id" text NOT NULL,
	"organization_id" text NOT NULL,
	"contractor_id" text NOT NULL,
	"technician_id" text NOT NULL,
	"assigned_by_user_id" text NOT NULL,
	"flag_override_confirmed" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "job_template_tasks" (
	"id" text PRIMARY KEY NOT NULL,
	"template_id" text NOT NULL,
	"organization_id" text NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"result_required" boolean NOT NULL,
	"defects_allowed" boolean NOT NULL,
	"photos" text NOT NULL,
	CONSTRAINT "job_template_tasks_photos_ck" CHECK ("job_template_tasks"."photos" in ('required', 'optional', 'none'))
);
--> statement-breakpoint
CREATE TABLE "job_templates" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by_user_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "job_templates_scope_uq" UNIQUE("id","organization_id")
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"contractor_id" text NOT NULL,
	"engagement_id" text NOT NULL,
	"number" integer NOT NULL,
	"site_name" text NOT NULL,
	"site_address" text NOT NULL,
	"description" text NOT NULL,
	"due_on" date NOT NULL,
	"priority" text DEFAULT 'normal' NOT NULL,
	"po_number" text,
	"po_amount_minor" bigint,
	"po_currency" text,
	"access_details" text DEFAULT '' NOT NULL,
	"required_accreditations" text[] DEFAULT '{}'::text[] NOT NULL,
	"target_on" date,
	"scheduled_on" date,
	"performed_on" date,
	"status" text NOT NULL,
	"reject_reason" text,
	"cancel_reason" text,
	"send_back_reason" text,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by_user_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "jobs_scope_uq" UNIQUE("id","organization_id","contractor_id"),
	CONSTRAINT "jobs_status_ck" CHECK ("jobs"."status" in ('assigned', 'accepted', 'rejected', 'scheduled', 'in_progress', 'revisit', 'performed_need_docs', 'performed', 'closed', 'cancelled', 'archived')),
	CONSTRAINT "jobs_priority_ck" CHECK ("jobs"."priority" in ('low', 'normal', 'high', 'urgent')),
	CONSTRAINT "jobs_po_currency_ck" CHECK ("jobs"."po_currency" in ('AED', 'AFN', 'ALL', 'AMD', 'ANG', 'AOA', 'ARS', 'AUD', 'AWG', 'AZN', 'BAM', 'BBD', 'BDT', 'BGN', 'BHD', 'BIF', 'BMD', 'BND', 'BOB', 'BOV', 'BRL', 'BSD', 'BTN', 'BWP', 'BYN', 'BZD', 'CAD', 'CDF', 'CHE', 'CHF', 'CHW', 'CLF', 'CLP', 'CNY', 'COP', 'COU', 'CRC', 'CUP', 'CVE', 'CZK', 'DJF', 'DKK', 'DOP', 'DZD', 'EGP', 'ERN', 'ETB', 'EUR', 'FJD', 'FKP', 'GBP', 'GEL', 'GHS', 'GIP', 'GMD', 'GNF', 'GTQ', 'GYD', 'HKD', 'HNL', 'HTG', 'HUF', 'IDR', 'ILS', 'INR', 'IQD', 'IRR', 'ISK', 'JMD', 'JOD', 'JPY', 'KES', 'KGS', 'KHR', 'KMF', 'KPW', 'KRW', 'KWD', 'KYD', 'KZT', 'LAK', 'LBP', 'LKR', 'LRD', 'LSL', 'LYD', 'MAD', 'MDL', 'MGA', 'MKD', 'MMK', 'MNT', 'MOP', 'MRU', 'MUR', 'MVR', 'MWK', 'MXN', 'MXV', 'MYR', 'MZN', 'NAD', 'NGN', 'NIO', 'NOK', 'NPR', 'NZD', 'OMR', 'PAB', 'PEN', 'PGK', 'PHP', 'PKR', 'PLN', 'PYG', 'QAR', 'RON', 'RSD', 'RUB', 'RWF', 'SAR', 'SBD', 'SCR', 'SDG', 'SEK', 'SGD', 'SHP', 'SLE', 'SOS', 'SRD', 'SSP', 'STN', 'SVC', 'SYP', 'SZL', 'THB', 'TJS', 'TMT', 'TND', 'TOP', 'TRY', 'TTD', 'TWD', 'TZS', 'UAH', 'UGX', 'USD', 'USN', 'UYI', 'UYU', 'UYW', 'UZS', 'VED', 'VES', 'VND', 'VUV', 'WST', 'XAF', 'XCD', 'XCG', 'XOF', 'XPF', 'YER', 'ZAR', 'ZMW', 'ZWG')),
	CONSTRAINT "jobs_po_amount_ck" CHECK ("jobs"."po_amount_minor" > 0),
	CONSTRAINT "jobs_po_amount_currency_ck" CHECK (("jobs"."po_amount_minor" is null) = ("jobs"."po_currency" is null)),
	CONSTRAINT "jobs_required_accreditations_ck" CHECK ("jobs"."required_accreditations" <@ array['working_at_heights', 'confined_space', 'electrical_licence', 'fire_systems', 'first_aid', 'white_card', 'asbestos_awareness', 'gas_fitting', 'plumbing_licence', 'police_check', 'elevated_work_platform', 'refrigerant_handling']::text[])
);
--> statement-breakpoint
CREATE TABLE "technician_accreditations" (
	"id" text PRIMARY KEY NOT NULL,
	"contractor_id" text NOT NULL,
	"technician_id" text NOT NULL,
	"type" text NOT NULL,
	"number" text DEFAULT '' NOT NULL,
	"expires_on" date,
	"file_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "technician_accreditations_type_ck" CHECK ("technician_accreditations"."type" in ('working_at_heights', 'confined_space', 'electrical_licence', 'fire_systems', 'first_aid', 'white_card', 'asbestos_awareness', 'gas_fitting', 'plumbing_licence', 'police_check', 'elevated_work_platform', 'refrigerant_handling'))
);
--> statement-breakpoint
ALTER TABLE "job_documents" ADD CONSTRAINT "job_documents_added_by_user_id_users_id_fk" FOREIGN KEY ("added_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_documents" ADD CONSTRAINT "job_documents_job_fk" FOREIGN KEY ("job_id","organization_id","contractor_id") REFERENCES "public"."jobs"("id","organization_id","contractor_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_documents" ADD CONSTRAINT "job_documents_file_fk" FOREIGN KEY ("file_id","organization_id","contractor_id") REFERENCES "public"."files"("id","organization_id","contractor_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_tasks" ADD CONSTRAINT "job_tasks_answered_by_user_id_users_id_fk" FOREIGN KEY ("answered_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_tasks" ADD CONSTRAINT "job_tasks_job_fk" FOREIGN KEY ("job_id","organization_id","contractor_id") REFERENCES "public"."jobs"("id","organization_id","contractor_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_technicians" ADD CONSTRAINT "job_technicians_technician_id_technicians_id_fk" FOREIGN KEY ("technician_id") REFERENCES "public"."technicians"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_technicians" ADD CONSTRAINT "job_technicians_assigned_by_user_id_users_id_fk" FOREIGN KEY ("assigned_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_technicians" ADD CONSTRAINT "job_technicians_job_fk" FOREIGN KEY ("job_id","organization_id","contractor_id") REFERENCES "public"."jobs"("id","organization_id","contractor_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_template_tasks" ADD CONSTRAINT "job_template_tasks_template_fk" FOREIGN KEY ("template_id","organization_id") REFERENCES "public"."job_templates"("id","organization_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_templates" ADD CONSTRAINT "job_templates_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_templates" ADD CONSTRAINT "job_templates_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_engagement_fk" FOREIGN KEY ("engagement_id","organization_id","contractor_id") REFERENCES "public"."engagements"("id","organization_id","contractor_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "technician_accreditations" ADD CONSTRAINT "technician_accreditations_contractor_id_contractors_id_fk" FOREIGN KEY ("contractor_id") REFERENCES "public"."contractors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "technician_accreditations" ADD CONSTRAINT "technician_accreditations_technician_id_technicians_id_fk" FOREIGN KEY ("technician_id") REFERENCES "public"."technicians"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "technician_accreditations" ADD CONSTRAINT "technician_accreditations_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "job_documents_uq" ON "job_documents" USING btree ("job_id","file_id");--> statement-breakpoint
CREATE INDEX "job_documents_scope_idx" ON "job_documents" USING btree ("job_id","organization_id","contractor_id");--> statement-breakpoint
CREATE INDEX "job_documents_file_idx" ON "job_documents" USING btree ("file_id","organization_id","contractor_id");--> statement-breakpoint
CREATE INDEX "job_documents_organization_idx" ON "job_documents" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "job_documents_contractor_idx" ON "job_documents" USING btree ("contractor_id");--> statement-breakpoint
CREATE INDEX "job_documents_added_by_idx" ON "job_documents" USING btree ("added_by_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "job_tasks_position_uq" ON "job_tasks" USING btree ("job_id","position");--> statement-breakpoint
CREATE INDEX "job_tasks_scope_idx" ON "job_tasks" USING btree ("job_id","organization_id","contractor_id");--> statement-breakpoint
CREATE INDEX "job_tasks_organization_idx" ON "job_tasks" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "job_tasks_contractor_idx" ON "job_tasks" USING btree ("contractor_id");--> statement-breakpoint
CREATE INDEX "job_tasks_answered_by_idx" ON "job_tasks" USING btree ("answered_by_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "job_technicians_uq" ON "job_technicians" USING btree ("job_id","technician_id");--> statement-breakpoint
CREATE INDEX "job_technicians_scope_idx" ON "job_technicians" USING btree ("job_id","organization_id","contractor_id");--> statement-breakpoint
CREATE INDEX "job_technicians_technician_idx" ON "job_technicians" USING btree ("technician_id","contractor_id","job_id");--> statement-breakpoint
CREATE INDEX "job_technicians_organization_idx" ON "job_technicians" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "job_technicians_contractor_idx" ON "job_technicians" USING btree ("contractor_id");--> statement-breakpoint
CREATE INDEX "job_technicians_assigned_by_idx" ON "job_technicians" USING btree ("assigned_by_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "job_template_tasks_position_uq" ON "job_template_tasks" USING btree ("template_id","position");--> statement-breakpoint
CREATE INDEX "job_template_tasks_scope_idx" ON "job_template_tasks" USING btree ("template_id","organization_id");--> statement-breakpoint
CREATE INDEX "job_template_tasks_organization_idx" ON "job_template_tasks" USING btree ("organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "job_templates_name_uq" ON "job_templates" USING btree ("organization_id","name");--> statement-breakpoint
CREATE INDEX "job_templates_list_idx" ON "job_templates" USING btree ("organization_id","created_at","id");--> statement-breakpoint
CREATE INDEX "job_templates_created_by_idx" ON "job_templates" USING btree ("created_by_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "jobs_organization_number_uq" ON "jobs" USING btree ("organization_id","number");--> statement-breakpoint
CREATE INDEX "jobs_contractor_status_due_idx" ON "jobs" USING btree ("contractor_id","status","due_on","id");--> statement-breakpoint
CREATE INDEX "jobs_contractor_due_idx" ON "jobs" USING btree ("contractor_id","due_on","id");--> statement-breakpoint
CREATE INDEX "jobs_contractor_scheduled_idx" ON "jobs" USING btree ("contractor_id","scheduled_on","id");--> statement-breakpoint
CREATE INDEX "jobs_contractor_organization_due_idx" ON "jobs" USING btree ("contractor_id","organization_id","due_on","id");--> statement-breakpoint
CREATE INDEX "jobs_contractor_created_idx" ON "jobs" USING btree ("contractor_id","created_at","id");--> statement-breakpoint
CREATE INDEX "jobs_organization_status_due_idx" ON "jobs" USING btree ("organization_id","status","due_on","id");--> statement-breakpoint
CREATE INDEX "jobs_organization_due_idx" ON "jobs" USING btree ("organization_id","due_on","id");--> statement-breakpoint
CREATE INDEX "jobs_organization_created_idx" ON "jobs" USING btree ("organization_id","created_at","id");--> statement-breakpoint
CREATE INDEX "jobs_engagement_idx" ON "jobs" USING btree ("engagement_id","organization_id","contractor_id");--> statement-breakpoint
CREATE INDEX "jobs_created_by_idx" ON "jobs" USING btree ("created_by_user_id");--> statement-breakpoint
CREATE INDEX "technician_accreditations_technician_idx" ON "technician_accreditations" USING btree ("technician_id","contractor_id","type");--> statement-breakpoint
CREATE INDEX "technician_accreditations_expiry_idx" ON "technician_accreditations" USING btree ("expires_on","contractor_id");--> statement-breakpoint
CREATE INDEX "technician_accreditations_contractor_idx" ON "technician_accreditations" USING btree ("contractor_id","created_at","id");--> statement-breakpoint
CREATE INDEX "technician_accreditations_file_idx" ON "technician_accreditations" USING btree ("file_id");