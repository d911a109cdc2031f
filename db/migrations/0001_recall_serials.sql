ALTER TABLE "recalls" ADD COLUMN "serials" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "recalls" ADD COLUMN "reason" text;--> statement-breakpoint
ALTER TABLE "recalls" ADD COLUMN "affected_units" integer DEFAULT 0 NOT NULL;