CREATE TABLE `documents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer,
	`template_id` text NOT NULL,
	`template_version` text NOT NULL,
	`title` text NOT NULL,
	`format` text NOT NULL,
	`data` text NOT NULL,
	`sha256` text NOT NULL,
	`page_count` integer NOT NULL,
	`byte_size` integer NOT NULL,
	`subject_kind` text,
	`subject_id` integer,
	`created_by` integer NOT NULL,
	`created_at` text NOT NULL,
	`print_count` integer DEFAULT 0 NOT NULL,
	`last_printed_at` text,
	`last_printed_by` integer,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `documents_case_idx` ON `documents` (`case_id`,`id`);--> statement-breakpoint
CREATE INDEX `documents_created_idx` ON `documents` (`created_at`);--> statement-breakpoint
CREATE INDEX `documents_template_idx` ON `documents` (`template_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `fee_payments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`application_id` integer,
	`kind` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`paid_on` text NOT NULL,
	`reference` text,
	`note` text,
	`recorded_by` integer NOT NULL,
	`recorded_at` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`application_id`) REFERENCES `relief_applications`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `fee_payments_case_idx` ON `fee_payments` (`case_id`);--> statement-breakpoint
CREATE INDEX `fee_payments_app_idx` ON `fee_payments` (`application_id`);--> statement-breakpoint
CREATE TABLE `relief_applications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`case_party_id` integer NOT NULL,
	`kind` text NOT NULL,
	`ground` text NOT NULL,
	`reasons` text DEFAULT '' NOT NULL,
	`evidence` text DEFAULT '[]' NOT NULL,
	`fee_fen` integer NOT NULL,
	`fee_quote` text,
	`requested_percent` integer,
	`requested_until` text,
	`applied_on` text NOT NULL,
	`status` text NOT NULL,
	`decided_on` text,
	`granted_percent` integer,
	`relief_fen` integer,
	`deferred_until` text,
	`refusal_reasons` text,
	`created_by` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`case_party_id`) REFERENCES `case_parties`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `relief_case_idx` ON `relief_applications` (`case_id`);--> statement-breakpoint
CREATE INDEX `relief_status_idx` ON `relief_applications` (`status`,`applied_on`);--> statement-breakpoint
CREATE INDEX `relief_applied_idx` ON `relief_applications` (`applied_on`);--> statement-breakpoint
CREATE INDEX `relief_deferred_idx` ON `relief_applications` (`deferred_until`);--> statement-breakpoint
CREATE TABLE `relief_steps` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`application_id` integer NOT NULL,
	`stage` text NOT NULL,
	`action` text NOT NULL,
	`opinion` text DEFAULT '' NOT NULL,
	`user_id` integer NOT NULL,
	`user_name` text NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`application_id`) REFERENCES `relief_applications`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `relief_steps_app_idx` ON `relief_steps` (`application_id`,`id`);