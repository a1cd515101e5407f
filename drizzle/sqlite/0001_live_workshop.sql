CREATE TABLE `activity` (
	`id` text PRIMARY KEY NOT NULL,
	`workshop_id` text NOT NULL,
	`position` integer NOT NULL,
	`type` text NOT NULL,
	`title` text NOT NULL,
	`prompt` text DEFAULT '' NOT NULL,
	`planned_minutes` integer DEFAULT 10 NOT NULL,
	`anonymity` text DEFAULT 'role_group' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`workshop_id`) REFERENCES `workshop`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `activity_workshop_idx` ON `activity` (`workshop_id`,`position`);--> statement-breakpoint
CREATE TABLE `participant` (
	`id` text PRIMARY KEY NOT NULL,
	`workshop_id` text NOT NULL,
	`display_name` text,
	`role_group` text NOT NULL,
	`organisation` text,
	`language` text DEFAULT 'en' NOT NULL,
	`token_hash` text NOT NULL,
	`removed_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`workshop_id`) REFERENCES `workshop`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `participant_workshop_idx` ON `participant` (`workshop_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `participant_token_unique` ON `participant` (`token_hash`);--> statement-breakpoint
CREATE TABLE `workshop_control` (
	`workshop_id` text PRIMARY KEY NOT NULL,
	`current_activity_id` text,
	`focus` integer DEFAULT true NOT NULL,
	`locked` integer DEFAULT false NOT NULL,
	`hidden_writing` integer DEFAULT false NOT NULL,
	`revealed` integer DEFAULT true NOT NULL,
	`timer_ends_at` integer,
	`timer_remaining_ms` integer,
	`version` integer DEFAULT 0 NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`workshop_id`) REFERENCES `workshop`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `workshop` ADD `scheduled_on` text;--> statement-breakpoint
ALTER TABLE `workshop` ADD `language` text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE `workshop` ADD `purpose` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `workshop` ADD `role_groups` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `workshop` ADD `expected_role_groups` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `workshop` ADD `join_token` text;--> statement-breakpoint
ALTER TABLE `workshop` ADD `short_code` text;--> statement-breakpoint
ALTER TABLE `workshop` ADD `joining_open` integer DEFAULT true NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `workshop_join_token_unique` ON `workshop` (`join_token`);--> statement-breakpoint
CREATE UNIQUE INDEX `workshop_short_code_unique` ON `workshop` (`short_code`);