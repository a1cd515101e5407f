DROP INDEX `doc_update_doc_idx`;--> statement-breakpoint
ALTER TABLE `doc_snapshot` DROP COLUMN `upto_id`;