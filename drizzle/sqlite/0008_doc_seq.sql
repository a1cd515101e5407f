CREATE TABLE `doc_head` (
	`doc` text PRIMARY KEY NOT NULL,
	`seq` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `doc_snapshot` ADD `upto_seq` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `doc_update` ADD `seq` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Number each document's remaining updates 1, 2, 3… in commit (id) order. Compaction deleted every
-- update up to a snapshot's id, so the snapshot comes before all of them: its upto_seq stays 0.
UPDATE `doc_update` SET `seq` = (SELECT count(*) FROM `doc_update` AS d WHERE d.`doc` = `doc_update`.`doc` AND d.`id` <= `doc_update`.`id`);--> statement-breakpoint
INSERT INTO `doc_head` (`doc`, `seq`) SELECT `doc`, max(`seq`) FROM `doc_update` GROUP BY `doc`;--> statement-breakpoint
INSERT INTO `doc_head` (`doc`, `seq`) SELECT `doc`, 0 FROM `doc_snapshot` WHERE `doc` NOT IN (SELECT `doc` FROM `doc_head`);--> statement-breakpoint
CREATE UNIQUE INDEX `doc_update_doc_seq_unique` ON `doc_update` (`doc`,`seq`);--> statement-breakpoint
ALTER TABLE `finding` ADD `seq` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Findings and proposals were listed by creation time, then by rowid; seq takes rowid's place.
UPDATE `finding` SET `seq` = `rowid`;--> statement-breakpoint
ALTER TABLE `finding_proposal` ADD `seq` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
UPDATE `finding_proposal` SET `seq` = `rowid`;
