ALTER TABLE "message_reads" DROP CONSTRAINT "message_reads_thread_id_message_threads_id_fk";
--> statement-breakpoint
ALTER TABLE "message_reads" ADD COLUMN "organization_id" text NOT NULL;--> statement-breakpoint
ALTER TABLE "message_reads" ADD COLUMN "contractor_id" text NOT NULL;--> statement-breakpoint
ALTER TABLE "message_reads" ADD CONSTRAINT "message_reads_thread_fk" FOREIGN KEY ("thread_id","organization_id","contractor_id") REFERENCES "public"."message_threads"("id","organization_id","contractor_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "internal_notes_engagement_idx" ON "internal_notes" USING btree ("engagement_id","organization_id","contractor_id");--> statement-breakpoint
CREATE INDEX "message_reads_thread_scope_idx" ON "message_reads" USING btree ("thread_id","organization_id","contractor_id");--> statement-breakpoint
CREATE INDEX "messages_thread_scope_idx" ON "messages" USING btree ("thread_id","organization_id","contractor_id");