CREATE TABLE `contribution` (
	`public_id` text PRIMARY KEY NOT NULL,
	`workshop_id` text NOT NULL,
	`participant_id` text,
	`note_id` text NOT NULL,
	`activity_id` text NOT NULL,
	`text` text NOT NULL,
	`on_behalf_role_group` text,
	`moderated_by` text,
	`group_label` text,
	`merged_into` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`removed_at` integer,
	FOREIGN KEY (`workshop_id`) REFERENCES `workshop`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`participant_id`) REFERENCES `participant`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`moderated_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `contribution_note_unique` ON `contribution` (`participant_id`,`note_id`);--> statement-breakpoint
CREATE INDEX `contribution_activity_idx` ON `contribution` (`workshop_id`,`activity_id`);