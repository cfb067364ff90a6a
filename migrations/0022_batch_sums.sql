CREATE TABLE `award_batch_sums` (
	`id` integer PRIMARY KEY NOT NULL,
	`batch_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`year` integer NOT NULL,
	`award_code` text NOT NULL,
	`recipient_kind` text NOT NULL,
	`gender` text DEFAULT '' NOT NULL,
	`recipient_class` text DEFAULT '' NOT NULL,
	`method` text NOT NULL,
	`movement_id` integer DEFAULT 0 NOT NULL,
	`ethnic_minority` integer DEFAULT -1 NOT NULL,
	`decision_month` integer DEFAULT 0 NOT NULL,
	`n` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `award_batch_sums_key` ON `award_batch_sums` (`batch_id`,`unit_id`,`year`,`award_code`,`recipient_kind`,`gender`,`recipient_class`,`method`,`movement_id`,`ethnic_minority`,`decision_month`);--> statement-breakpoint
ALTER TABLE `import_batches` ADD `summed_to` integer;--> statement-breakpoint
ALTER TABLE `import_batches` ADD `sums_from` integer;--> statement-breakpoint
ALTER TABLE `import_batches` ADD `sums_cursor` integer;--> statement-breakpoint
ALTER TABLE `import_batches` ADD `sums_until` integer;