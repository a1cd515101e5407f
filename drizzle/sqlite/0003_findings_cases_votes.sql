CREATE TABLE `assessment_cycle` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`framework_id` text NOT NULL,
	`name` text NOT NULL,
	`period_start` text,
	`period_end` text,
	`purpose` text DEFAULT '' NOT NULL,
	`rating_scale` text DEFAULT '[]' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisation`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`framework_id`) REFERENCES `framework`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `assessment_cycle_org_idx` ON `assessment_cycle` (`organisation_id`);--> statement-breakpoint
CREATE TABLE `ballot` (
	`id` text PRIMARY KEY NOT NULL,
	`activity_id` text NOT NULL,
	`participant_id` text NOT NULL,
	`item_key` text DEFAULT '' NOT NULL,
	`value` text NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`role_group` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`activity_id`) REFERENCES `activity`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`participant_id`) REFERENCES `participant`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ballot_one_per_person` ON `ballot` (`activity_id`,`item_key`,`participant_id`);--> statement-breakpoint
CREATE TABLE `case_contributor` (
	`case_study_id` text NOT NULL,
	`section` text NOT NULL,
	`role_group` text NOT NULL,
	`first_at` integer NOT NULL,
	PRIMARY KEY(`case_study_id`, `section`, `role_group`),
	FOREIGN KEY (`case_study_id`) REFERENCES `case_study`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `case_study` (
	`id` text PRIMARY KEY NOT NULL,
	`workshop_id` text NOT NULL,
	`title` text NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`workshop_id`) REFERENCES `workshop`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `case_study_workshop_idx` ON `case_study` (`workshop_id`);--> statement-breakpoint
CREATE TABLE `evidence` (
	`id` text PRIMARY KEY NOT NULL,
	`finding_id` text NOT NULL,
	`position` integer NOT NULL,
	`kind` text NOT NULL,
	`text` text DEFAULT '' NOT NULL,
	`source` text DEFAULT '' NOT NULL,
	`date` text DEFAULT '' NOT NULL,
	`holder` text DEFAULT '' NOT NULL,
	`url` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`finding_id`) REFERENCES `finding`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `evidence_finding_idx` ON `evidence` (`finding_id`,`position`);--> statement-breakpoint
CREATE TABLE `finding` (
	`id` text PRIMARY KEY NOT NULL,
	`cycle_id` text NOT NULL,
	`node_id` text NOT NULL,
	`statement` text NOT NULL,
	`rating` text,
	`on_paper` text,
	`in_practice` text,
	`effect` text,
	`confidence` text,
	`status` text DEFAULT 'draft' NOT NULL,
	`origin` text DEFAULT 'staff' NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`cycle_id`) REFERENCES `assessment_cycle`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`node_id`) REFERENCES `framework_node`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `finding_cycle_idx` ON `finding` (`cycle_id`);--> statement-breakpoint
CREATE INDEX `finding_node_idx` ON `finding` (`node_id`);--> statement-breakpoint
CREATE TABLE `finding_event` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`finding_id` text NOT NULL,
	`actor_user_id` text,
	`action` text NOT NULL,
	`detail` text DEFAULT '{}' NOT NULL,
	`workshop_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`finding_id`) REFERENCES `finding`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `finding_event_finding_idx` ON `finding_event` (`finding_id`,`id`);--> statement-breakpoint
CREATE TABLE `finding_proposal` (
	`id` text PRIMARY KEY NOT NULL,
	`workshop_id` text NOT NULL,
	`cycle_id` text NOT NULL,
	`finding_id` text,
	`node_id` text,
	`participant_id` text,
	`role_group` text DEFAULT '' NOT NULL,
	`statement` text NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`decided_by` text,
	`decided_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`workshop_id`) REFERENCES `workshop`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`cycle_id`) REFERENCES `assessment_cycle`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`finding_id`) REFERENCES `finding`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`participant_id`) REFERENCES `participant`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`decided_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `finding_proposal_cycle_idx` ON `finding_proposal` (`cycle_id`,`status`);--> statement-breakpoint
CREATE INDEX `finding_proposal_workshop_idx` ON `finding_proposal` (`workshop_id`);--> statement-breakpoint
CREATE TABLE `framework` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`builtin_key` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisation`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `framework_org_idx` ON `framework` (`organisation_id`);--> statement-breakpoint
CREATE TABLE `framework_node` (
	`id` text PRIMARY KEY NOT NULL,
	`framework_id` text NOT NULL,
	`parent_id` text,
	`kind` text NOT NULL,
	`code` text NOT NULL,
	`position` integer NOT NULL,
	`original_text` text NOT NULL,
	`local_text` text,
	`explanation` text DEFAULT '' NOT NULL,
	`internal_only` integer DEFAULT false NOT NULL,
	`hidden` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`framework_id`) REFERENCES `framework`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `framework_node_code_unique` ON `framework_node` (`framework_id`,`code`);--> statement-breakpoint
CREATE INDEX `framework_node_parent_idx` ON `framework_node` (`framework_id`,`parent_id`,`position`);--> statement-breakpoint
CREATE TABLE `right_option` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`label` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisation`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `right_option_org_idx` ON `right_option` (`organisation_id`);--> statement-breakpoint
CREATE TABLE `vote_item` (
	`id` text PRIMARY KEY NOT NULL,
	`activity_id` text NOT NULL,
	`position` integer NOT NULL,
	`finding_id` text,
	`text` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`activity_id`) REFERENCES `activity`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`finding_id`) REFERENCES `finding`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `vote_item_activity_idx` ON `vote_item` (`activity_id`,`position`);--> statement-breakpoint
CREATE TABLE `vote_setup` (
	`activity_id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`budget` integer DEFAULT 5 NOT NULL,
	`cap` integer DEFAULT 3 NOT NULL,
	`cycle_id` text,
	`status` text DEFAULT 'draft' NOT NULL,
	`revealed` integer DEFAULT false NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`activity_id`) REFERENCES `activity`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`cycle_id`) REFERENCES `assessment_cycle`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
ALTER TABLE `activity` ADD `ref_id` text;--> statement-breakpoint
ALTER TABLE `workshop` ADD `role_group_kinds` text DEFAULT '{}' NOT NULL;