CREATE TABLE "contract_documents" (
	"id" text PRIMARY KEY NOT NULL,
	"contract_id" text NOT NULL,
	"organization_id" text NOT NULL,
	"contractor_id" text NOT NULL,
	"file_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contract_revisions" (
	"id" text PRIMARY KEY NOT NULL,
	"contract_id" text NOT NULL,
	"organization_id" text NOT NULL,
	"contractor_id" text NOT NULL,
	"number" integer NOT NULL,
	"kind" text NOT NULL,
	"terms" jsonb NOT NULL,
	"changes" jsonb NOT NULL,
	"note" text,
	"created_by_user_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by_user_id" text
);
--> statement-breakpoint
CREATE TABLE "contracts" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"contractor_id" text NOT NULL,
	"engagement_id" text NOT NULL,
	"title" text NOT NULL,
	"scope_html" text NOT NULL,
	"rate_type" text NOT NULL,
	"rate_amount_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"ip_clause" text NOT NULL,
	"notice_period_days" integer NOT NULL,
	"status" text NOT NULL,
	"revision" integer DEFAULT 0 NOT NULL,
	"created_by_user_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contracts_scope_uq" UNIQUE("id","organization_id","contractor_id")
);
--> statement-breakpoint
CREATE TABLE "milestone_attachments" (
	"id" text PRIMARY KEY NOT NULL,
	"milestone_id" text NOT NULL,
	"organization_id" text NOT NULL,
	"contractor_id" text NOT NULL,
	"file_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "milestone_submissions" (
	"id" text PRIMARY KEY NOT NULL,
	"milestone_id" text NOT NULL,
	"organization_id" text NOT NULL,
	"contractor_id" text NOT NULL,
	"version" integer NOT NULL,
	"note" text NOT NULL,
	"links" jsonb NOT NULL,
	"submitted_by_user_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"review_outcome" text,
	"review_note" text,
	"reviewed_by_user_id" text,
	"reviewed_at" timestamp with time zone,
	CONSTRAINT "milestone_submissions_scope_uq" UNIQUE("id","organization_id","contractor_id")
);
--> statement-breakpoint
CREATE TABLE "milestones" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"contractor_id" text NOT NULL,
	"contract_id" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"due_date" date NOT NULL,
	"amount_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"status" text NOT NULL,
	"submitted_at" timestamp with time zone,
	"approved_at" timestamp with time zone,
	"reminder_sent_at" timestamp with time zone,
	"created_by_user_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "milestones_scope_uq" UNIQUE("id","organization_id","contractor_id")
);
--> statement-breakpoint
CREATE TABLE "submission_files" (
	"id" text PRIMARY KEY NOT NULL,
	"submission_id" text NOT NULL,
	"organization_id" text NOT NULL,
	"contractor_id" text NOT NULL,
	"file_id" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"contractor_id" text NOT NULL,
	"engagement_id" text NOT NULL,
	"source" text NOT NULL,
	"milestone_id" text,
	"amount_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"status" text NOT NULL,
	"created_by_user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "status_changes" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"contractor_id" text,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"event" text NOT NULL,
	"from_status" text NOT NULL,
	"to_status" text NOT NULL,
	"actor_user_id" text,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "auto_approve_days" integer;--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_scope_uq" UNIQUE("id","organization_id","contractor_id");--> statement-breakpoint
ALTER TABLE "contract_documents" ADD CONSTRAINT "contract_documents_contract_fk" FOREIGN KEY ("contract_id","organization_id","contractor_id") REFERENCES "public"."contracts"("id","organization_id","contractor_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_documents" ADD CONSTRAINT "contract_documents_file_fk" FOREIGN KEY ("file_id","organization_id","contractor_id") REFERENCES "public"."files"("id","organization_id","contractor_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_revisions" ADD CONSTRAINT "contract_revisions_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_revisions" ADD CONSTRAINT "contract_revisions_acknowledged_by_user_id_users_id_fk" FOREIGN KEY ("acknowledged_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_revisions" ADD CONSTRAINT "contract_revisions_contract_fk" FOREIGN KEY ("contract_id","organization_id","contractor_id") REFERENCES "public"."contracts"("id","organization_id","contractor_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_contractor_id_contractors_id_fk" FOREIGN KEY ("contractor_id") REFERENCES "public"."contractors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_engagement_fk" FOREIGN KEY ("engagement_id","organization_id","contractor_id") REFERENCES "public"."engagements"("id","organization_id","contractor_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone_attachments" ADD CONSTRAINT "milestone_attachments_milestone_fk" FOREIGN KEY ("milestone_id","organization_id","contractor_id") REFERENCES "public"."milestones"("id","organization_id","contractor_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone_attachments" ADD CONSTRAINT "milestone_attachments_file_fk" FOREIGN KEY ("file_id","organization_id","contractor_id") REFERENCES "public"."files"("id","organization_id","contractor_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone_submissions" ADD CONSTRAINT "milestone_submissions_submitted_by_user_id_users_id_fk" FOREIGN KEY ("submitted_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone_submissions" ADD CONSTRAINT "milestone_submissions_reviewed_by_user_id_users_id_fk" FOREIGN KEY ("reviewed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone_submissions" ADD CONSTRAINT "milestone_submissions_milestone_fk" FOREIGN KEY ("milestone_id","organization_id","contractor_id") REFERENCES "public"."milestones"("id","organization_id","contractor_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestones" ADD CONSTRAINT "milestones_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestones" ADD CONSTRAINT "milestones_contract_fk" FOREIGN KEY ("contract_id","organization_id","contractor_id") REFERENCES "public"."contracts"("id","organization_id","contractor_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_files" ADD CONSTRAINT "submission_files_submission_fk" FOREIGN KEY ("submission_id","organization_id","contractor_id") REFERENCES "public"."milestone_submissions"("id","organization_id","contractor_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_files" ADD CONSTRAINT "submission_files_file_fk" FOREIGN KEY ("file_id","organization_id","contractor_id") REFERENCES "public"."files"("id","organization_id","contractor_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_engagement_fk" FOREIGN KEY ("engagement_id","organization_id","contractor_id") REFERENCES "public"."engagements"("id","organization_id","contractor_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_milestone_fk" FOREIGN KEY ("milestone_id","organization_id","contractor_id") REFERENCES "public"."milestones"("id","organization_id","contractor_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_changes" ADD CONSTRAINT "status_changes_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_changes" ADD CONSTRAINT "status_changes_contractor_id_contractors_id_fk" FOREIGN KEY ("contractor_id") REFERENCES "public"."contractors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_changes" ADD CONSTRAINT "status_changes_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "contract_documents_uq" ON "contract_documents" USING btree ("contract_id","file_id");--> statement-breakpoint
CREATE INDEX "contract_documents_scope_idx" ON "contract_documents" USING btree ("contract_id","organization_id","contractor_id");--> statement-breakpoint
CREATE INDEX "contract_documents_file_idx" ON "contract_documents" USING btree ("file_id","organization_id","contractor_id");--> statement-breakpoint
CREATE INDEX "contract_documents_organization_idx" ON "contract_documents" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "contract_documents_contractor_idx" ON "contract_documents" USING btree ("contractor_id");--> statement-breakpoint
CREATE UNIQUE INDEX "contract_revisions_number_uq" ON "contract_revisions" USING btree ("contract_id","number");--> statement-breakpoint
CREATE INDEX "contract_revisions_scope_idx" ON "contract_revisions" USING btree ("contract_id","organization_id","contractor_id");--> statement-breakpoint
CREATE INDEX "contract_revisions_organization_idx" ON "contract_revisions" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "contract_revisions_contractor_idx" ON "contract_revisions" USING btree ("contractor_id");--> statement-breakpoint
CREATE INDEX "contract_revisions_created_by_idx" ON "contract_revisions" USING btree ("created_by_user_id");--> statement-breakpoint
CREATE INDEX "contract_revisions_acknowledged_by_idx" ON "contract_revisions" USING btree ("acknowledged_by_user_id");--> statement-breakpoint
CREATE INDEX "contracts_organization_idx" ON "contracts" USING btree ("organization_id","status");--> statement-breakpoint
CREATE INDEX "contracts_contractor_idx" ON "contracts" USING btree ("contractor_id","status");--> statement-breakpoint
CREATE INDEX "contracts_engagement_idx" ON "contracts" USING btree ("engagement_id","organization_id","contractor_id");--> statement-breakpoint
CREATE INDEX "contracts_created_by_idx" ON "contracts" USING btree ("created_by_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "milestone_attachments_uq" ON "milestone_attachments" USING btree ("milestone_id","file_id");--> statement-breakpoint
CREATE INDEX "milestone_attachments_scope_idx" ON "milestone_attachments" USING btree ("milestone_id","organization_id","contractor_id");--> statement-breakpoint
CREATE INDEX "milestone_attachments_file_idx" ON "milestone_attachments" USING btree ("file_id","organization_id","contractor_id");--> statement-breakpoint
CREATE INDEX "milestone_attachments_organization_idx" ON "milestone_attachments" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "milestone_attachments_contractor_idx" ON "milestone_attachments" USING btree ("contractor_id");--> statement-breakpoint
CREATE UNIQUE INDEX "milestone_submissions_version_uq" ON "milestone_submissions" USING btree ("milestone_id","version");--> statement-breakpoint
CREATE INDEX "milestone_submissions_scope_idx" ON "milestone_submissions" USING btree ("milestone_id","organization_id","contractor_id");--> statement-breakpoint
CREATE INDEX "milestone_submissions_organization_idx" ON "milestone_submissions" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "milestone_submissions_contractor_idx" ON "milestone_submissions" USING btree ("contractor_id");--> statement-breakpoint
CREATE INDEX "milestone_submissions_submitted_by_idx" ON "milestone_submissions" USING btree ("submitted_by_user_id");--> statement-breakpoint
CREATE INDEX "milestone_submissions_reviewed_by_idx" ON "milestone_submissions" USING btree ("reviewed_by_user_id");--> statement-breakpoint
CREATE INDEX "milestones_organization_list_idx" ON "milestones" USING btree ("organization_id","status","due_date","id");--> statement-breakpoint
CREATE INDEX "milestones_contractor_list_idx" ON "milestones" USING btree ("contractor_id","status","due_date","id");--> statement-breakpoint
CREATE INDEX "milestones_organization_due_idx" ON "milestones" USING btree ("organization_id","due_date","id");--> statement-breakpoint
CREATE INDEX "milestones_contractor_due_idx" ON "milestones" USING btree ("contractor_id","due_date","id");--> statement-breakpoint
CREATE INDEX "milestones_contract_idx" ON "milestones" USING btree ("contract_id","organization_id","contractor_id");--> statement-breakpoint
CREATE INDEX "milestones_submitted_idx" ON "milestones" USING btree ("status","submitted_at");--> statement-breakpoint
CREATE INDEX "milestones_created_by_idx" ON "milestones" USING btree ("created_by_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "submission_files_uq" ON "submission_files" USING btree ("submission_id","file_id");--> statement-breakpoint
CREATE INDEX "submission_files_scope_idx" ON "submission_files" USING btree ("submission_id","organization_id","contractor_id");--> statement-breakpoint
CREATE INDEX "submission_files_file_idx" ON "submission_files" USING btree ("file_id","organization_id","contractor_id");--> statement-breakpoint
CREATE INDEX "submission_files_organization_idx" ON "submission_files" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "submission_files_contractor_idx" ON "submission_files" USING btree ("contractor_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_milestone_uq" ON "payments" USING btree ("milestone_id");--> statement-breakpoint
CREATE INDEX "payments_milestone_scope_idx" ON "payments" USING btree ("milestone_id","organization_id","contractor_id");--> statement-breakpoint
CREATE INDEX "payments_engagement_idx" ON "payments" USING btree ("engagement_id","organization_id","contractor_id");--> statement-breakpoint
CREATE INDEX "payments_organization_idx" ON "payments" USING btree ("organization_id","status");--> statement-breakpoint
CREATE INDEX "payments_contractor_idx" ON "payments" USING btree ("contractor_id","status");--> statement-breakpoint
CREATE INDEX "payments_created_by_idx" ON "payments" USING btree ("created_by_user_id");--> statement-breakpoint
CREATE INDEX "status_changes_entity_idx" ON "status_changes" USING btree ("entity_type","entity_id","created_at");--> statement-breakpoint
CREATE INDEX "status_changes_organization_id_idx" ON "status_changes" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "status_changes_contractor_id_idx" ON "status_changes" USING btree ("contractor_id");--> statement-breakpoint
CREATE INDEX "status_changes_actor_user_id_idx" ON "status_changes" USING btree ("actor_user_id");--> statement-breakpoint