ALTER TABLE `vote_item` ADD `action_point_id` text;--> statement-breakpoint
ALTER TABLE `vote_setup` ADD `answer_groups` text DEFAULT '[]' NOT NULL;