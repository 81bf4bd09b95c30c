DROP INDEX `docket_cases_filed_idx`;--> statement-breakpoint
CREATE INDEX `docket_cases_filed_idx` ON `docket_cases` (`filed_on`,`judge_id`);--> statement-breakpoint
CREATE INDEX `cases_received_type_idx` ON `cases` (`received_on`,`case_type`,`cause_name`);--> statement-breakpoint
CREATE INDEX `confirmations_decided_idx` ON `confirmations` (`decided_on`);--> statement-breakpoint
CREATE INDEX `confirmations_mediation_idx` ON `confirmations` (`mediation_id`);