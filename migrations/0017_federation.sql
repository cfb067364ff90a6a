CREATE TABLE `federation_guard` (
	`province` text,
	CONSTRAINT "federation_state_changed" CHECK("federation_guard"."province" IS NULL AND "federation_guard"."province" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE `federation_outbox` (
	`id` integer PRIMARY KEY NOT NULL,
	`acked_version` integer DEFAULT 0 NOT NULL,
	`acked_at` text,
	`attempted_at` text,
	`last_error` text,
	`lease_until` text
);
--> statement-breakpoint
CREATE TABLE `federation_provinces` (
	`province` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`signed_at` text DEFAULT '' NOT NULL,
	`pushed_at` text,
	`seen_at` text,
	`geography_hash` text DEFAULT '' NOT NULL,
	`reported` text DEFAULT '[]' NOT NULL
);
--> statement-breakpoint
CREATE TABLE `federation_sent` (
	`k` text PRIMARY KEY NOT NULL,
	`n` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `federation_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`province` text NOT NULL,
	`key_hash` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`revoked_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `federation_tokens_key_hash_unique` ON `federation_tokens` (`key_hash`);--> statement-breakpoint
CREATE INDEX `federation_tokens_province` ON `federation_tokens` (`province`);--> statement-breakpoint
CREATE TABLE `federation_units` (
	`unit_id` integer PRIMARY KEY NOT NULL,
	`province` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `federation_units_province` ON `federation_units` (`province`);