CREATE INDEX "cases_active_risk_idx" ON "cases" USING btree ("organisation_id","risk" DESC NULLS FIRST,"last_seen_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE "cases"."status" in ('open', 'investigating');--> statement-breakpoint
CREATE INDEX "cases_risk_idx" ON "cases" USING btree ("organisation_id","risk" DESC NULLS FIRST,"last_seen_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "cases_serial_idx" ON "cases" USING btree ("organisation_id","serial");--> statement-breakpoint
CREATE INDEX "cases_gtin_lot_idx" ON "cases" USING btree ("organisation_id","gtin","lot");--> statement-breakpoint
CREATE INDEX "cases_rules_idx" ON "cases" USING gin ("rules");--> statement-breakpoint
CREATE INDEX "cases_countries_idx" ON "cases" USING gin ("countries");--> statement-breakpoint
CREATE INDEX "cases_assignee_idx" ON "cases" USING btree ("organisation_id","assignee_id") WHERE "cases"."assignee_id" is not null;--> statement-breakpoint
CREATE INDEX "cases_severity_idx" ON "cases" USING btree ("organisation_id","severity","status");--> statement-breakpoint
CREATE INDEX "cases_created_idx" ON "cases" USING btree ("organisation_id","created_at");--> statement-breakpoint
CREATE INDEX "scans_code_time_idx" ON "scans" USING btree ("organisation_id","gtin","serial","scanned_at") WHERE "scans"."unit_id" is null;