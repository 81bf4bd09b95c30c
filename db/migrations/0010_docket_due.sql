ALTER TABLE `docket_cases` ADD `due_on` text;--> statement-breakpoint
ALTER TABLE `docket_cases` ADD `suspended_until` text;--> statement-breakpoint
ALTER TABLE `docket_cases` ADD `pending_extension` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `docket_cases_judge_due_idx` ON `docket_cases` (`judge_id`,`status`,`due_on`);--> statement-breakpoint
CREATE INDEX `docket_cases_open_due_idx` ON `docket_cases` (`status`,`due_on`);