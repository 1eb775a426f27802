CREATE TABLE "contractor_profiles" (
	"contractor_id" text PRIMARY KEY NOT NULL,
	"legal_name" text NOT NULL,
	"address" text NOT NULL,
	"tax_id" text DEFAULT '' NOT NULL,
	"bank_details" text DEFAULT '' NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by_user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invoice_lines" (
	"id" text PRIMARY KEY NOT NULL,
	"invoice_id" text NOT NULL,
	"organization_id" text NOT NULL,
	"contractor_id" text NOT NULL,
	"position" integer NOT NULL,
	"description" text NOT NULL,
	"quantity_milli" bigint NOT NULL,
	"unit_amount_minor" bigint NOT NULL,
	"amount_minor" bigint NOT NULL,
	"milestone_id" text,
	"live" boolean DEFAULT true NOT NULL,
	CONSTRAINT "invoice_lines_quantity_ck" CHECK ("invoice_lines"."quantity_milli" > 0),
	CONSTRAINT "invoice_lines_amounts_ck" CHECK ("invoice_lines"."unit_amount_minor" >= 0 and "invoice_lines"."amount_minor" >= 0),
	CONSTRAINT "invoice_lines_description_ck" CHECK (length("invoice_lines"."description") between 1 and 500)
);
--> statement-breakpoint
CREATE TABLE "invoices" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"contractor_id" text NOT NULL,
	"engagement_id" text NOT NULL,
	"number" text NOT NULL,
	"issue_on" date NOT NULL,
	"due_on" date NOT NULL,
	"currency" text NOT NULL,
	"subtotal_minor" bigint NOT NULL,
	"tax_rate_bp" integer NOT NULL,
	"tax_minor" bigint NOT NULL,
	"total_minor" bigint NOT NULL,
	"status" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"reject_reason" text,
	"corrects_invoice_id" text,
	"file_id" text NOT NULL,
	"generated" boolean DEFAULT false NOT NULL,
	"job_id" text,
	"submitted_by_user_id" text NOT NULL,
	"approved_by_user_id" text,
	"approved_at" timestamp with time zone,
	"rejected_by_user_id" text,
	"rejected_at" timestamp with time zone,
	"paid_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invoices_scope_uq" UNIQUE("id","organization_id","contractor_id"),
	CONSTRAINT "invoices_status_ck" CHECK ("invoices"."status" in ('submitted', 'approved', 'rejected', 'withdrawn', 'paid')),
	CONSTRAINT "invoices_currency_ck" CHECK ("invoices"."currency" in ('AED', 'AFN', 'ALL', 'AMD', 'ANG', 'AOA', 'ARS', 'AUD', 'AWG', 'AZN', 'BAM', 'BBD', 'BDT', 'BGN', 'BHD', 'BIF', 'BMD', 'BND', 'BOB', 'BOV', 'BRL', 'BSD', 'BTN', 'BWP', 'BYN', 'BZD', 'CAD', 'CDF', 'CHE', 'CHF', 'CHW', 'CLF', 'CLP', 'CNY', 'COP', 'COU', 'CRC', 'CUP', 'CVE', 'CZK', 'DJF', 'DKK', 'DOP', 'DZD', 'EGP', 'ERN', 'ETB', 'EUR', 'FJD', 'FKP', 'GBP', 'GEL', 'GHS', 'GIP', 'GMD', 'GNF', 'GTQ', 'GYD', 'HKD', 'HNL', 'HTG', 'HUF', 'IDR', 'ILS', 'INR', 'IQD', 'IRR', 'ISK', 'JMD', 'JOD', 'JPY', 'KES', 'KGS', 'KHR', 'KMF', 'KPW', 'KRW', 'KWD', 'KYD', 'KZT', 'LAK', 'LBP', 'LKR', 'LRD', 'LSL', 'LYD', 'MAD', 'MDL', 'MGA', 'MKD', 'MMK', 'MNT', 'MOP', 'MRU', 'MUR', 'MVR', 'MWK', 'MXN', 'MXV', 'MYR', 'MZN', 'NAD', 'NGN', 'NIO', 'NOK', 'NPR', 'NZD', 'OMR', 'PAB', 'PEN', 'PGK', 'PHP', 'PKR', 'PLN', 'PYG', 'QAR', 'RON', 'RSD', 'RUB', 'RWF', 'SAR', 'SBD', 'SCR', 'SDG', 'SEK', 'SGD', 'SHP', 'SLE', 'SOS', 'SRD', 'SSP', 'STN', 'SVC', 'SYP', 'SZL', 'THB', 'TJS', 'TMT', 'TND', 'TOP', 'TRY', 'TTD', 'TWD', 'TZS', 'UAH', 'UGX', 'USD', 'USN', 'UYI', 'UYU', 'UYW', 'UZS', 'VED', 'VES', 'VND', 'VUV', 'WST', 'XAF', 'XCD', 'XCG', 'XOF', 'XPF', 'YER', 'ZAR', 'ZMW', 'ZWG')),
	CONSTRAINT "invoices_total_ck" CHECK ("invoices"."total_minor" > 0),
	CONSTRAINT "invoices_sum_ck" CHECK ("invoices"."total_minor" = "invoices"."subtotal_minor" + "invoices"."tax_minor" and "invoices"."subtotal_minor" >= 0 and "invoices"."tax_minor" >= 0),
	CONSTRAINT "invoices_tax_rate_ck" CHECK ("invoices"."tax_rate_bp" between 0 and 10000),
	CONSTRAINT "invoices_dates_ck" CHECK ("invoices"."due_on" >= "invoices"."issue_on"),
	CONSTRAINT "invoices_number_ck" CHECK (length("invoices"."number") between 1 and 64)
);
--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "invoice_id" text;--> statement-breakpoint
ALTER TABLE "contractor_profiles" ADD CONSTRAINT "contractor_profiles_contractor_id_contractors_id_fk" FOREIGN KEY ("contractor_id") REFERENCES "public"."contractors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contractor_profiles" ADD CONSTRAINT "contractor_profiles_updated_by_user_id_users_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_invoice_fk" FOREIGN KEY ("invoice_id","organization_id","contractor_id") REFERENCES "public"."invoices"("id","organization_id","contractor_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_milestone_fk" FOREIGN KEY ("milestone_id","organization_id","contractor_id") REFERENCES "public"."milestones"("id","organization_id","contractor_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_submitted_by_user_id_users_id_fk" FOREIGN KEY ("submitted_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_approved_by_user_id_users_id_fk" FOREIGN KEY ("approved_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_rejected_by_user_id_users_id_fk" FOREIGN KEY ("rejected_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_engagement_fk" FOREIGN KEY ("engagement_id","organization_id","contractor_id") REFERENCES "public"."engagements"("id","organization_id","contractor_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_corrects_fk" FOREIGN KEY ("corrects_invoice_id","organization_id","contractor_id") REFERENCES "public"."invoices"("id","organization_id","contractor_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_file_fk" FOREIGN KEY ("file_id","organization_id","contractor_id") REFERENCES "public"."files"("id","organization_id","contractor_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contractor_profiles_updated_by_idx" ON "contractor_profiles" USING btree ("updated_by_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "invoice_lines_position_uq" ON "invoice_lines" USING btree ("invoice_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "invoice_lines_milestone_uq" ON "invoice_lines" USING btree ("milestone_id") WHERE live;--> statement-breakpoint
CREATE INDEX "invoice_lines_scope_idx" ON "invoice_lines" USING btree ("invoice_id","organization_id","contractor_id");--> statement-breakpoint
CREATE INDEX "invoice_lines_milestone_idx" ON "invoice_lines" USING btree ("milestone_id","organization_id","contractor_id");--> statement-breakpoint
CREATE INDEX "invoice_lines_organization_idx" ON "invoice_lines" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "invoice_lines_contractor_idx" ON "invoice_lines" USING btree ("contractor_id");--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_number_uq" ON "invoices" USING btree ("organization_id","contractor_id","number") WHERE status in ('submitted', 'approved', 'paid');--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_correction_uq" ON "invoices" USING btree ("corrects_invoice_id") WHERE status in ('submitted', 'approved', 'paid');--> statement-breakpoint
CREATE INDEX "invoices_organization_list_idx" ON "invoices" USING btree ("organization_id","created_at","id");--> statement-breakpoint
CREATE INDEX "invoices_contractor_list_idx" ON "invoices" USING btree ("contractor_id","created_at","id");--> statement-breakpoint
CREATE INDEX "invoices_organization_status_idx" ON "invoices" USING btree ("organization_id","status","created_at","id");--> statement-breakpoint
CREATE INDEX "invoices_contractor_status_idx" ON "invoices" USING btree ("contractor_id","status","created_at","id");--> statement-breakpoint
CREATE INDEX "invoices_engagement_idx" ON "invoices" USING btree ("engagement_id","organization_id","contractor_id");--> statement-breakpoint
CREATE INDEX "invoices_corrects_idx" ON "invoices" USING btree ("corrects_invoice_id","organization_id","contractor_id");--> statement-breakpoint
CREATE INDEX "invoices_file_idx" ON "invoices" USING btree ("file_id","organization_id","contractor_id");--> statement-breakpoint
CREATE INDEX "invoices_job_idx" ON "invoices" USING btree ("job_id");--> statement-breakpoint
CREATE INDEX "invoices_submitted_by_idx" ON "invoices" USING btree ("submitted_by_user_id");--> statement-breakpoint
CREATE INDEX "invoices_approved_by_idx" ON "invoices" USING btree ("approved_by_user_id");--> statement-breakpoint
CREATE INDEX "invoices_rejected_by_idx" ON "invoices" USING btree ("rejected_by_user_id");--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_invoice_fk" FOREIGN KEY ("invoice_id","organization_id","contractor_id") REFERENCES "public"."invoices"("id","organization_id","contractor_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "payments_invoice_idx" ON "payments" USING btree ("invoice_id","organization_id","contractor_id");