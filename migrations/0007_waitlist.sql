CREATE TABLE `waitlist` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organization_id` integer,
	`name` text NOT NULL,
	`phone` text,
	`email` text,
	`languages` text NOT NULL,
	`case_type` text NOT NULL,
	`complexity` text NOT NULL,
	`county` text,
	`deadline` text,
	`from_event_id` integer,
	`from_code` text,
	`reason` text NOT NULL,
	`since` text NOT NULL,
	`state` text DEFAULT 'waiting' NOT NULL,
	`moved_to_event_id` integer,
	`moved_code` text,
	`added_by` integer,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`from_event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`moved_to_event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`added_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `waitlist_from` ON `waitlist` (`from_event_id`,`from_code`);--> statement-breakpoint
CREATE INDEX `waitlist_state` ON `waitlist` (`state`,`organization_id`);