CREATE TABLE `mediation_assignments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`mediation_id` integer NOT NULL,
	`mediator_id` integer NOT NULL,
	`org_id` integer,
	`how` text NOT NULL,
	`reasons` text,
	`over_capacity_reason` text,
	`assigned_on` text NOT NULL,
	`state` text NOT NULL,
	`responded_on` text,
	`reason` text,
	`assigned_by` integer,
	FOREIGN KEY (`mediation_id`) REFERENCES `mediations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`mediator_id`) REFERENCES `mediators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`org_id`) REFERENCES `mediation_orgs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `mediation_assignments_med_idx` ON `mediation_assignments` (`mediation_id`,`id`);--> statement-breakpoint
CREATE INDEX `mediation_assignments_mediator_idx` ON `mediation_assignments` (`mediator_id`,`state`);--> statement-breakpoint
CREATE TABLE `mediation_consents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`mediation_id` integer NOT NULL,
	`party_id` integer NOT NULL,
	`subject` text NOT NULL,
	`answer` text NOT NULL,
	`given_on` text NOT NULL,
	`note` text,
	`recorded_at` text NOT NULL,
	FOREIGN KEY (`mediation_id`) REFERENCES `mediations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`party_id`) REFERENCES `parties`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `mediation_consents_med_idx` ON `mediation_consents` (`mediation_id`,`subject`);--> statement-breakpoint
CREATE TABLE `mediation_lookups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`address` text NOT NULL,
	`code` text NOT NULL,
	`found` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `mediation_lookups_addr_idx` ON `mediation_lookups` (`address`,`at`);--> statement-breakpoint
CREATE TABLE `mediation_orgs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`level` text NOT NULL,
	`region` text NOT NULL,
	`contact` text,
	`phone` text,
	`active_from` text NOT NULL,
	`active_to` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `mediation_orgs_name_unique` ON `mediation_orgs` (`name`);--> statement-breakpoint
CREATE TABLE `mediation_settings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`effective_from` text NOT NULL,
	`value` text NOT NULL,
	`updated_by` integer,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `mediation_settings_key_from` ON `mediation_settings` (`key`,`effective_from`);--> statement-breakpoint
CREATE TABLE `mediations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`flow` text NOT NULL,
	`procedure` text,
	`status` text NOT NULL,
	`region` text DEFAULT '' NOT NULL,
	`cause_name` text NOT NULL,
	`received_on` text NOT NULL,
	`assign_due` text,
	`accept_due` text,
	`contact_due` text,
	`first_contact_on` text,
	`org_id` integer,
	`mediator_id` integer,
	`signed_on` text,
	`due_on` text,
	`base_due_on` text,
	`extended_on` text,
	`outcome` text,
	`closing` text,
	`outcome_on` text,
	`failure_reason` text,
	`undisputed_facts` text,
	`agreement` text,
	`outside_org_name` text,
	`outside_mediator_name` text,
	`converted_case_id` integer,
	`created_by` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`org_id`) REFERENCES `mediation_orgs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`mediator_id`) REFERENCES `mediators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`converted_case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `mediations_case_unique` ON `mediations` (`case_id`);--> statement-breakpoint
CREATE INDEX `mediations_status_id_idx` ON `mediations` (`status`,`id`);--> statement-breakpoint
CREATE INDEX `mediations_flow_id_idx` ON `mediations` (`flow`,`id`);--> statement-breakpoint
CREATE INDEX `mediations_mediator_idx` ON `mediations` (`mediator_id`,`status`);--> statement-breakpoint
CREATE INDEX `mediations_org_idx` ON `mediations` (`org_id`,`status`);--> statement-breakpoint
CREATE INDEX `mediations_received_idx` ON `mediations` (`received_on`,`id`);--> statement-breakpoint
CREATE INDEX `mediations_due_idx` ON `mediations` (`status`,`due_on`);--> statement-breakpoint
CREATE INDEX `mediations_assign_due_idx` ON `mediations` (`assign_due`);--> statement-breakpoint
CREATE INDEX `mediations_accept_due_idx` ON `mediations` (`accept_due`);--> statement-breakpoint
CREATE INDEX `mediations_contact_due_idx` ON `mediations` (`contact_due`);--> statement-breakpoint
CREATE INDEX `mediations_outcome_idx` ON `mediations` (`outcome_on`,`mediator_id`,`outcome`,`signed_on`);--> statement-breakpoint
CREATE TABLE `mediators` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`org_id` integer,
	`fields` text DEFAULT '[]' NOT NULL,
	`regions` text DEFAULT '[]' NOT NULL,
	`capacity` integer NOT NULL,
	`id_number` text,
	`phone` text,
	`active_from` text NOT NULL,
	`active_to` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `mediation_orgs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `mediators_org_idx` ON `mediators` (`org_id`);--> statement-breakpoint
CREATE INDEX `mediators_name_idx` ON `mediators` (`name`);