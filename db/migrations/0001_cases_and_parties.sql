CREATE TABLE `case_agents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`case_party_id` integer NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`id_number` text,
	`phone` text,
	`organisation` text,
	`license_no` text,
	`authority` text NOT NULL,
	`authority_detail` text,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`case_party_id`) REFERENCES `case_parties`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_agents_case_idx` ON `case_agents` (`case_id`);--> statement-breakpoint
CREATE TABLE `case_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`at` text NOT NULL,
	`actor_id` integer,
	`actor_name` text NOT NULL,
	`kind` text NOT NULL,
	`summary` text NOT NULL,
	`data` text,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_events_case_idx` ON `case_events` (`case_id`,`id`);--> statement-breakpoint
CREATE TABLE `case_links` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`from_case_id` integer NOT NULL,
	`to_case_id` integer NOT NULL,
	`kind` text NOT NULL,
	`note` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`from_case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `case_links_unique` ON `case_links` (`from_case_id`,`to_case_id`,`kind`);--> statement-breakpoint
CREATE INDEX `case_links_to_idx` ON `case_links` (`to_case_id`);--> statement-breakpoint
CREATE TABLE `case_parties` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`party_id` integer NOT NULL,
	`role` text NOT NULL,
	`seq` integer NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`party_id`) REFERENCES `parties`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_parties_case_idx` ON `case_parties` (`case_id`);--> statement-breakpoint
CREATE INDEX `case_parties_party_idx` ON `case_parties` (`party_id`,`case_id`);--> statement-breakpoint
CREATE TABLE `cases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_type` text NOT NULL,
	`number` text NOT NULL,
	`number_year` integer NOT NULL,
	`number_serial` integer NOT NULL,
	`code` text NOT NULL,
	`received_on` text NOT NULL,
	`cause_revision` text,
	`cause_no` text,
	`cause_name` text NOT NULL,
	`cause_needs_review` integer DEFAULT false NOT NULL,
	`amount_fen` integer,
	`claims` text DEFAULT '' NOT NULL,
	`facts` text DEFAULT '' NOT NULL,
	`materials` text DEFAULT '[]' NOT NULL,
	`status` text NOT NULL,
	`created_by` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cases_number_unique` ON `cases` (`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `cases_code_unique` ON `cases` (`code`);--> statement-breakpoint
CREATE INDEX `cases_received_idx` ON `cases` (`received_on`);--> statement-breakpoint
CREATE INDEX `cases_status_idx` ON `cases` (`status`);--> statement-breakpoint
CREATE TABLE `parties` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`sex` text,
	`birth_date` text,
	`ethnicity` text,
	`id_type` text NOT NULL,
	`id_number` text,
	`address` text,
	`phone` text,
	`representative` text,
	`representative_title` text,
	`revision` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `parties_identity_unique` ON `parties` (`id_type`,`id_number`) WHERE id_number IS NOT NULL;--> statement-breakpoint
CREATE INDEX `parties_name_idx` ON `parties` (`name`);--> statement-breakpoint
CREATE INDEX `parties_phone_idx` ON `parties` (`phone`);--> statement-breakpoint
CREATE INDEX `parties_id_number_idx` ON `parties` (`id_number`);--> statement-breakpoint
CREATE TABLE `party_revisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`party_id` integer NOT NULL,
	`revision` integer NOT NULL,
	`before` text NOT NULL,
	`reason` text NOT NULL,
	`changed_at` text NOT NULL,
	`changed_by` integer,
	FOREIGN KEY (`party_id`) REFERENCES `parties`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `party_revisions_party_idx` ON `party_revisions` (`party_id`);