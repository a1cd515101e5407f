CREATE TABLE "activity" (
	"id" text PRIMARY KEY NOT NULL,
	"workshop_id" text NOT NULL,
	"position" bigint NOT NULL,
	"type" text NOT NULL,
	"title" text NOT NULL,
	"prompt" text DEFAULT '' NOT NULL,
	"plain_prompt" text DEFAULT '' NOT NULL,
	"planned_minutes" bigint DEFAULT 10 NOT NULL,
	"anonymity" text DEFAULT 'role_group' NOT NULL,
	"ref_id" text,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_event" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"organisation_id" text,
	"actor_user_id" text,
	"action" text NOT NULL,
	"subject" text,
	"detail" text,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contribution" (
	"public_id" text PRIMARY KEY NOT NULL,
	"workshop_id" text NOT NULL,
	"participant_id" text,
	"note_id" text NOT NULL,
	"activity_id" text NOT NULL,
	"text" text NOT NULL,
	"on_behalf_role_group" text,
	"moderated_by" text,
	"group_label" text,
	"merged_into" text,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL,
	"removed_at" bigint
);
--> statement-breakpoint
CREATE TABLE "doc_head" (
	"doc" text PRIMARY KEY NOT NULL,
	"seq" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "doc_snapshot" (
	"doc" text PRIMARY KEY NOT NULL,
	"upto_seq" bigint DEFAULT 0 NOT NULL,
	"data" "bytea" NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "doc_update" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"doc" text NOT NULL,
	"seq" bigint DEFAULT 0 NOT NULL,
	"data" "bytea" NOT NULL,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "membership" (
	"organisation_id" text NOT NULL,
	"user_id" text NOT NULL,
	"role" text NOT NULL,
	"created_at" bigint NOT NULL,
	CONSTRAINT "membership_organisation_id_user_id_pk" PRIMARY KEY("organisation_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "organisation" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "participant" (
	"id" text PRIMARY KEY NOT NULL,
	"workshop_id" text NOT NULL,
	"display_name" text,
	"role_group" text NOT NULL,
	"organisation" text,
	"acknowledge_organisation" boolean DEFAULT false NOT NULL,
	"language" text DEFAULT 'en' NOT NULL,
	"token_hash" text NOT NULL,
	"removed_at" bigint,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"expires_at" bigint NOT NULL,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "user" (
	"id" text PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"locale" text DEFAULT 'en' NOT NULL,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workshop" (
	"id" text PRIMARY KEY NOT NULL,
	"organisation_id" text NOT NULL,
	"title" text NOT NULL,
	"scheduled_on" text,
	"language" text DEFAULT 'en' NOT NULL,
	"purpose" text DEFAULT '' NOT NULL,
	"role_groups" text DEFAULT '[]' NOT NULL,
	"expected_role_groups" text DEFAULT '[]' NOT NULL,
	"join_token" text,
	"short_code" text,
	"joining_open" boolean DEFAULT true NOT NULL,
	"role_group_kinds" text DEFAULT '{}' NOT NULL,
	"created_by" text,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workshop_control" (
	"workshop_id" text PRIMARY KEY NOT NULL,
	"current_activity_id" text,
	"focus" boolean DEFAULT true NOT NULL,
	"locked" boolean DEFAULT false NOT NULL,
	"hidden_writing" boolean DEFAULT false NOT NULL,
	"revealed" boolean DEFAULT true NOT NULL,
	"timer_ends_at" bigint,
	"timer_remaining_ms" bigint,
	"version" bigint DEFAULT 0 NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment_cycle" (
	"id" text PRIMARY KEY NOT NULL,
	"organisation_id" text NOT NULL,
	"framework_id" text NOT NULL,
	"name" text NOT NULL,
	"period_start" text,
	"period_end" text,
	"purpose" text DEFAULT '' NOT NULL,
	"rating_scale" text DEFAULT '[]' NOT NULL,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evidence" (
	"id" text PRIMARY KEY NOT NULL,
	"finding_id" text NOT NULL,
	"position" bigint NOT NULL,
	"kind" text NOT NULL,
	"text" text DEFAULT '' NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"date" text DEFAULT '' NOT NULL,
	"holder" text DEFAULT '' NOT NULL,
	"url" text DEFAULT '' NOT NULL,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "finding" (
	"id" text PRIMARY KEY NOT NULL,
	"cycle_id" text NOT NULL,
	"node_id" text NOT NULL,
	"statement" text NOT NULL,
	"rating" text,
	"on_paper" text,
	"in_practice" text,
	"effect" text,
	"confidence" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"origin" text DEFAULT 'staff' NOT NULL,
	"seq" bigint DEFAULT 0 NOT NULL,
	"created_by" text,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "finding_event" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"finding_id" text NOT NULL,
	"actor_user_id" text,
	"action" text NOT NULL,
	"detail" text DEFAULT '{}' NOT NULL,
	"workshop_id" text,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "finding_proposal" (
	"id" text PRIMARY KEY NOT NULL,
	"workshop_id" text NOT NULL,
	"cycle_id" text NOT NULL,
	"finding_id" text,
	"node_id" text,
	"participant_id" text,
	"role_group" text DEFAULT '' NOT NULL,
	"statement" text NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"decided_by" text,
	"decided_at" bigint,
	"seq" bigint DEFAULT 0 NOT NULL,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "framework" (
	"id" text PRIMARY KEY NOT NULL,
	"organisation_id" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"builtin_key" text,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "framework_node" (
	"id" text PRIMARY KEY NOT NULL,
	"framework_id" text NOT NULL,
	"parent_id" text,
	"kind" text NOT NULL,
	"code" text NOT NULL,
	"position" bigint NOT NULL,
	"original_text" text NOT NULL,
	"local_text" text,
	"explanation" text DEFAULT '' NOT NULL,
	"internal_only" boolean DEFAULT false NOT NULL,
	"hidden" boolean DEFAULT false NOT NULL,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ballot" (
	"id" text PRIMARY KEY NOT NULL,
	"activity_id" text NOT NULL,
	"participant_id" text NOT NULL,
	"item_key" text DEFAULT '' NOT NULL,
	"value" text NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"role_group" text NOT NULL,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_contributor" (
	"case_study_id" text NOT NULL,
	"section" text NOT NULL,
	"role_group" text NOT NULL,
	"first_at" bigint NOT NULL,
	CONSTRAINT "case_contributor_case_study_id_section_role_group_pk" PRIMARY KEY("case_study_id","section","role_group")
);
--> statement-breakpoint
CREATE TABLE "case_study" (
	"id" text PRIMARY KEY NOT NULL,
	"workshop_id" text NOT NULL,
	"title" text NOT NULL,
	"created_by" text,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "right_option" (
	"id" text PRIMARY KEY NOT NULL,
	"organisation_id" text NOT NULL,
	"label" text NOT NULL,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vote_item" (
	"id" text PRIMARY KEY NOT NULL,
	"activity_id" text NOT NULL,
	"position" bigint NOT NULL,
	"finding_id" text,
	"action_point_id" text,
	"text" text DEFAULT '' NOT NULL,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vote_setup" (
	"activity_id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"budget" bigint DEFAULT 5 NOT NULL,
	"cap" bigint DEFAULT 3 NOT NULL,
	"cycle_id" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"revealed" boolean DEFAULT false NOT NULL,
	"shown_groups" text DEFAULT '[]' NOT NULL,
	"answer_groups" text DEFAULT '[]' NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "action_register_entry" (
	"id" text PRIMARY KEY NOT NULL,
	"organisation_id" text NOT NULL,
	"cycle_id" text,
	"workshop_id" text,
	"source_key" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"type" text NOT NULL,
	"horizon" text NOT NULL,
	"department" text DEFAULT '' NOT NULL,
	"owner_name" text DEFAULT '' NOT NULL,
	"target" text DEFAULT '' NOT NULL,
	"indicators" text DEFAULT '[]' NOT NULL,
	"deadline" text,
	"resources" text DEFAULT '' NOT NULL,
	"competence" text DEFAULT 'city' NOT NULL,
	"affected_groups" text DEFAULT '' NOT NULL,
	"validation" text DEFAULT '{}' NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"status_reason" text DEFAULT '' NOT NULL,
	"progress" bigint DEFAULT 0 NOT NULL,
	"recorded_by" text,
	"recorded_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "action_update" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"entry_id" text NOT NULL,
	"changes" text DEFAULT '{}' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"actor_user_id" text,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cycle_public_page" (
	"cycle_id" text PRIMARY KEY NOT NULL,
	"enabled" boolean DEFAULT false NOT NULL,
	"token" text NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "activity" ADD CONSTRAINT "activity_workshop_id_workshop_id_fk" FOREIGN KEY ("workshop_id") REFERENCES "public"."workshop"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contribution" ADD CONSTRAINT "contribution_workshop_id_workshop_id_fk" FOREIGN KEY ("workshop_id") REFERENCES "public"."workshop"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contribution" ADD CONSTRAINT "contribution_participant_id_participant_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participant"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contribution" ADD CONSTRAINT "contribution_moderated_by_user_id_fk" FOREIGN KEY ("moderated_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership" ADD CONSTRAINT "membership_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership" ADD CONSTRAINT "membership_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participant" ADD CONSTRAINT "participant_workshop_id_workshop_id_fk" FOREIGN KEY ("workshop_id") REFERENCES "public"."workshop"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session" ADD CONSTRAINT "session_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop" ADD CONSTRAINT "workshop_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop" ADD CONSTRAINT "workshop_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_control" ADD CONSTRAINT "workshop_control_workshop_id_workshop_id_fk" FOREIGN KEY ("workshop_id") REFERENCES "public"."workshop"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_cycle" ADD CONSTRAINT "assessment_cycle_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_cycle" ADD CONSTRAINT "assessment_cycle_framework_id_framework_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."framework"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_finding_id_finding_id_fk" FOREIGN KEY ("finding_id") REFERENCES "public"."finding"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding" ADD CONSTRAINT "finding_cycle_id_assessment_cycle_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."assessment_cycle"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding" ADD CONSTRAINT "finding_node_id_framework_node_id_fk" FOREIGN KEY ("node_id") REFERENCES "public"."framework_node"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding" ADD CONSTRAINT "finding_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding_event" ADD CONSTRAINT "finding_event_finding_id_finding_id_fk" FOREIGN KEY ("finding_id") REFERENCES "public"."finding"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding_event" ADD CONSTRAINT "finding_event_actor_user_id_user_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding_proposal" ADD CONSTRAINT "finding_proposal_workshop_id_workshop_id_fk" FOREIGN KEY ("workshop_id") REFERENCES "public"."workshop"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding_proposal" ADD CONSTRAINT "finding_proposal_cycle_id_assessment_cycle_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."assessment_cycle"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding_proposal" ADD CONSTRAINT "finding_proposal_finding_id_finding_id_fk" FOREIGN KEY ("finding_id") REFERENCES "public"."finding"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding_proposal" ADD CONSTRAINT "finding_proposal_participant_id_participant_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participant"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding_proposal" ADD CONSTRAINT "finding_proposal_decided_by_user_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework" ADD CONSTRAINT "framework_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_node" ADD CONSTRAINT "framework_node_framework_id_framework_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."framework"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ballot" ADD CONSTRAINT "ballot_activity_id_activity_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activity"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ballot" ADD CONSTRAINT "ballot_participant_id_participant_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participant"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_contributor" ADD CONSTRAINT "case_contributor_case_study_id_case_study_id_fk" FOREIGN KEY ("case_study_id") REFERENCES "public"."case_study"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_study" ADD CONSTRAINT "case_study_workshop_id_workshop_id_fk" FOREIGN KEY ("workshop_id") REFERENCES "public"."workshop"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_study" ADD CONSTRAINT "case_study_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "right_option" ADD CONSTRAINT "right_option_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vote_item" ADD CONSTRAINT "vote_item_activity_id_activity_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activity"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vote_item" ADD CONSTRAINT "vote_item_finding_id_finding_id_fk" FOREIGN KEY ("finding_id") REFERENCES "public"."finding"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vote_setup" ADD CONSTRAINT "vote_setup_activity_id_activity_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activity"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vote_setup" ADD CONSTRAINT "vote_setup_cycle_id_assessment_cycle_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."assessment_cycle"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_register_entry" ADD CONSTRAINT "action_register_entry_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_register_entry" ADD CONSTRAINT "action_register_entry_cycle_id_assessment_cycle_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."assessment_cycle"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_register_entry" ADD CONSTRAINT "action_register_entry_workshop_id_workshop_id_fk" FOREIGN KEY ("workshop_id") REFERENCES "public"."workshop"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_register_entry" ADD CONSTRAINT "action_register_entry_recorded_by_user_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_update" ADD CONSTRAINT "action_update_entry_id_action_register_entry_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."action_register_entry"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_update" ADD CONSTRAINT "action_update_actor_user_id_user_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_public_page" ADD CONSTRAINT "cycle_public_page_cycle_id_assessment_cycle_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."assessment_cycle"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activity_workshop_idx" ON "activity" USING btree ("workshop_id","position");--> statement-breakpoint
CREATE INDEX "audit_event_org_idx" ON "audit_event" USING btree ("organisation_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "contribution_note_unique" ON "contribution" USING btree ("participant_id","note_id");--> statement-breakpoint
CREATE INDEX "contribution_activity_idx" ON "contribution" USING btree ("workshop_id","activity_id");--> statement-breakpoint
CREATE UNIQUE INDEX "doc_update_doc_seq_unique" ON "doc_update" USING btree ("doc","seq");--> statement-breakpoint
CREATE INDEX "membership_user_idx" ON "membership" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "participant_workshop_idx" ON "participant" USING btree ("workshop_id");--> statement-breakpoint
CREATE UNIQUE INDEX "participant_token_unique" ON "participant" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "session_user_idx" ON "session" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "user_email_unique" ON "user" USING btree ("email");--> statement-breakpoint
CREATE INDEX "workshop_org_idx" ON "workshop" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "workshop_join_token_unique" ON "workshop" USING btree ("join_token");--> statement-breakpoint
CREATE UNIQUE INDEX "workshop_short_code_unique" ON "workshop" USING btree ("short_code");--> statement-breakpoint
CREATE INDEX "assessment_cycle_org_idx" ON "assessment_cycle" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "evidence_finding_idx" ON "evidence" USING btree ("finding_id","position");--> statement-breakpoint
CREATE INDEX "finding_cycle_idx" ON "finding" USING btree ("cycle_id");--> statement-breakpoint
CREATE INDEX "finding_node_idx" ON "finding" USING btree ("node_id");--> statement-breakpoint
CREATE INDEX "finding_event_finding_idx" ON "finding_event" USING btree ("finding_id","id");--> statement-breakpoint
CREATE INDEX "finding_proposal_cycle_idx" ON "finding_proposal" USING btree ("cycle_id","status");--> statement-breakpoint
CREATE INDEX "finding_proposal_workshop_idx" ON "finding_proposal" USING btree ("workshop_id");--> statement-breakpoint
CREATE INDEX "framework_org_idx" ON "framework" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "framework_node_code_unique" ON "framework_node" USING btree ("framework_id","code");--> statement-breakpoint
CREATE INDEX "framework_node_parent_idx" ON "framework_node" USING btree ("framework_id","parent_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "ballot_one_per_person" ON "ballot" USING btree ("activity_id","item_key","participant_id");--> statement-breakpoint
CREATE INDEX "case_study_workshop_idx" ON "case_study" USING btree ("workshop_id");--> statement-breakpoint
CREATE INDEX "right_option_org_idx" ON "right_option" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "vote_item_activity_idx" ON "vote_item" USING btree ("activity_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "action_register_source_unique" ON "action_register_entry" USING btree ("organisation_id","source_key");--> statement-breakpoint
CREATE INDEX "action_register_org_idx" ON "action_register_entry" USING btree ("organisation_id","status");--> statement-breakpoint
CREATE INDEX "action_register_cycle_idx" ON "action_register_entry" USING btree ("cycle_id");--> statement-breakpoint
CREATE INDEX "action_update_entry_idx" ON "action_update" USING btree ("entry_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "cycle_public_token_unique" ON "cycle_public_page" USING btree ("token");