CREATE TABLE `docket_close_stats` (
	`judge_id` integer NOT NULL,
	`month` text NOT NULL,
	`closed` integer NOT NULL,
	`days` integer NOT NULL,
	`mediated_or_withdrawn` integer NOT NULL,
	PRIMARY KEY(`judge_id`, `month`)
);
--> statement-breakpoint
CREATE TABLE `docket_closings` (
	`case_id` integer PRIMARY KEY NOT NULL,
	`method` text NOT NULL,
	`closed_on` text NOT NULL,
	`judgment_kind` text,
	`elements` text NOT NULL,
	`fee_before_fen` integer NOT NULL,
	`fee_fen` integer NOT NULL,
	`fee_rule` text NOT NULL,
	`paid_fen` integer NOT NULL,
	`refund_fen` integer NOT NULL,
	`burden` text NOT NULL,
	`by_id` integer,
	`at` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
DROP INDEX `docket_cases_judge_due_idx`;--> statement-breakpoint
DROP INDEX `docket_cases_closed_idx`;--> statement-breakpoint
CREATE INDEX `docket_cases_desk_idx` ON `docket_cases` (`status`,`judge_id`,`due_on`,`filed_on`,`suspended_until`);--> statement-breakpoint
CREATE INDEX `docket_cases_suspended_idx` ON `docket_cases` (`status`,`suspended_until`);--> statement-breakpoint
CREATE INDEX `docket_cases_closed_idx` ON `docket_cases` (`closed_on`,`judge_id`,`close_method`,`filed_on`);--> statement-breakpoint
-- the closings recorded before this migration, counted per judge and month (core/docket/closing.ts keeps them from now on)
INSERT INTO `docket_close_stats` (`judge_id`, `month`, `closed`, `days`, `mediated_or_withdrawn`)
SELECT coalesce(`judge_id`, 0), substr(`closed_on`, 1, 7), count(*),
  coalesce(sum(CAST(round(julianday(`closed_on`) - julianday(`filed_on`)) AS INTEGER)), 0),
  sum(CASE WHEN `close_method` IN ('mediation', 'withdrawal', 'deemed-withdrawal') THEN 1 ELSE 0 END)
FROM `docket_cases` WHERE `closed_on` IS NOT NULL GROUP BY 1, 2;
