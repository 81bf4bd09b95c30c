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
