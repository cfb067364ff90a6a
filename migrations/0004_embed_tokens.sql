CREATE TABLE `embed_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`chart` text NOT NULL,
	`params` text NOT NULL,
	`origin` text NOT NULL,
	`label` text,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	`revoked_at` text,
	`created_by` text NOT NULL
);
