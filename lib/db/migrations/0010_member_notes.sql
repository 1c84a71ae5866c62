CREATE TABLE "member_notes" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "member_notes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"member_id" text NOT NULL,
	"body" text NOT NULL,
	"author_id" uuid,
	"author_email" text NOT NULL,
	"audit_event_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "member_notes_member_digits" CHECK ("member_notes"."member_id" ~ '^[0-9]{1,19}$'),
	CONSTRAINT "member_notes_body_length" CHECK (char_length("member_notes"."body") BETWEEN 1 AND 500)
);
--> statement-breakpoint
ALTER TABLE "member_notes" ADD CONSTRAINT "member_notes_author_id_operators_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "member_notes_member_idx" ON "member_notes" USING btree ("member_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
-- Notes are append-only on PostgreSQL and PGlite alike: a correction is a new note.
CREATE OR REPLACE FUNCTION "member_notes_refuse_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'member_notes is append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege',
          HINT = 'A correction is a new note.';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "member_notes_append_only"
  BEFORE UPDATE OR DELETE ON "member_notes"
  FOR EACH ROW EXECUTE FUNCTION "member_notes_refuse_change"();
--> statement-breakpoint
CREATE TRIGGER "member_notes_no_truncate"
  BEFORE TRUNCATE ON "member_notes"
  FOR EACH STATEMENT EXECUTE FUNCTION "member_notes_refuse_change"();
