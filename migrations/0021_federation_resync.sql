CREATE TABLE `federation_removed` (
	`kind` text NOT NULL,
	`id` integer NOT NULL,
	`code` text NOT NULL,
	PRIMARY KEY(`kind`, `id`)
);
--> statement-breakpoint
CREATE TABLE `federation_resyncs` (
	`province` text PRIMARY KEY NOT NULL,
	`id` text NOT NULL,
	`batch_id` integer NOT NULL,
	`phase` text NOT NULL,
	`next_slice` integer DEFAULT 0 NOT NULL,
	`cursor` text,
	`version` integer DEFAULT 0 NOT NULL,
	`geography_hash` text NOT NULL,
	`rows` integer DEFAULT 0 NOT NULL,
	`reported` text DEFAULT '[]' NOT NULL,
	`started_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`requests` integer DEFAULT 0 NOT NULL,
	`longest_ms` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE `federation_outbox` ADD `resync_id` text;--> statement-breakpoint
ALTER TABLE `federation_outbox` ADD `resync_base` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `federation_outbox` ADD `resync_slice` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `federation_outbox` ADD `resync_cursor` text;--> statement-breakpoint
ALTER TABLE `federation_outbox` ADD `resync_version` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `federation_outbox` ADD `resync_sent` integer DEFAULT 0 NOT NULL;