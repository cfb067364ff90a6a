CREATE TABLE `federation_pending` (
	`k` text PRIMARY KEY NOT NULL,
	`n` integer NOT NULL
);
--> statement-breakpoint
DROP TABLE `federation_sent`;--> statement-breakpoint
ALTER TABLE `federation_outbox` ADD `full_needed` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `federation_provinces` ADD `last_rows` integer DEFAULT 0 NOT NULL;