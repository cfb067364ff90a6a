CREATE TABLE `snapshots` (
	`id` text PRIMARY KEY NOT NULL,
	`chart` text NOT NULL,
	`params` text NOT NULL,
	`label` text,
	`data` text NOT NULL,
	`data_version` integer NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL
);
