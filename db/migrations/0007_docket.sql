CREATE TABLE `docket_assignments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`judge_id` integer NOT NULL,
	`kind` text NOT NULL,
	`reason` text,
	`at` text NOT NULL,
	`by_id` integer,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`judge_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `docket_assignments_case_idx` ON `docket_assignments` (`case_id`,`id`);--> statement-breakpoint
CREATE TABLE `docket_cases` (
	`case_id` integer PRIMARY KEY NOT NULL,
	`source` text NOT NULL,
	`status` text NOT NULL,
	`filed_on` text NOT NULL,
	`entered_at` text NOT NULL,
	`recommended` text,
	`procedure` text,
	`by_consent` integer DEFAULT false NOT NULL,
	`triage` text,
	`decision_reason` text,
	`triaged_by` integer,
	`triaged_at` text,
	`judge_id` integer,
	`serial_key` text,
	`closed_on` text,
	`close_method` text,
	`close_result` text,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`judge_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `docket_cases_judge_idx` ON `docket_cases` (`judge_id`,`status`);--> statement-breakpoint
CREATE INDEX `docket_cases_status_idx` ON `docket_cases` (`status`,`filed_on`);--> statement-breakpoint
CREATE INDEX `docket_cases_serial_idx` ON `docket_cases` (`serial_key`,`status`);--> statement-breakpoint
CREATE INDEX `docket_cases_closed_idx` ON `docket_cases` (`closed_on`);--> statement-breakpoint
CREATE TABLE `docket_conversions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`from_procedure` text NOT NULL,
	`to_procedure` text NOT NULL,
	`on_date` text NOT NULL,
	`reason` text NOT NULL,
	`fee_due_fen` integer NOT NULL,
	`fee_due_on` text,
	`by_id` integer,
	`at` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `docket_conversions_case_idx` ON `docket_conversions` (`case_id`);--> statement-breakpoint
CREATE TABLE `docket_extensions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`procedure` text NOT NULL,
	`months` integer NOT NULL,
	`reason` text NOT NULL,
	`status` text NOT NULL,
	`requested_by` integer,
	`requested_at` text NOT NULL,
	`decided_by` integer,
	`decided_at` text,
	`decision_note` text,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `docket_extensions_case_idx` ON `docket_extensions` (`case_id`);--> statement-breakpoint
CREATE INDEX `docket_extensions_status_idx` ON `docket_extensions` (`status`);--> statement-breakpoint
CREATE TABLE `docket_hearings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`judge_id` integer NOT NULL,
	`courtroom` text NOT NULL,
	`starts_at` text NOT NULL,
	`ends_at` text NOT NULL,
	`status` text NOT NULL,
	`postpone_reason` text,
	`batch` text,
	`by_id` integer,
	`at` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`judge_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `docket_hearings_judge_idx` ON `docket_hearings` (`judge_id`,`starts_at`);--> statement-breakpoint
CREATE INDEX `docket_hearings_room_idx` ON `docket_hearings` (`courtroom`,`starts_at`);--> statement-breakpoint
CREATE INDEX `docket_hearings_case_idx` ON `docket_hearings` (`case_id`);--> statement-breakpoint
CREATE TABLE `docket_suspensions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`kind` text NOT NULL,
	`from_date` text NOT NULL,
	`to_date` text,
	`note` text,
	`recorded_by` integer,
	`recorded_at` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `docket_suspensions_case_idx` ON `docket_suspensions` (`case_id`);--> statement-breakpoint
CREATE TABLE `docket_wage_figures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`province` text NOT NULL,
	`wage_year` integer NOT NULL,
	`amount_fen` integer NOT NULL,
	`published_on` text NOT NULL,
	`source` text NOT NULL,
	`recorded_by` integer,
	`recorded_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `docket_wage_unique` ON `docket_wage_figures` (`province`,`wage_year`);