CREATE TABLE `confirmation_services` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`confirmation_id` integer NOT NULL,
	`case_party_id` integer NOT NULL,
	`method` text NOT NULL,
	`served_on` text NOT NULL,
	`recipient` text NOT NULL,
	`proof` text NOT NULL,
	`user_id` integer NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`confirmation_id`) REFERENCES `confirmations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`case_party_id`) REFERENCES `case_parties`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `confirmation_services_party_unique` ON `confirmation_services` (`confirmation_id`,`case_party_id`);--> statement-breakpoint
CREATE TABLE `confirmation_steps` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`confirmation_id` integer NOT NULL,
	`kind` text NOT NULL,
	`on` text NOT NULL,
	`data` text NOT NULL,
	`due_on` text,
	`fulfilled_on` text,
	`user_id` integer NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`confirmation_id`) REFERENCES `confirmations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `confirmation_steps_idx` ON `confirmation_steps` (`confirmation_id`,`kind`);--> statement-breakpoint
CREATE TABLE `confirmations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`source` text NOT NULL,
	`mediation_id` integer,
	`organisation_kind` text NOT NULL,
	`organisation_name` text NOT NULL,
	`organisation_place` text NOT NULL,
	`mediator_name` text NOT NULL,
	`agreement_date` text NOT NULL,
	`agreement_effective_on` text NOT NULL,
	`dispute` text,
	`terms` text NOT NULL,
	`application_form` text NOT NULL,
	`oral_record` text,
	`materials` text NOT NULL,
	`applied_on` text NOT NULL,
	`fee_fen` integer DEFAULT 0 NOT NULL,
	`fee_basis` text NOT NULL,
	`stage` text NOT NULL,
	`acceptance_checks` text,
	`acceptance_decided_on` text,
	`acceptance_decided_by` integer,
	`judge_id` integer,
	`clerk_id` integer,
	`judge_assigned_at` text,
	`judge_assigned_by` integer,
	`extension_days` integer DEFAULT 0 NOT NULL,
	`extension_approved_by` integer,
	`extension_approved_at` text,
	`extension_reason` text,
	`outcome` text,
	`grounds` text,
	`reasons` text,
	`decided_on` text,
	`decided_by` integer,
	`ruling_document_id` integer,
	`signed_at` text,
	`signed_by` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ruling_document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `confirmations_case_unique` ON `confirmations` (`case_id`);--> statement-breakpoint
CREATE INDEX `confirmations_stage_idx` ON `confirmations` (`stage`,`applied_on`);--> statement-breakpoint
CREATE INDEX `confirmations_judge_idx` ON `confirmations` (`judge_id`,`stage`);--> statement-breakpoint
CREATE INDEX `confirmations_applied_idx` ON `confirmations` (`applied_on`);