CREATE TABLE `template_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`template_id` text NOT NULL,
	`version` integer NOT NULL,
	`kind` text NOT NULL,
	`source` text,
	`sha256` text,
	`builtin_version` integer NOT NULL,
	`note` text,
	`created_at` text NOT NULL,
	`created_by` integer,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `template_versions_unique` ON `template_versions` (`template_id`,`version`);