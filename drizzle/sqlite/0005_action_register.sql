CREATE TABLE `action_register_entry` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`cycle_id` text,
	`workshop_id` text,
	`source_key` text NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`type` text NOT NULL,
	`horizon` text NOT NULL,
	`department` text DEFAULT '' NOT NULL,
	`owner_name` text DEFAULT '' NOT NULL,
	`target` text DEFAULT '' NOT NULL,
	`indicators` text DEFAULT '[]' NOT NULL,
	`deadline` text,
	`resources` text DEFAULT '' NOT NULL,
	`competence` text DEFAULT 'city' NOT NULL,
	`affected_groups` text DEFAULT '' NOT NULL,
	`validation` text DEFAULT '{}' NOT NULL,
	`status` text DEFAULT 'planned' NOT NULL,
	`status_reason` text DEFAULT '' NOT NULL,
	`progress` integer DEFAULT 0 NOT NULL,
	`recorded_by` text,
	`recorded_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisation`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`cycle_id`) REFERENCES `assessment_cycle`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`workshop_id`) REFERENCES `workshop`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`recorded_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `action_register_source_unique` ON `action_register_entry` (`organisation_id`,`source_key`);--> statement-breakpoint
CREATE INDEX `action_register_org_idx` ON `action_register_entry` (`organisation_id`,`status`);--> statement-breakpoint
CREATE INDEX `action_register_cycle_idx` ON `action_register_entry` (`cycle_id`);--> statement-breakpoint
CREATE TABLE `action_update` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entry_id` text NOT NULL,
	`changes` text DEFAULT '{}' NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`actor_user_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`entry_id`) REFERENCES `action_register_entry`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `action_update_entry_idx` ON `action_update` (`entry_id`,`id`);--> statement-breakpoint
CREATE TABLE `cycle_public_page` (
	`cycle_id` text PRIMARY KEY NOT NULL,
	`enabled` integer DEFAULT false NOT NULL,
	`token` text NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`cycle_id`) REFERENCES `assessment_cycle`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cycle_public_token_unique` ON `cycle_public_page` (`token`);--> statement-breakpoint
ALTER TABLE `participant` ADD `acknowledge_organisation` integer DEFAULT false NOT NULL;