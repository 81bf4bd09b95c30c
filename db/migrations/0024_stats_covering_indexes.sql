DROP INDEX `confirmations_decided_idx`;--> statement-breakpoint
CREATE INDEX `confirmations_applied_figures_idx` ON `confirmations` (`applied_on`,`judge_id`,`organisation_name`,`organisation_kind`);--> statement-breakpoint
CREATE INDEX `confirmations_from_mediation_idx` ON `confirmations` (`source`,`mediation_id`,`outcome`);--> statement-breakpoint
CREATE INDEX `confirmations_decided_idx` ON `confirmations` (`decided_on`,`outcome`,`applied_on`,`judge_id`,`organisation_name`,`organisation_kind`,CAST(julianday("decided_on") - julianday("applied_on") AS INTEGER));--> statement-breakpoint
DROP INDEX `docket_cases_closed_idx`;--> statement-breakpoint
DROP INDEX `docket_cases_filed_idx`;--> statement-breakpoint
CREATE INDEX `docket_cases_closed_idx` ON `docket_cases` (`closed_on`,`judge_id`,`close_method`,`filed_on`,`procedure`,CAST(julianday("closed_on") - julianday("filed_on") AS INTEGER));--> statement-breakpoint
CREATE INDEX `docket_cases_filed_idx` ON `docket_cases` (`filed_on`,`judge_id`,`procedure`);--> statement-breakpoint
DROP INDEX `mediations_received_idx`;--> statement-breakpoint
DROP INDEX `mediations_outcome_idx`;--> statement-breakpoint
CREATE INDEX `mediations_received_idx` ON `mediations` (`received_on`,`id`,`org_id`,`mediator_id`,`flow`,`cause_name`,`outside_org_name`,`outside_mediator_name`,`signed_on`,`outcome`);--> statement-breakpoint
CREATE INDEX `mediations_outcome_idx` ON `mediations` (`outcome_on`,`mediator_id`,`outcome`,`signed_on`,`org_id`,`flow`,`cause_name`,`outside_org_name`,`outside_mediator_name`,CAST(julianday("outcome_on") - julianday("signed_on") AS INTEGER));