CREATE TABLE `award_cube_delta` (
	`batch_id` integer NOT NULL,
	`cuboid` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`year` integer NOT NULL,
	`award_code` text DEFAULT '' NOT NULL,
	`tier` text DEFAULT '' NOT NULL,
	`category` text DEFAULT '' NOT NULL,
	`recipient_kind` text DEFAULT '' NOT NULL,
	`gender` text DEFAULT '' NOT NULL,
	`recipient_class` text DEFAULT '' NOT NULL,
	`method` text DEFAULT '' NOT NULL,
	`movement_id` integer DEFAULT 0 NOT NULL,
	`ethnic_minority` integer DEFAULT -1 NOT NULL,
	`n` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `award_cube_delta_key` ON `award_cube_delta` (`batch_id`,`cuboid`,`unit_id`,`year`,`award_code`,`tier`,`category`,`recipient_kind`,`gender`,`recipient_class`,`method`,`movement_id`,`ethnic_minority`);--> statement-breakpoint
CREATE INDEX `award_cube_delta_batch` ON `award_cube_delta` (`batch_id`);--> statement-breakpoint
CREATE TABLE `import_guard` (
	`batch_id` integer NOT NULL,
	CONSTRAINT "import_batch_changed" CHECK("import_guard"."batch_id" IS NULL)
);
--> statement-breakpoint
DROP INDEX `import_batches_committed_hash`;--> statement-breakpoint
ALTER TABLE `import_batches` ADD `cube_from` integer;--> statement-breakpoint
ALTER TABLE `import_batches` ADD `cube_cursor` integer;--> statement-breakpoint
ALTER TABLE `import_batches` ADD `cube_until` integer;--> statement-breakpoint
ALTER TABLE `import_batches` ADD `delta_visible` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `import_batches` ADD `lease_owner` text;--> statement-breakpoint
ALTER TABLE `import_batches` ADD `lease_until` text;--> statement-breakpoint
CREATE INDEX `import_batches_delta_visible` ON `import_batches` (`id`) WHERE "import_batches"."delta_visible" = 1;--> statement-breakpoint
CREATE UNIQUE INDEX `import_batches_committed_hash` ON `import_batches` (`dataset`,`content_hash`) WHERE "import_batches"."status" IN ('committing', 'committed');