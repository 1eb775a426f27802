CREATE TABLE "live_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"organization_id" text,
	"contractor_id" text,
	"audience" text NOT NULL,
	"user_id" text,
	"job_id" text,
	"kind" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "live_events_audience_ck" CHECK ("live_events"."audience" in ('staff', 'engagement', 'user', 'job')),
	CONSTRAINT "live_events_parties_ck" CHECK (case "live_events"."audience"
        when 'user' then "live_events"."user_id" is not null
        when 'staff' then "live_events"."organization_id" is not null
        when 'engagement' then "live_events"."organization_id" is not null and "live_events"."contractor_id" is not null
        else "live_events"."organization_id" is not null and "live_events"."contractor_id" is not null and "live_events"."job_id" is not null end)
);
--> statement-breakpoint
CREATE INDEX "live_events_created_at_idx" ON "live_events" USING btree ("created_at");