DROP INDEX "audit_events_at_id_idx";--> statement-breakpoint
DROP INDEX "audit_events_operator_idx";--> statement-breakpoint
DROP INDEX "audit_events_member_idx";--> statement-breakpoint
DROP INDEX "audit_events_action_idx";--> statement-breakpoint
DROP INDEX "audit_events_outcome_idx";--> statement-breakpoint
DROP INDEX "audit_events_result_code_idx";--> statement-breakpoint
DROP INDEX "audit_events_correlation_idx";--> statement-breakpoint
DROP INDEX "card_state_history_par_observed_idx";--> statement-breakpoint
DROP INDEX "card_state_history_member_idx";--> statement-breakpoint
CREATE INDEX "audit_events_operator_email_idx" ON "audit_events" USING btree ("operator_email","at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "audit_events_at_id_idx" ON "audit_events" USING btree ("at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "audit_events_operator_idx" ON "audit_events" USING btree ("operator_id","at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "audit_events_member_idx" ON "audit_events" USING btree ("member_id","at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "audit_events_action_idx" ON "audit_events" USING btree ("action","at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "audit_events_outcome_idx" ON "audit_events" USING btree ("outcome","at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "audit_events_result_code_idx" ON "audit_events" USING btree ("result_code","at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "audit_events_correlation_idx" ON "audit_events" USING btree ("correlation_id","at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "card_state_history_par_observed_idx" ON "card_state_history" USING btree ("par","observed_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "card_state_history_member_idx" ON "card_state_history" USING btree ("member_id","observed_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);