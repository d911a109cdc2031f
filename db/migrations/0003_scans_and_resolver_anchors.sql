CREATE TABLE "resolver_anchors" (
	"anchor" text PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"item_description" text DEFAULT '' NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "scans" ADD COLUMN "ref" uuid;--> statement-breakpoint
ALTER TABLE "scans" ADD COLUMN "city" text;--> statement-breakpoint
ALTER TABLE "scans" ADD COLUMN "link_type" text;--> statement-breakpoint
ALTER TABLE "scans" ADD COLUMN "context" text;--> statement-breakpoint
ALTER TABLE "resolver_anchors" ADD CONSTRAINT "resolver_anchors_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resolver_anchors" ADD CONSTRAINT "resolver_anchors_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "resolver_anchors_organisation_idx" ON "resolver_anchors" USING btree ("organisation_id","anchor");--> statement-breakpoint
CREATE UNIQUE INDEX "scans_ref_key" ON "scans" USING btree ("ref","scanned_at");