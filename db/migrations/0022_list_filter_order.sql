DROP INDEX `cases_status_idx`;--> statement-breakpoint
CREATE INDEX `cases_type_received_idx` ON `cases` (`case_type`,`received_on`);--> statement-breakpoint
CREATE INDEX `cases_status_idx` ON `cases` (`status`,`received_on`);