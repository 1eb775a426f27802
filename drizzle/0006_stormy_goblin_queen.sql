CREATE TABLE "payment_approval_rules" (
	"organization_id" text PRIMARY KEY NOT NULL,
	"enabled" boolean DEFAULT false NOT NULL,
	"thresholds" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by_user_id" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payment_batches" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"created_by_user_id" text NOT NULL,
	"method" text NOT NULL,
	"sent_on" date NOT NULL,
	"expected_on" date,
	"proof_file_id" text,
	"payment_count" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payment_batches_scope_uq" UNIQUE("id","organization_id"),
	CONSTRAINT "payment_batches_method_ck" CHECK ("payment_batches"."method" in ('wise', 'paypal', 'payoneer', 'bank_transfer', 'other')),
	CONSTRAINT "payment_batches_count_ck" CHECK ("payment_batches"."payment_count" > 0)
);
--> statement-breakpoint
CREATE TABLE "payment_notes" (
	"id" text PRIMARY KEY NOT NULL,
	"payment_id" text NOT NULL,
	"organization_id" text NOT NULL,
	"contractor_id" text NOT NULL,
	"author_user_id" text NOT NULL,
	"side" text NOT NULL,
	"body" text NOT NULL,
	"file_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payment_notes_side_ck" CHECK ("payment_notes"."side" in ('company', 'contractor')),
	CONSTRAINT "payment_notes_body_ck" CHECK (char_length("payment_notes"."body") between 1 and 4000)
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"user_id" text NOT NULL,
	"key" text NOT NULL,
	"route" text NOT NULL,
	"request_hash" text NOT NULL,
	"status_code" integer,
	"content_type" text,
	"response_body" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "idempotency_keys_pk" PRIMARY KEY("user_id","key")
);
--> statement-breakpoint
DROP INDEX "payments_organization_idx";--> statement-breakpoint
DROP INDEX "payments_contractor_idx";--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "description" text;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "method" text;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "reference" text;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "proof_file_id" text;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "sent_on" date;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "expected_on" date;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "sent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "sent_by_user_id" text;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "batch_id" text;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "adjusts_payment_id" text;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "cancel_reason" text;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "second_approved_by_user_id" text;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "second_approved_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "received_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "payment_approval_rules" ADD CONSTRAINT "payment_approval_rules_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_approval_rules" ADD CONSTRAINT "payment_approval_rules_updated_by_user_id_users_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_batches" ADD CONSTRAINT "payment_batches_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_batches" ADD CONSTRAINT "payment_batches_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_batches" ADD CONSTRAINT "payment_batches_proof_file_id_files_id_fk" FOREIGN KEY ("proof_file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_notes" ADD CONSTRAINT "payment_notes_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_notes" ADD CONSTRAINT "payment_notes_payment_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_notes" ADD CONSTRAINT "payment_notes_file_fk" FOREIGN KEY ("file_id","organization_id","contractor_id") REFERENCES "public"."files"("id","organization_id","contractor_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "payment_approval_rules_updated_by_idx" ON "payment_approval_rules" USING btree ("updated_by_user_id");--> statement-breakpoint
CREATE INDEX "payment_batches_organization_list_idx" ON "payment_batches" USING btree ("organization_id","created_at","id");--> statement-breakpoint
CREATE INDEX "payment_batches_created_by_idx" ON "payment_batches" USING btree ("created_by_user_id");--> statement-breakpoint
CREATE INDEX "payment_batches_proof_file_idx" ON "payment_batches" USING btree ("proof_file_id");--> statement-breakpoint
CREATE INDEX "payment_notes_payment_idx" ON "payment_notes" USING btree ("payment_id","organization_id","contractor_id","created_at");--> statement-breakpoint
CREATE INDEX "payment_notes_organization_id_idx" ON "payment_notes" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "payment_notes_contractor_id_idx" ON "payment_notes" USING btree ("contractor_id");--> statement-breakpoint
CREATE INDEX "payment_notes_author_idx" ON "payment_notes" USING btree ("author_user_id");--> statement-breakpoint
CREATE INDEX "payment_notes_file_idx" ON "payment_notes" USING btree ("file_id","organization_id","contractor_id");--> statement-breakpoint
CREATE INDEX "idempotency_keys_expires_idx" ON "idempotency_keys" USING btree ("expires_at");--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_sent_by_user_id_users_id_fk" FOREIGN KEY ("sent_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_second_approved_by_user_id_users_id_fk" FOREIGN KEY ("second_approved_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_proof_file_fk" FOREIGN KEY ("proof_file_id","organization_id","contractor_id") REFERENCES "public"."files"("id","organization_id","contractor_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_batch_fk" FOREIGN KEY ("batch_id","organization_id") REFERENCES "public"."payment_batches"("id","organization_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_adjusts_fk" FOREIGN KEY ("adjusts_payment_id") REFERENCES "public"."payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "payments_organization_list_idx" ON "payments" USING btree ("organization_id","status","created_at","id");--> statement-breakpoint
CREATE INDEX "payments_contractor_list_idx" ON "payments" USING btree ("contractor_id","status","created_at","id");--> statement-breakpoint
CREATE INDEX "payments_organization_totals_idx" ON "payments" USING btree ("organization_id","status","currency","amount_minor");--> statement-breakpoint
CREATE INDEX "payments_contractor_totals_idx" ON "payments" USING btree ("contractor_id","status","currency","amount_minor");--> statement-breakpoint
CREATE INDEX "payments_sent_by_idx" ON "payments" USING btree ("sent_by_user_id");--> statement-breakpoint
CREATE INDEX "payments_second_approved_by_idx" ON "payments" USING btree ("second_approved_by_user_id");--> statement-breakpoint
CREATE INDEX "payments_batch_idx" ON "payments" USING btree ("batch_id","organization_id");--> statement-breakpoint
CREATE INDEX "payments_adjusts_idx" ON "payments" USING btree ("adjusts_payment_id","organization_id","contractor_id");--> statement-breakpoint
CREATE INDEX "payments_proof_file_idx" ON "payments" USING btree ("proof_file_id","organization_id","contractor_id");--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_source_ck" CHECK ("payments"."source" in ('milestone', 'invoice', 'manual', 'adjustment'));--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_method_ck" CHECK ("payments"."method" in ('wise', 'paypal', 'payoneer', 'bank_transfer', 'other'));--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_adjustment_ck" CHECK (("payments"."source" = 'adjustment') = ("payments"."adjusts_payment_id" is not null));