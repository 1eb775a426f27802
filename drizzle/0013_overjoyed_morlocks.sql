CREATE TABLE "internal_notes" (
	"id" text PRIMARY KEY NOT NULL,
	"engagement_id" text NOT NULL,
	"organization_id" text NOT NULL,
	"contractor_id" text NOT NULL,
	"author_user_id" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "internal_notes_body_ck" CHECK (char_length("internal_notes"."body") <= 10000)
);
--> statement-breakpoint
CREATE TABLE "message_attachments" (
	"message_id" text NOT NULL,
	"file_id" text NOT NULL,
	"organization_id" text NOT NULL,
	"contractor_id" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "message_attachments_pk" PRIMARY KEY("message_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "message_reads" (
	"thread_id" text NOT NULL,
	"user_id" text NOT NULL,
	"last_read_message_id" text,
	"last_read_at" timestamp with time zone NOT NULL,
	CONSTRAINT "message_reads_pk" PRIMARY KEY("thread_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "message_threads" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"contractor_id" text NOT NULL,
	"last_message_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "message_threads_scope_uq" UNIQUE("id","organization_id","contractor_id")
);
--> statement-breakpoint
CREATE TABLE "messages" (
	"id" text PRIMARY KEY NOT NULL,
	"thread_id" text NOT NULL,
	"organization_id" text NOT NULL,
	"contractor_id" text NOT NULL,
	"author_user_id" text NOT NULL,
	"side" text NOT NULL,
	"body" text NOT NULL,
	"subject_kind" text,
	"subject_id" text,
	"job_id" text,
	"version" integer DEFAULT 1 NOT NULL,
	"edited_at" timestamp with time zone,
	"deleted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "messages_side_ck" CHECK ("messages"."side" in ('company', 'contractor')),
	CONSTRAINT "messages_subject_kind_ck" CHECK ("messages"."subject_kind" in ('contract', 'milestone', 'payment', 'invoice', 'job')),
	CONSTRAINT "messages_subject_ck" CHECK (("messages"."subject_kind" is null) = ("messages"."subject_id" is null)),
	CONSTRAINT "messages_job_ck" CHECK ("messages"."job_id" is null or ("messages"."subject_kind" = 'job' and "messages"."subject_id" = "messages"."job_id")),
	CONSTRAINT "messages_body_ck" CHECK (char_length("messages"."body") <= 10000)
);
--> statement-breakpoint
ALTER TABLE "internal_notes" ADD CONSTRAINT "internal_notes_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internal_notes" ADD CONSTRAINT "internal_notes_engagement_fk" FOREIGN KEY ("engagement_id","organization_id","contractor_id") REFERENCES "public"."engagements"("id","organization_id","contractor_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_attachments" ADD CONSTRAINT "message_attachments_message_fk" FOREIGN KEY ("message_id") REFERENCES "public"."messages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_attachments" ADD CONSTRAINT "message_attachments_file_fk" FOREIGN KEY ("file_id","organization_id","contractor_id") REFERENCES "public"."files"("id","organization_id","contractor_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_reads" ADD CONSTRAINT "message_reads_thread_id_message_threads_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."message_threads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_reads" ADD CONSTRAINT "message_reads_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_threads" ADD CONSTRAINT "message_threads_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_threads" ADD CONSTRAINT "message_threads_contractor_id_contractors_id_fk" FOREIGN KEY ("contractor_id") REFERENCES "public"."contractors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_threads" ADD CONSTRAINT "message_threads_engagement_fk" FOREIGN KEY ("id","organization_id","contractor_id") REFERENCES "public"."engagements"("id","organization_id","contractor_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_thread_fk" FOREIGN KEY ("thread_id","organization_id","contractor_id") REFERENCES "public"."message_threads"("id","organization_id","contractor_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "internal_notes_page_idx" ON "internal_notes" USING btree ("engagement_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "internal_notes_organization_idx" ON "internal_notes" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "internal_notes_contractor_idx" ON "internal_notes" USING btree ("contractor_id");--> statement-breakpoint
CREATE INDEX "internal_notes_author_idx" ON "internal_notes" USING btree ("author_user_id");--> statement-breakpoint
CREATE INDEX "message_attachments_file_idx" ON "message_attachments" USING btree ("file_id","organization_id","contractor_id");--> statement-breakpoint
CREATE INDEX "message_reads_user_idx" ON "message_reads" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "message_threads_organization_idx" ON "message_threads" USING btree ("organization_id","last_message_at");--> statement-breakpoint
CREATE INDEX "message_threads_contractor_idx" ON "message_threads" USING btree ("contractor_id","last_message_at");--> statement-breakpoint
CREATE INDEX "messages_thread_page_idx" ON "messages" USING btree ("thread_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "messages_thread_subject_idx" ON "messages" USING btree ("thread_id","subject_kind","subject_id","created_at");--> statement-breakpoint
CREATE INDEX "messages_job_idx" ON "messages" USING btree ("job_id","created_at");--> statement-breakpoint
CREATE INDEX "messages_organization_idx" ON "messages" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "messages_contractor_idx" ON "messages" USING btree ("contractor_id");--> statement-breakpoint
CREATE INDEX "messages_author_idx" ON "messages" USING btree ("author_user_id");