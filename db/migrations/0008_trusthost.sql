CREATE TABLE `party_case_work` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`party_id` integer NOT NULL,
	`after_case_id` integer DEFAULT 0 NOT NULL,
	`reindex` integer NOT NULL,
	`event` text,
	`queued_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `request_ids` (
	`user_id` integer NOT NULL,
	`request_id` text NOT NULL,
	`operation` text NOT NULL,
	`result` text,
	`created_at` text NOT NULL,
	PRIMARY KEY(`user_id`, `request_id`)
);
--> statement-breakpoint
CREATE INDEX `request_ids_created_idx` ON `request_ids` (`created_at`);