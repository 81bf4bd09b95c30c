CREATE TABLE `audit_digests` (
	`audit_id` integer NOT NULL,
	`kind` text NOT NULL,
	`subject_id` text NOT NULL,
	`digest` text NOT NULL,
	`fields` text NOT NULL,
	PRIMARY KEY(`audit_id`, `kind`, `subject_id`)
);
--> statement-breakpoint
CREATE INDEX `audit_digests_subject_idx` ON `audit_digests` (`kind`,`subject_id`,`audit_id`);--> statement-breakpoint
CREATE TABLE `backup_policy` (
	`id` integer PRIMARY KEY NOT NULL,
	`folder` text NOT NULL,
	`every_hours` integer DEFAULT 24 NOT NULL,
	`keep` integer DEFAULT 14 NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` integer
);
--> statement-breakpoint
CREATE TABLE `backup_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`trigger` text NOT NULL,
	`started_at` text NOT NULL,
	`finished_at` text,
	`file` text,
	`bytes` integer,
	`ok` integer,
	`message` text
);
--> statement-breakpoint
CREATE INDEX `backup_runs_started_idx` ON `backup_runs` (`started_at`);--> statement-breakpoint
ALTER TABLE `audit_log` ADD `state_digest` text;